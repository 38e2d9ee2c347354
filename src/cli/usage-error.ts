/** A usage problem: the CLI prints it on one line with the usage line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}
