/**
 * A test database with the demo seed, installed as the app's runtime database, and the people who knock on the
 * app's doors: nobody, a signed-in person with no role, each role of the demo county (A), an editor of the demo
 * city (B), a site administrator and a disabled account. Each call gets a fresh session for its person, so an
 * action that ends sessions (sign out, password change) never disturbs the next call.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Database, Driver } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { seedDemoData } from '@/lib/demo/seed-demo';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, type TestDatabase } from '@/db/testing/test-database';
import { createSession } from '@/lib/auth/sessions';

export const ACTOR_NAMES = [
  'anonymous',
  'signedInNoRole',
  'editorA',
  'reviewerA',
  'localityAdminA',
  'editorB',
  'siteAdmin',
  'disabledEditorA',
] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

export interface RecordRef {
  id: number;
  version: number;
}

export interface LocalityRecords {
  id: number;
  slug: string;
  allocation: RecordRef;
  draftAllocation: RecordRef;
  submittedAllocation: RecordRef;
  receipt: RecordRef;
  expenditure: RecordRef;
  goal: RecordRef;
  outcome: RecordRef;
}

export interface SurfaceFixture {
  database: TestDatabase;
  db: Database;
  a: LocalityRecords;
  b: LocalityRecords;
  userIds: Record<Exclude<ActorName, 'anonymous'>, number>;
  /** A fresh session token for the person, or null for the anonymous visitor. */
  sessionFor(actor: ActorName): Promise<string | null>;
  /** A new account that belongs to locality A only (a target for the people-management actions). */
  newMemberOfA(): Promise<number>;
  close(): Promise<void>;
}

const globalForDb = globalThis as unknown as { __abateDatabase?: Promise<unknown> };

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function one<T>(db: Database, query: ReturnType<typeof sql>, what: string): Promise<T> {
  const [row] = await rows<T>(db, query);
  if (!row) throw new Error(`surface fixture: the demo data has no ${what}`);
  return row;
}

/** Locality A's records must have the status asked for; B's (only ever someone else's ids) may be any line. */
async function recordsOf(db: Database, slug: string, strict: boolean): Promise<LocalityRecords> {
  const { id } = await one<{ id: number }>(db, sql`select id from localities where slug = ${slug}`, `locality ${slug}`);
  const allocation = (status: string | null) =>
    one<RecordRef>(
      db,
      sql`select id, version from allocations where locality_id = ${id} and deleted_at is null
          and (${status}::text is null or not ${strict} or status::text = ${status})
          order by (status::text = ${status ?? ''}) desc, id limit 1`,
      `${status ?? 'any'} allocation in ${slug}`,
    );
  return {
    id,
    slug,
    allocation: await allocation(null),
    draftAllocation: await allocation('draft'),
    submittedAllocation: await allocation('submitted'),
    receipt: await one(db, sql`select id, version from receipts where locality_id = ${id} and deleted_at is null order by id limit 1`, 'receipt'),
    expenditure: await one(
      db,
      sql`select e.id, e.version from expenditures e join allocations a on a.id = e.allocation_id
          where a.locality_id = ${id} and e.deleted_at is null order by e.id limit 1`,
      'expenditure',
    ),
    goal: await one(db, sql`select id, version from equity_goals where locality_id = ${id} and deleted_at is null order by id limit 1`, 'goal'),
    outcome: await one(db, sql`select id, version from program_outcomes where locality_id = ${id} and deleted_at is null order by id limit 1`, 'outcome'),
  };
}

async function addUser(db: Database, email: string, isSiteAdmin: boolean): Promise<number> {
  const [row] = await db.insert(users).values({ email, name: email, isSiteAdmin }).returning({ id: users.id });
  return row!.id;
}

/**
 * A suite's fixture: created before its first test and closed after its last (as useTestDatabase does for a bare
 * database); the function returns it inside a test.
 */
export function useSurfaceFixture(driver: Driver): () => SurfaceFixture {
  let fixture: SurfaceFixture | undefined;
  beforeAll(async () => {
    fixture = await createSurfaceFixture(driver);
  });
  afterAll(async () => {
    await fixture?.close();
  });
  return () => {
    if (!fixture) throw new Error('the surface fixture is read before its suite started');
    return fixture;
  };
}

export async function createSurfaceFixture(driver: Driver): Promise<SurfaceFixture> {
  const database = await createTestDatabase(driver);
  const db = database.handle.db;
  await seedReferenceData(db);
  await seedDemoData(db);
  // db/runtime.ts keeps its one database on globalThis: the app under test uses this one.
  globalForDb.__abateDatabase = Promise.resolve(database.handle);

  const a = await recordsOf(db, 'cedarholm-county', true);
  const b = await recordsOf(db, 'port-wexley', false);
  const demo = async (email: string) => (await one<{ id: number }>(db, sql`select id from users where email = ${email}`, email)).id;

  const signedInNoRole = await addUser(db, 'nobody@surface.test', false);
  const localityAdminA = await addUser(db, 'admin.cedarholm@surface.test', false);
  await db.insert(memberships).values({ userId: localityAdminA, localityId: a.id, role: 'admin' });
  const disabledEditorA = await addUser(db, 'gone@surface.test', false);
  await db.insert(memberships).values({ userId: disabledEditorA, localityId: a.id, role: 'editor' });
  await db.execute(sql`update users set disabled_at = now() where id = ${disabledEditorA}`);

  const userIds: SurfaceFixture['userIds'] = {
    signedInNoRole,
    editorA: await demo('editor@demo.abate.test'),
    reviewerA: await demo('reviewer@demo.abate.test'),
    localityAdminA,
    editorB: await demo('editor.portwexley@demo.abate.test'),
    siteAdmin: await demo('admin@demo.abate.test'),
    disabledEditorA,
  };
  let members = 0;

  return {
    database,
    db,
    a,
    b,
    userIds,
    async sessionFor(actor) {
      if (actor === 'anonymous') return null;
      return (await createSession(db, userIds[actor])).token;
    },
    async newMemberOfA() {
      members += 1;
      const id = await addUser(db, `member${members}.${Date.now()}@surface.test`, false);
      await db.insert(memberships).values({ userId: id, localityId: a.id, role: 'editor' });
      return id;
    },
    async close() {
      if (globalForDb.__abateDatabase) globalForDb.__abateDatabase = undefined;
      await database.drop();
    },
  };
}

// ---- Did anything change? -----------------------------------------------------------------------------------------

/** Columns that change on a read by design: a session's last-seen time is refreshed as it is used. */
const VOLATILE_COLUMNS: Record<string, string[]> = { sessions: ['last_seen_at'] };

export type DatabaseSnapshot = Record<string, string>;

/** Every table's row count and a fingerprint of its rows' versions, in one query. */
const columnsOf = new WeakMap<Database, Promise<{ table_name: string; column_name: string }[]>>();

export async function snapshotDatabase(db: Database, options: { ignoreTables?: readonly string[] } = {}): Promise<DatabaseSnapshot> {
  // The schema does not change during a test: its columns are read once per database.
  if (!columnsOf.has(db)) {
    columnsOf.set(
      db,
      rows(
        db,
        sql`select c.table_name, c.column_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`,
      ),
    );
  }
  const columns = await columnsOf.get(db)!;
  const byTable = new Map<string, string[]>();
  for (const { table_name: table, column_name: column } of columns) {
    if (options.ignoreTables?.includes(table) || VOLATILE_COLUMNS[table]?.includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), `"${column}"`]);
  }
  // Every write leaves its transaction id (xmin) on the row versions it creates, and a delete lowers the count: so
  // count + newest xmin changes with any insert, update or delete, and costs far less than hashing every row. Tables
  // with a column that a read refreshes (a session's last-seen time) are hashed without that column instead.
  const parts = [...byTable.entries()].map(([table, cols]) =>
    VOLATILE_COLUMNS[table]
      ? `select '${table}' as t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h
         from (select ${cols.join(', ')} from "${table}") x`
      : `select '${table}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as h from "${table}"`,
  );
  const result = await rows<{ t: string; h: string }>(db, sql.raw(parts.join(' union all ')));
  return Object.fromEntries(result.map((row) => [row.t, row.h]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((table) => before[table] !== after[table]).sort();
}
