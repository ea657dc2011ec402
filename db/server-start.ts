import type { DemoLoader } from './prepare';
import { closeRuntimeDatabase, getDatabaseHandle, setDemoLoader } from './runtime';
import { describeStartupFailure } from './startup-failure';

/**
 * Validates the environment, opens the database (taking the embedded folder's lock), applies migrations and seeds
 * (the demo, into a new embedded database, with the loader the caller hands in).
 * A problem here ends the process with one clear line instead of a server that answers every request with an error.
 */
export async function startServerDatabase(options: { demo: DemoLoader }): Promise<void> {
  setDemoLoader(options.demo);
  try {
    await getDatabaseHandle();
  } catch (error) {
    console.error(`[abate] ${describeStartupFailure(error)}`);
    process.exit(1);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void closeRuntimeDatabase().finally(() => process.exit(0));
    });
  }
}
