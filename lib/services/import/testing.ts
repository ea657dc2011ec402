/**
 * Fixtures the import verbs' database tests share: files written in the test or shaped like real reports, localities
 * on a fresh database, their members, and row counts. Not used by the application.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { localities, memberships, users } from '@/db/schema';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, type TestDatabase } from '@/db/testing/test-database';
import type { Actor, Role } from '@/lib/auth/authorize';
import { queryRows } from '@/lib/data/rows';

/** The date the tests pin as today. */
export const TODAY = '2026-11-23';

/** A CSV file of these lines. */
export function csv(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** The folder of files shaped like real public reports (lib/import/fixtures/real). */
export const REAL_REPORTS = path.resolve(import.meta.dirname, '../../import/fixtures/real');

/** The bytes of one of those files. */
export function realReport(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(REAL_REPORTS, name)));
}

type NewLocality = Pick<typeof localities.$inferInsert, 'slug' | 'name' | 'kind' | 'stateCode' | 'fyStartMonth'>;

/** A fresh database with the reference data (frameworks, categories, sources) and these localities, ids in order. */
export async function createImportDatabase<const T extends readonly NewLocality[]>(
  driver: Parameters<typeof createTestDatabase>[0],
  places: T,
): Promise<{ database: TestDatabase; db: Database; localityIds: { -readonly [K in keyof T]: number } }> {
  const database = await createTestDatabase(driver);
  const db = database.handle.db;
  await seedReferenceData(db);
  const rows = await db.insert(localities).values([...places]).returning({ id: localities.id });
  return { database, db, localityIds: rows.map((row) => row.id) as { -readonly [K in keyof T]: number } };
}

/** A person with one role in one locality, as `findActorBySession` builds them. */
export async function addMember(db: Database, email: string, name: string, localityId: number, role: Role): Promise<Actor> {
  const [user] = await db.insert(users).values({ email, name }).returning({ id: users.id });
  await db.insert(memberships).values({ userId: user!.id, localityId, role });
  return { userId: user!.id, email, name, isSiteAdmin: false, memberships: new Map([[localityId, role]]) };
}

/** How many rows of `table` match `where`. */
export async function countRows(db: Database, table: string, where: SQL = sql`true`): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`);
  return row!.n;
}
