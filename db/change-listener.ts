import pg from 'pg';
import { APPLICATION_NAME, rawClient, type DatabaseHandle, type EmbeddedClient } from './client';
import { ALL_LOCALITIES, CHANGE_CHANNEL, dispatchDataChanged } from './data-changes';

/**
 * Listens for committed data changes (db/data-changes.ts) and hands each to the handlers registered above (the public
 * caches drop what the change affects).
 * On PostgreSQL it holds one dedicated connection and reconnects by itself (PostgreSQL restarted, network cut);
 * whatever happened while it was away is unknown, so losing the connection and getting it back both clear the
 * whole cache (a `*` signal).
 */
export async function startChangeListener(handle: DatabaseHandle, databaseUrl?: string): Promise<() => Promise<void>> {
  if (handle.driver === 'pglite') {
    const client = rawClient(handle) as EmbeddedClient;
    const unsubscribe = await client.listen(CHANGE_CHANNEL, (payload) => dispatchDataChanged(payload));
    return unsubscribe;
  }
  if (!databaseUrl) throw new Error('the PostgreSQL change listener needs the database URL');

  let stopped = false;
  let client: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let delayMs = 500;

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const next = new pg.Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: `${APPLICATION_NAME}-listener`,
    });
    next.on('notification', (message) => dispatchDataChanged(message.payload ?? ALL_LOCALITIES));
    next.on('error', () => scheduleReconnect(next));
    next.on('end', () => scheduleReconnect(next));
    try {
      await next.connect();
      await next.query(`listen ${CHANGE_CHANNEL}`);
      client = next;
      delayMs = 500;
      dispatchDataChanged(ALL_LOCALITIES);
    } catch {
      scheduleReconnect(next);
    }
  };

  const scheduleReconnect = (failed: pg.Client): void => {
    if (stopped || retryTimer || (client !== null && client !== failed)) return;
    client = null;
    failed.end().catch(() => undefined);
    dispatchDataChanged(ALL_LOCALITIES);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delayMs);
    retryTimer.unref();
    // Short ceiling: until it is back, this server's cached public reads miss every write (its own included).
    delayMs = Math.min(delayMs * 2, 5_000);
  };

  await connect();
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    await client?.end().catch(() => undefined);
  };
}
