export interface Peeked<T> {
  /** The first items, read ahead. */
  readonly head: readonly T[];
  /** Whether `head` is all there is. */
  readonly complete: boolean;
  /** Every item, `head` first: read once. */
  readonly all: AsyncIterable<T>;
}

/**
 * Reads items ahead until `enough(head)` or the end: what a caller must know before it starts (how
 * many threads a run wants) without reading the whole of a long stream.
 */
export async function peek<T>(items: AsyncIterable<T>, enough: (head: readonly T[]) => boolean): Promise<Peeked<T>> {
  const iterator = items[Symbol.asyncIterator]();
  const head: T[] = [];
  let complete = false;
  while (!enough(head)) {
    const step = await iterator.next();
    if (step.done === true) {
      complete = true;
      break;
    }
    head.push(step.value);
  }
  async function* all(): AsyncGenerator<T, void, undefined> {
    yield* head;
    if (complete) return;
    // The iterator, not `items`: it goes on from where the read ahead stopped.
    for (let step = await iterator.next(); step.done !== true; step = await iterator.next()) yield step.value;
  }
  return { head, complete, all: all() };
}
