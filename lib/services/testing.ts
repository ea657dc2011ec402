/**
 * Fixtures for the services' database tests: two localities, people with each role, and category ids by key. The
 * actors are built the way `findActorBySession` builds them, without a session, so tests say exactly who acts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import type { Database, Driver } from '@/db/client';
import { auditLog, categories, frameworks, fundingSources, localities, memberships, users } from '@/db/schema';
import { seedReferenceData } from '@/db/seed/reference';
import { useTestDatabase } from '@/db/testing/test-database';
import type { Actor, Role } from '@/lib/auth/authorize';
import { createAllocation } from './allocations/create';

export interface ServiceFixture {
  /** July fiscal-year start. */
  localityA: number;
  /** October fiscal-year start. */
  localityB: number;
  editorA: Actor;
  secondEditorA: Actor;
  reviewerA: Actor;
  editorB: Actor;
  /** A site administrator who also sits on A's board: may both submit and decide there. */
  adminReviewerA: Actor;
  sourceId: number;
  category(frameworkKey: string, key: string): number;
}

async function addUser(db: Database, email: string, name: string, isSiteAdmin: boolean, roles: [number, Role][]): Promise<Actor> {
  const [user] = await db.insert(users).values({ email, name, isSiteAdmin }).returning({ id: users.id });
  for (const [localityId, role] of roles) await db.insert(memberships).values({ userId: user!.id, localityId, role });
  return { userId: user!.id, email, name, isSiteAdmin, memberships: new Map(roles) };
}

export async function createServiceFixture(db: Database): Promise<ServiceFixture> {
  await seedReferenceData(db);
  const [a] = await db
    .insert(localities)
    .values({ slug: 'alder-county', name: 'Alder County', kind: 'county', stateCode: 'ZZ', fyStartMonth: 7 })
    .returning({ id: localities.id });
  const [b] = await db
    .insert(localities)
    .values({ slug: 'birch-city', name: 'Birch City', kind: 'city', stateCode: 'ZZ', fyStartMonth: 10 })
    .returning({ id: localities.id });
  const localityA = a!.id;
  const localityB = b!.id;
  const rows = await db
    .select({ id: categories.id, key: categories.key, framework: frameworks.key })
    .from(categories)
    .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId));
  const ids = new Map(rows.map((row) => [`${row.framework}:${row.key}`, row.id]));
  const [source] = await db.select({ id: fundingSources.id }).from(fundingSources).limit(1);
  return {
    localityA,
    localityB,
    editorA: await addUser(db, 'ana@alder.test', 'Ana Editor', false, [[localityA, 'editor']]),
    secondEditorA: await addUser(db, 'ben@alder.test', '', false, [[localityA, 'editor']]),
    reviewerA: await addUser(db, 'rita@alder.test', 'Rita Reviewer', false, [[localityA, 'reviewer']]),
    editorB: await addUser(db, 'bo@birch.test', 'Bo Editor', false, [[localityB, 'editor']]),
    adminReviewerA: await addUser(db, 'sam@state.test', 'Sam Admin', true, [[localityA, 'reviewer']]),
    sourceId: source!.id,
    category(frameworkKey, key) {
      const id = ids.get(`${frameworkKey}:${key}`);
      if (id === undefined) throw new Error(`no category ${frameworkKey}:${key}`);
      return id;
    },
  };
}

/**
 * A fresh database of `driver` for the suite this is called in, with the fixture above in it: `db()` inside tests and
 * hooks, and `f`, filled in before the suite's own beforeAll hooks run (they are registered after this call).
 */
export function useServiceFixture(driver: Driver): { db: () => Database; f: ServiceFixture } {
  const { db } = useTestDatabase(driver);
  const f = {} as ServiceFixture;
  beforeAll(async () => {
    Object.assign(f, await createServiceFixture(db()));
  });
  return { db, f };
}

/** Row counts of every table a money verb may write, to show that a refused call changed nothing. */
const MONEY_TABLES = ['allocations', 'allocation_splits', 'recipients', 'receipts', 'expenditures', 'audit_log'] as const;

export async function countMoneyRows(db: Database): Promise<Record<(typeof MONEY_TABLES)[number], number>> {
  const tables = MONEY_TABLES;
  const counts = {} as Record<(typeof MONEY_TABLES)[number], number>;
  for (const table of tables) {
    const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
    counts[table] = result.rows[0]!.n;
  }
  return counts;
}

export async function auditRowsFor(db: Database, entity: string, id: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);
}

/**
 * Marks allocations approved without the board's verbs, for tests that record payments: a payment is recorded only
 * against an approved allocation (lib/services/expenditures/guardrails.ts).
 */
export async function approveForTest(db: Database, ...allocationIds: number[]): Promise<void> {
  for (const id of allocationIds) {
    await db.execute(sql`update allocations set status = 'approved', decided_at = now() where id = ${id}`);
  }
}

/**
 * An FY2025 naloxone allocation of locality A, entered on the form by its editor, and approved (as the board would)
 * unless `approve` is false: the line a payment is recorded against.
 */
export async function addFormAllocation(db: Database, f: ServiceFixture, program: string, amount: string, approve = true): Promise<number> {
  const { id } = await createAllocation({ db, actor: f.editorA }, {
    localityId: f.localityA,
    fiscalYear: '2025',
    program,
    amount,
    recipientMode: 'none',
    splits: [{ categoryId: f.category('health-first', 'naloxone'), percent: '100' }],
  });
  if (approve) await approveForTest(db, id);
  return id;
}

/** The error `promise` rejects with; fails the test when it resolves instead. */
export async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
