import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { seedDemoData } from './seed/demo';
import { seedReferenceData } from './seed/reference';

export interface PrepareResult {
  demoLoaded: boolean;
}

/** Brings any database, new or old, to the current schema and reference data; loads the demo into an empty one. */
export async function prepareDatabase(
  handle: DatabaseHandle,
  options: { demoIfEmpty: boolean },
): Promise<PrepareResult> {
  await migrateDatabase(handle);
  await seedReferenceData(handle.db);
  if (!options.demoIfEmpty) return { demoLoaded: false };
  const result = await handle.db.execute<{ empty: boolean }>(
    sql`select not exists (select 1 from localities) as empty`,
  );
  const empty = (result as unknown as { rows: { empty: boolean }[] }).rows[0]?.empty === true;
  if (!empty) return { demoLoaded: false };
  await seedDemoData(handle.db);
  return { demoLoaded: true };
}
