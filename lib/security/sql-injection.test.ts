/**
 * SQL injection through every filter and search parameter, at the data layer: each API answer with each of its
 * query parameters (read from the endpoint's own "this endpoint takes …" message, so a new parameter is covered),
 * the open-data downloads, the staff lists with every parameter their URL parser reads, the audit log's filters,
 * the public reads and the session and sign-in lookups. Each answer must be a result with no extra rows or a typed
 * 400/404 — never a database error — and a fingerprint of the whole database (every table's name, row count and a
 * hash of its rows) must be the same afterwards.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { localities } from '@/db/schema';
import { seedDemoData } from '@/lib/demo/seed-demo';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { findActorBySession } from '@/lib/auth/sessions';
import { signIn } from '@/lib/auth/sign-in';
import { listAuditLog } from '@/lib/data/audit-log';
import { findLocalityBySlug } from '@/lib/data/localities';
import { getCategory, listCategories } from '@/lib/data/public-categories';
import { ALLOCATION_SORT, listStaffAllocations } from '@/lib/data/staff-allocations';
import { EXPENDITURE_SORT, listStaffExpenditures } from '@/lib/data/staff-expenditures';
import { parseStaffListQuery, type SortSpec, type StaffListQuery } from '@/lib/data/staff-list-query';
import { listStaffReceipts, RECEIPT_SORT } from '@/lib/data/staff-receipts';
import { equityApiAnswer } from '@/lib/equity/public';
import { AppError } from '@/lib/errors';
import {
  allocationsAnswer,
  categoriesAnswer,
  expendituresAnswer,
  localitiesAnswer,
  localityAnswer,
  receiptsAnswer,
  summaryAnswer,
} from '@/lib/open-data/answers';
import { openDownload } from '@/lib/open-data/downloads';
import { ApiError } from '@/lib/open-data/errors';

export const SQL_PAYLOADS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '1; DROP TABLE allocations; --',
  "'); DELETE FROM audit_log; --",
  '1 UNION SELECT password_hash FROM users',
  "1' UNION SELECT password_hash, null FROM users --",
  "2026) or (1=1",
  "'; select pg_sleep(5); --",
  '%27',
  "%' OR '%'='",
  '%',
  '_',
  '\\',
  '\u0000',
  'x\u0000y',
  "$1",
  'a'.repeat(10_000),
  "é' || (select string_agg(email, ',') from users) || '",
];

type Answer = (params: URLSearchParams) => Promise<unknown>;

describeEachDriver('SQL injection through filters and search parameters changes nothing', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let cedarholm: number;
  const SLUG = 'cedarholm-county';
  /** Hostile values sent, reported at the end (issue #8's closing note counts them). */
  let attempts = 0;

  async function fingerprint(): Promise<string> {
    const tables = (await db.execute(sql`
      select table_name::text as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as unknown as { rows: { name: string }[] };
    const parts: string[] = [];
    for (const { name } of tables.rows) {
      // Every row as text, hashed in a stable order: any insert, update or delete changes it.
      const result = (await db.execute(
        sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name}" t`),
      )) as unknown as { rows: { n: number; h: string }[] };
      parts.push(`${name}:${result.rows[0]!.n}:${result.rows[0]!.h}`);
    }
    return parts.join('\n');
  }

  /** A result, or a typed refusal the edge turns into 400 or 404; anything else (a database error) fails. */
  async function settle(
    label: string,
    run: () => Promise<unknown>,
    allowed: number[] = [400, 404],
  ): Promise<{ ok: true; value: unknown } | { ok: false; status: number }> {
    attempts += 1;
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      const status = error instanceof ApiError || error instanceof AppError ? error.status : 500;
      expect(allowed, `${label}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`).toContain(status);
      return { ok: false, status };
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.handle.db;
    await seedReferenceData(db);
    await seedDemoData(db);
    cedarholm = (await findLocalityBySlug(db, SLUG))!.id;
  });

  afterAll(async () => {
    console.log(`SQL injection attempts on ${driver}: ${attempts}, database unchanged after each group`);
    await database.drop();
  });

  /** The query parameters an endpoint takes, from its own answer to an unknown one. */
  async function paramsOf(answer: Answer): Promise<string[]> {
    try {
      await answer(new URLSearchParams({ zz_unknown: '1' }));
    } catch (error) {
      const takes = error instanceof Error ? /this endpoint takes (.+)\.$/.exec(error.message) : null;
      if (takes) return takes[1]!.split(', ');
      if (error instanceof Error && /takes no query parameters/.test(error.message)) return [];
      throw error;
    }
    throw new Error('an unknown parameter was accepted');
  }

  it('every API answer, with every payload in every parameter and in the slug', async () => {
    const before = await fingerprint();
    const answers: Record<string, (slug: string) => Answer> = {
      localities: () => (p) => localitiesAnswer(db, p),
      locality: (slug) => (p) => localityAnswer(db, slug, p),
      allocations: (slug) => (p) => allocationsAnswer(db, slug, p),
      expenditures: (slug) => (p) => expendituresAnswer(db, slug, p),
      receipts: (slug) => (p) => receiptsAnswer(db, slug, p),
      summary: (slug) => (p) => summaryAnswer(db, slug, p),
      equity: (slug) => (p) => equityApiAnswer(db, slug, p),
      categories: () => (p) => categoriesAnswer(db, p),
    };
    let checked = 0;
    for (const [name, answerFor] of Object.entries(answers)) {
      const answer = answerFor(SLUG);
      const params = await paramsOf(answer);
      if (['allocations', 'expenditures', 'receipts'].includes(name)) expect(params, name).toEqual(expect.arrayContaining(['fy', 'cursor', 'limit']));
      const baseline = await answer(new URLSearchParams());
      for (const param of params) {
        for (const payload of SQL_PAYLOADS) {
          const label = `${name}?${param}=${JSON.stringify(payload.slice(0, 40))}`;
          const outcome = await settle(label, () => answer(new URLSearchParams({ [param]: payload })));
          // Accepted only if it did not widen the answer: never more rows than without the filter.
          if (outcome.ok && Array.isArray((outcome.value as { data?: unknown[] }).data)) {
            expect((outcome.value as { data: unknown[] }).data.length, label).toBeLessThanOrEqual((baseline as { data: unknown[] }).data.length);
          }
          checked += 1;
        }
      }
      for (const payload of SQL_PAYLOADS) {
        const outcome = await settle(`${name} slug ${JSON.stringify(payload.slice(0, 40))}`, () => answerFor(payload)(new URLSearchParams()));
        if (name !== 'localities' && name !== 'categories') expect(outcome, `${name} slug ${payload.slice(0, 40)}`).toEqual({ ok: false, status: 404 });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(await fingerprint()).toBe(before);
  });

  it('the open-data downloads, with every payload as scope and as file', async () => {
    const before = await fingerprint();
    for (const payload of SQL_PAYLOADS) {
      expect(await settle(`scope ${payload.slice(0, 40)}`, () => openDownload(db, payload, 'allocations.csv'))).toEqual({ ok: false, status: 404 });
      expect(await settle(`file ${payload.slice(0, 40)}`, () => openDownload(db, SLUG, payload))).toEqual({ ok: false, status: 404 });
    }
    expect(await fingerprint()).toBe(before);
  });

  it('the staff lists, with every payload in every parameter their URL parser reads', async () => {
    const before = await fingerprint();
    const lists: [string, SortSpec, (q: StaffListQuery) => Promise<{ rows: unknown[]; rowCount: number }>][] = [
      ['allocations', ALLOCATION_SORT, (q) => listStaffAllocations(db, cedarholm, q)],
      ['expenditures', EXPENDITURE_SORT, (q) => listStaffExpenditures(db, cedarholm, q)],
      ['receipts', RECEIPT_SORT, (q) => listStaffReceipts(db, cedarholm, q)],
    ];
    const PARAMS = ['page', 'size', 'sort', 'dir', 'q', 'fy', 'status', 'category', 'rtype', 'allocation'];
    for (const [name, spec, list] of lists) {
      const all = await list(parseStaffListQuery(new URLSearchParams(), spec));
      expect(all.rowCount, name).toBeGreaterThan(0);
      for (const param of PARAMS) {
        for (const payload of SQL_PAYLOADS) {
          const label = `${name}?${param}=${JSON.stringify(payload.slice(0, 40))}`;
          const outcome = await settle(label, () => list(parseStaffListQuery(new URLSearchParams({ [param]: payload }), spec)));
          expect(outcome.ok, label).toBe(true);
          const page = (outcome as { value: { rowCount: number } }).value;
          if (param === 'q' && payload.replaceAll('\u0000', '').trim() === '') {
            // Nothing left to search for once the NUL (which PostgreSQL text cannot hold) is dropped: every row.
            expect(page.rowCount, label).toBe(all.rowCount);
          } else if (param === 'q') {
            // Search text is matched as text: the SQL-looking payloads match nothing, and none matches everything.
            expect(page.rowCount, label).toBeLessThan(all.rowCount);
            if (/[;'=]|UNION/.test(payload)) expect(page.rowCount, label).toBe(0);
          } else {
            // Anything else that is not a valid value is ignored: the same rows as without it.
            expect(page.rowCount, label).toBe(all.rowCount);
          }
        }
      }
    }
    expect(await fingerprint()).toBe(before);
  });

  it('the audit log filters, the public reads, and the session lookup', async () => {
    const before = await fingerprint();
    const everything = await listAuditLog(db, { scope: 'all', page: 1, pageSize: 10 });
    expect(everything.total).toBeGreaterThan(0);
    for (const payload of SQL_PAYLOADS) {
      const label = JSON.stringify(payload.slice(0, 40));
      for (const filter of [{ localitySlug: payload }, { userEmail: payload }, { entity: payload }, { entity: 'allocation', entityId: payload }]) {
        const outcome = await settle(`audit ${Object.keys(filter)[0]} ${label}`, () => listAuditLog(db, { scope: 'all', page: 1, pageSize: 10, ...filter }));
        expect(outcome, label).toMatchObject({ ok: true, value: { total: 0, entries: [] } });
      }
      attempts += 6; // the six direct reads below
      // Scoped to one locality, a payload cannot reach another locality's history.
      const scoped = await listAuditLog(db, { scope: [cedarholm], page: 1, pageSize: 10, localitySlug: payload });
      expect(scoped.total, label).toBe(0);
      expect(await findLocalityBySlug(db, payload), label).toBeNull();
      expect(await listCategories(db, payload), label).toEqual([]);
      expect(await getCategory(db, payload, 'moud'), label).toBeNull();
      expect(await getCategory(db, 'health-first', payload), label).toBeNull();
      expect(await findActorBySession(db, payload), label).toBeNull();
    }
    expect(await fingerprint()).toBe(before);
  });

  it('sign-in with an injected email or password signs nobody in and writes only the attempt', async () => {
    const localitiesBefore = await db.select().from(localities);
    for (const payload of SQL_PAYLOADS) {
      for (const input of [
        { email: payload, password: 'demo-admin-password' },
        { email: `admin@demo.abate.test' --`, password: payload },
        { email: 'admin@demo.abate.test', password: payload },
      ]) {
        // 400 for a malformed email, 401 for a refused sign-in, 429 once the attempts are too many.
        const outcome = await settle(`sign-in ${JSON.stringify(input).slice(0, 80)}`, () => signIn(db, input, '203.0.113.9'), [400, 401, 429]);
        if (outcome.ok) throw new Error(`signed in with ${JSON.stringify(input).slice(0, 80)}`);
      }
    }
    const sessions = (await db.execute(sql`select count(*)::int as n from sessions`)) as unknown as { rows: { n: number }[] };
    expect(sessions.rows[0]!.n).toBe(0);
    expect(await db.select().from(localities)).toEqual(localitiesBefore);
  });
});
