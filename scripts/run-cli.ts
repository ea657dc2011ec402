import { describeStartupFailure } from '../db/startup-failure';

/** Runs a command-line entry point: a failure prints one line (never a stack) and exits non-zero. */
export function runCli(main: () => Promise<number | void>): void {
  main()
    .then((code) => process.exit(code ?? 0))
    .catch((error: unknown) => {
      console.error(`abate: ${describeStartupFailure(error)}`);
      process.exit(1);
    });
}

/** The one line an error the command expects is printed as, or null for any other (it goes on to runCli). */
export type DescribeFailure = (error: unknown) => string | null;

/** Errors of one class (the command's own: BackupError, AppError) are their message. */
export function messageOf(expected: abstract new (...args: never[]) => Error): DescribeFailure {
  return (error) => (error instanceof expected ? error.message : null);
}

/** An error the command expects is one line, "abate: …", and exit 1; any other is thrown on. */
export function failedWith(error: unknown, describe: DescribeFailure): number {
  const message = describe(error);
  if (message === null) throw error;
  console.error(`abate: ${message}`);
  return 1;
}

/** Runs `work` on an open handle and closes it after, whatever happens; an error `describe` knows is exit 1. */
export async function closingAfter<H extends { close(): Promise<void> }>(
  handle: H,
  describe: DescribeFailure,
  work: (handle: H) => Promise<number>,
): Promise<number> {
  try {
    return await work(handle);
  } catch (error) {
    return failedWith(error, describe);
  } finally {
    await handle.close();
  }
}
