/**
 * The change signal: how every app server learns that committed data changed, so it can drop what it cached.
 *
 * A write signals inside its transaction (`signalDataChanged`: `pg_notify`, which PostgreSQL delivers on commit and
 * not at all on rollback; the services send it once, just before their transaction commits: withTransaction in
 * lib/services/context.ts); every server LISTENs (db/change-listener.ts) and hands each signal to the handlers the
 * layers above registered (`onDataChanged`: the public caches in lib/cache). The database layer only carries the
 * signal; what a change means to a cache is decided above it.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from './client';

export const CHANGE_CHANNEL = 'abate_data_changed';
/** Payload meaning "something not tied to one locality changed" (categories, users, …), or "anything may have". */
export const ALL_LOCALITIES = '*';

type ChangeHandler = (payload: string) => void;

// On globalThis: each server bundle has its own copy of this module, and a handler registered in one must hear the
// listener started from another. Keyed, so a module loaded again replaces its handler instead of adding a second.
const globalForChanges = globalThis as unknown as { __abateChangeHandlers?: Map<string, ChangeHandler> };
const handlers = (globalForChanges.__abateChangeHandlers ??= new Map());

/** Calls `handler` with every change signal this process hears (`*` also when the listener lost or regained its connection). */
export function onDataChanged(name: string, handler: ChangeHandler): void {
  handlers.set(name, handler);
}

/** Hands one signal to every registered handler (the listener calls it). */
export function dispatchDataChanged(payload: string): void {
  for (const handler of handlers.values()) handler(payload);
}

/**
 * Inside the transaction of a write: signals, when it commits, that the data of these localities changed (null: data
 * not tied to one locality). PostgreSQL sends each distinct payload once per transaction.
 */
export async function signalDataChanged(executor: Executor, localityIds: Iterable<number | null>): Promise<void> {
  const payloads = new Set([...localityIds].map((id) => (id === null ? ALL_LOCALITIES : String(id))));
  for (const payload of payloads) await executor.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${payload})`);
}
