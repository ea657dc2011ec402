import { closeRuntimeDatabase, getDatabaseHandle } from './runtime';
import { describeStartupFailure } from './startup-failure';

/**
 * Validates the environment, opens the database (taking the embedded folder's lock), applies migrations and seeds.
 * A problem here ends the process with one clear line instead of a server that answers every request with an error.
 */
export async function startServerDatabase(): Promise<void> {
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
