import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from './client';
import { migrateDatabase } from './migrate';
import { seedReferenceData } from './seed/reference';

export interface PrepareResult {
  demoLoaded: boolean;
}

/**
 * Loads the demo localities into an empty database. The demo lives above this layer (lib/demo: it writes through the
 * domain's audit and money rules), so whoever prepares a database with the demo hands its loader in.
 */
export type DemoLoader = (db: Executor) => Promise<unknown>;

/** Brings any database, new or old, to the current schema and reference data; loads the demo into an empty one. */
export async function prepareDatabase(handle: DatabaseHandle, options: { demo: DemoLoader | null }): Promise<PrepareResult> {
  await migrateDatabase(handle);
  await seedReferenceData(handle.db);
  if (!options.demo) return { demoLoaded: false };
  const result = await handle.db.execute<{ empty: boolean }>(
    sql`select not exists (select 1 from localities) as empty`,
  );
  const empty = (result as unknown as { rows: { empty: boolean }[] }).rows[0]?.empty === true;
  if (!empty) return { demoLoaded: false };
  await options.demo(handle.db);
  return { demoLoaded: true };
}
