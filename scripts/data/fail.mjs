/** An input that cannot be turned into the tables as it is: the generator stops with its message. */
export class DataError extends Error {}

/** @param {string} message @returns {never} */
export function fail(message) {
  throw new DataError(message);
}
