import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from './client';
import { createTestDatabase, postgresAvailable, type TestDatabase } from './testing/test-database';

/** Everything about a schema that could differ between the two drivers, as sorted text lines. */
interface SchemaDescription {
  columns: string[];
  constraints: string[];
  indexes: string[];
  triggers: string[];
  enums: string[];
  functions: string[];
}

async function describeSchema(executor: Executor): Promise<SchemaDescription> {
  const lines = async (query: ReturnType<typeof sql>) =>
    ((await executor.execute(query)) as unknown as { rows: { line: string }[] }).rows.map((r) => r.line).sort();
  return {
    columns: await lines(sql`
      select table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable
        || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity as line
      from information_schema.columns where table_schema = 'public'`),
    constraints: await lines(sql`
      select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as line
      from pg_constraint where connamespace = 'public'::regnamespace
        -- PostgreSQL 18 also lists NOT NULL as constraints; nullability is compared through the columns above.
        and contype <> 'n'`),
    indexes: await lines(sql`select indexdef as line from pg_indexes where schemaname = 'public'`),
    triggers: await lines(sql`
      select tgrelid::regclass::text || ' ' || tgname || ' ' || pg_get_triggerdef(oid) as line
      from pg_trigger where not tgisinternal`),
    enums: await lines(sql`
      select t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) as line
      from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname`),
    functions: await lines(sql`
      select p.proname || ' ' || md5(p.prosrc) as line
      from pg_proc p where p.pronamespace = 'public'::regnamespace`),
  };
}

describe.skipIf(!postgresAvailable())('the same migrations on PGlite and PostgreSQL', () => {
  let embedded: TestDatabase;
  let server: TestDatabase;

  beforeAll(async () => {
    [embedded, server] = await Promise.all([createTestDatabase('pglite'), createTestDatabase('postgres')]);
  });
  afterAll(async () => {
    await Promise.all([embedded?.drop(), server?.drop()]);
  });

  it('produce the same tables, columns, constraints, indexes, triggers, enums and functions', async () => {
    const [a, b] = await Promise.all([describeSchema(embedded.handle.db), describeSchema(server.handle.db)]);
    expect(a.columns.length).toBeGreaterThan(50);
    expect(a.triggers.length).toBeGreaterThanOrEqual(4);
    expect(a).toEqual(b);
  });
});
