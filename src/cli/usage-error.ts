/** A problem with how tl-lint was called, configured or installed: exit code 2, message only, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
