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
