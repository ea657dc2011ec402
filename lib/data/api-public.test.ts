import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { allocationSplits, allocations, categories, expenditures, frameworks, localities, receipts, recipients } from '@/db/schema';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { invalidatePublic } from '@/lib/cache/public-cache';
import {
  allocationsAnswer,
  categoriesAnswer,
  expendituresAnswer,
  localitiesAnswer,
  localityAnswer,
  receiptsAnswer,
  summaryAnswer,
} from '@/lib/open-data/answers';
import { readStream } from '@/lib/open-data/csv';
import { DOWNLOAD_FILES, openDownload } from '@/lib/open-data/downloads';
import {
  AllocationPageSchema,
  CategoryPageSchema,
  ExpenditurePageSchema,
  LocalityDetailSchema,
  LocalityPageSchema,
  ReceiptPageSchema,
  SummarySchema,
  type ApiPage,
} from '@/lib/open-data/schemas';
import { queryRows } from './rows';
import { apiErrorOf } from '@/lib/open-data/testing/api-error';
import { seedDemoData } from '@/lib/demo/seed-demo';

const FRAMEWORKS = ['health-first', 'exhibit-e', 'nc-high-impact'];
const SLUG = 'cedarholm-county';
/** Every line that must never be public carries this marker in its program, description or note. */
const LEAK = `LEAK-${crypto.randomBytes(4).toString('hex')}`;
const FORMULA = '=HYPERLINK("x")';
const FORMULA_PROGRAM = 'Formula-escaping check';

const q = (text: string) => new URLSearchParams(text);

async function download(db: Database, scope: string, file: string): Promise<string> {
  const result = await openDownload(db, scope, file);
  return result.kind === 'csv' ? readStream(result.body) : JSON.stringify(result.value);
}

async function allPages<T>(load: (cursor: string | null) => Promise<ApiPage<T>>): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: ApiPage<T> = await load(cursor);
    rows.push(...page.data);
    pages += 1;
    cursor = page.next_cursor;
  } while (cursor !== null && pages < 1000);
  return { rows, pages };
}

const withCursor = (base: string, cursor: string | null) => q(cursor ? `${base}&cursor=${cursor}` : base);

/** Writes the lines the public must never see (and one approved line with a formula in its description). */
async function writeFixtures(db: Database): Promise<void> {
  const [locality] = await db.select().from(localities).where(eq(localities.slug, SLUG));
  const [recipient] = await db.select().from(recipients).where(eq(recipients.localityId, locality!.id)).limit(1);
  const [naloxone] = await db
    .select({ id: categories.id })
    .from(categories)
    .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId))
    .where(and(eq(frameworks.key, 'health-first'), eq(categories.key, 'naloxone')));
  const [receipt] = await db.select().from(receipts).where(eq(receipts.localityId, locality!.id)).limit(1);
  const base = { localityId: locality!.id, fiscalYear: 2026, recipientId: recipient!.id, sourceId: receipt!.sourceId };

  await db.transaction(async (tx) => {
    const line = async (values: Partial<typeof allocations.$inferInsert> & { program: string }, amount = 777_777_77n) => {
      const [row] = await tx
        .insert(allocations)
        .values({ ...base, amountCents: amount, description: `${LEAK} description`, ...values })
        .returning({ id: allocations.id });
      await tx.insert(allocationSplits).values({ allocationId: row!.id, categoryId: naloxone!.id, shareBasisPoints: 10000, amountCents: amount });
      return row!.id;
    };
    const payment = (allocationId: number, description: string, deletedAt: Date | null = null) =>
      tx.insert(expenditures).values({
        allocationId,
        localityId: locality!.id,
        paidOn: '2025-09-15',
        fiscalYear: 2026,
        amountCents: 123_45n,
        description,
        deletedAt,
        postedAt: new Date(),
      });

    const draft = await line({ program: `${LEAK} draft`, status: 'draft' });
    await payment(draft, `${LEAK} payment against a draft`);
    await line({ program: `${LEAK} submitted`, status: 'submitted' });
    await line({ program: `${LEAK} returned`, status: 'returned' });
    const deleted = await line({ program: `${LEAK} deleted`, status: 'approved', deletedAt: new Date() });
    await payment(deleted, `${LEAK} payment against a deleted line`);

    const formula = await line({ program: FORMULA_PROGRAM, description: FORMULA, status: 'approved' }, 1000_00n);
    await payment(formula, `${LEAK} deleted payment`, new Date());
    await payment(formula, '+1 refund note');
    await tx.insert(receipts).values({
      localityId: locality!.id,
      sourceId: receipt!.sourceId,
      receivedOn: '2025-09-01',
      fiscalYear: 2026,
      amountCents: 999_00n,
      note: `${LEAK} deleted receipt`,
      postedAt: new Date(),
      deletedAt: new Date(),
    });
  });
}

describeEachDriver('public API and downloads', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let slugs: string[];

  beforeAll(async () => {
    database = await createTestDatabase(driver, { migrate: false });
    await prepareDatabase(database.handle, { demo: seedDemoData });
    db = database.handle.db;
    await writeFixtures(db);
    // The cache is per process and both drivers' suites share it: start clean.
    invalidatePublic('*');
    slugs = (await localitiesAnswer(db, q(''))).data.map((l) => l.slug);
  });
  afterAll(async () => {
    invalidatePublic('*');
    await database?.drop();
  });

  it('shows no draft, submitted, returned or deleted line in any answer or download', async () => {
    const answers: unknown[] = [await localitiesAnswer(db, q('')), await categoriesAnswer(db, q(''))];
    for (const slug of slugs) {
      const detail = await localityAnswer(db, slug, q(''));
      answers.push(detail);
      for (const filter of ['', 'fy=2026', 'category=naloxone', 'recipient_type=health_care_provider']) {
        answers.push((await allPages((c) => allocationsAnswer(db, slug, withCursor(`limit=500&${filter}`, c)))).rows);
        answers.push((await allPages((c) => expendituresAnswer(db, slug, withCursor(`limit=500&${filter}`, c)))).rows);
      }
      answers.push((await allPages((c) => receiptsAnswer(db, slug, withCursor('limit=500', c)))).rows);
      for (const fy of detail.fiscal_years) {
        for (const framework of FRAMEWORKS) answers.push(await summaryAnswer(db, slug, q(`fy=${fy}&framework=${framework}`)));
      }
    }
    const downloads: string[] = [];
    for (const scope of ['all', ...slugs]) {
      for (const file of DOWNLOAD_FILES) downloads.push(await download(db, scope, file));
    }
    const everything = JSON.stringify(answers) + downloads.join('\n');
    // The search finds what is there: the approved line written with the hidden ones is public.
    expect(everything).toContain(FORMULA_PROGRAM);
    expect(everything).not.toContain(LEAK);
  });

  it('keeps the hidden lines out of the totals too', async () => {
    const summary = await summaryAnswer(db, SLUG, q('fy=2026'));
    const [expected] = await queryRows<{ allocated: string; spent: string }>(
      db,
      sql`select
        (select sum(amount_cents)::text from allocations a join localities l on l.id = a.locality_id
          where l.slug = ${SLUG} and a.fiscal_year = 2026 and a.status = 'approved' and a.deleted_at is null) as allocated,
        (select sum(x.amount_cents)::text from expenditures x join allocations a on a.id = x.allocation_id
          join localities l on l.id = a.locality_id
          where l.slug = ${SLUG} and x.fiscal_year = 2026 and x.deleted_at is null
            and a.status = 'approved' and a.deleted_at is null) as spent`,
    );
    expect(summary.totals.allocated.cents).toBe(expected!.allocated);
    expect(summary.totals.spent.cents).toBe(expected!.spent);
  });

  it('pages through every approved row exactly once', async () => {
    for (const slug of [SLUG, 'port-wexley']) {
      const allocationIds = await queryRows<{ id: number }>(
        db,
        sql`select a.id from allocations a join localities l on l.id = a.locality_id
            where l.slug = ${slug} and a.status = 'approved' and a.deleted_at is null order by a.id`,
      );
      const paged = await allPages((c) => allocationsAnswer(db, slug, withCursor('limit=7', c)));
      expect(paged.rows.map((a) => a.id)).toEqual(allocationIds.map((r) => r.id));
      expect(paged.pages).toBe(Math.max(1, Math.ceil(allocationIds.length / 7)));

      const expenditureIds = await queryRows<{ id: number }>(
        db,
        sql`select x.id from expenditures x join allocations a on a.id = x.allocation_id
            join localities l on l.id = x.locality_id
            where l.slug = ${slug} and x.deleted_at is null and a.status = 'approved' and a.deleted_at is null
            order by x.id`,
      );
      const payments = await allPages((c) => expendituresAnswer(db, slug, withCursor('limit=50', c)));
      expect(payments.rows.map((x) => x.id)).toEqual(expenditureIds.map((r) => r.id));
    }
    const receiptIds = await queryRows<{ id: number }>(
      db,
      sql`select r.id from receipts r join localities l on l.id = r.locality_id
          where l.slug = ${SLUG} and r.deleted_at is null order by r.id`,
    );
    const paged = await allPages((c) => receiptsAnswer(db, SLUG, withCursor('limit=3', c)));
    expect(paged.rows.map((r) => r.id)).toEqual(receiptIds.map((r) => r.id));
    const localitiesPaged = await allPages((c) => localitiesAnswer(db, withCursor('limit=2', c)));
    expect(localitiesPaged.rows.map((l) => l.slug).sort()).toEqual([...slugs].sort());
  });

  it('adds up: in every framework, categories and groups sum to the same allocated and spent totals', async () => {
    let checked = 0;
    for (const slug of slugs) {
      const { fiscal_years: years } = await localityAnswer(db, slug, q(''));
      for (const fy of years) {
        const totals = new Set<string>();
        for (const framework of FRAMEWORKS) {
          const summary = await summaryAnswer(db, slug, q(`fy=${fy}&framework=${framework}`));
          const sum = (rows: { allocated: { cents: string }; spent: { cents: string } }[], key: 'allocated' | 'spent') =>
            rows.reduce((total, row) => total + BigInt(row[key].cents), 0n).toString();
          expect(sum(summary.by_category, 'allocated')).toBe(summary.totals.allocated.cents);
          expect(sum(summary.by_category, 'spent')).toBe(summary.totals.spent.cents);
          expect(sum(summary.by_group, 'allocated')).toBe(summary.totals.allocated.cents);
          expect(sum(summary.by_group, 'spent')).toBe(summary.totals.spent.cents);
          expect(BigInt(summary.totals.unspent.cents)).toBe(
            BigInt(summary.totals.received.cents) - BigInt(summary.totals.spent.cents),
          );
          totals.add(`${summary.totals.allocated.cents}/${summary.totals.spent.cents}`);
          checked += 1;
        }
        expect(totals.size, `${slug} FY${fy}: the same totals in every framework`).toBe(1);

        // The list of lines adds up to the summary, and so does each line's categories in every framework.
        for (const framework of FRAMEWORKS) {
          const lines = await allPages((c) => allocationsAnswer(db, slug, withCursor(`limit=500&fy=${fy}&framework=${framework}`, c)));
          const summary = await summaryAnswer(db, slug, q(`fy=${fy}&framework=${framework}`));
          expect(lines.rows.reduce((t, a) => t + BigInt(a.amount.cents), 0n).toString()).toBe(summary.totals.allocated.cents);
          for (const line of lines.rows) {
            expect(line.categories.framework).toBe(framework);
            expect(line.categories.parts.reduce((t, p) => t + BigInt(p.amount.cents), 0n)).toBe(BigInt(line.amount.cents));
            expect(line.categories.parts.reduce((t, p) => t + p.share_bp, 0)).toBe(10000);
          }
        }
      }
    }
    // Four localities with data, at least two fiscal years each, three frameworks.
    expect(checked).toBeGreaterThanOrEqual(4 * 2 * 3);
  });

  it('escapes a description =HYPERLINK("x") in the CSV download', async () => {
    for (const scope of [SLUG, 'all']) {
      const csv = await download(db, scope, 'allocations.csv');
      expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
      expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
      const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
      const line = rows.find((row) => row.program === FORMULA_PROGRAM);
      expect(line?.description).toBe(`'${FORMULA}`);
    }
    const payments = await download(db, SLUG, 'expenditures.csv');
    expect(payments).toContain(`"'+1 refund note"`);
  });

  it('writes CSVs that match their data package: headers, keys and references', async () => {
    for (const scope of ['all', SLUG]) {
      const descriptor = (await openDownload(db, scope, 'datapackage.json')) as { kind: 'json'; value: DataPackage };
      const pkg = descriptor.value;
      expect(pkg.licenses[0]?.name).toBe('ODC-PDDL-1.0');
      expect(Date.parse(pkg.created)).not.toBeNaN();
      const tables = new Map<string, Record<string, string>[]>();
      for (const resource of pkg.resources) {
        const csv = await download(db, scope, resource.path);
        const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
        expect(parsed.meta.fields).toEqual(resource.schema.fields.map((f) => f.name));
        tables.set(resource.name, parsed.data);
        const keys = parsed.data.map((row) => resource.schema.primaryKey.map((k) => row[k]).join('|'));
        expect(new Set(keys).size, `${scope}/${resource.name} primary key`).toBe(keys.length);
        for (const field of resource.schema.fields) {
          if (field.constraints?.required) {
            expect(parsed.data.every((row) => row[field.name] !== ''), `${resource.name}.${field.name} required`).toBe(true);
          }
        }
      }
      for (const resource of pkg.resources) {
        for (const fk of resource.schema.foreignKeys) {
          const targets = new Set(tables.get(fk.reference.resource)!.map((row) => row[fk.reference.fields[0]!]));
          for (const row of tables.get(resource.name)!) {
            const value = row[fk.fields[0]!]!;
            expect(value === '' || targets.has(value), `${resource.name}.${fk.fields[0]} → ${value}`).toBe(true);
          }
        }
      }
      expect(tables.get('allocations')!.length).toBeGreaterThan(0);
    }
  });

  it('gives the same allocated total in the CSV as in the summary', async () => {
    const csv = await download(db, SLUG, 'allocations.csv');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const cents = rows
      .filter((row) => row.fiscal_year === '2026')
      .reduce((total, row) => total + BigInt(row.amount!.replace('.', '')), 0n);
    expect(cents.toString()).toBe((await summaryAnswer(db, SLUG, q('fy=2026'))).totals.allocated.cents);
  });

  it('filters by category, recipient type and fiscal year', async () => {
    const byCategory = await allPages((c) => allocationsAnswer(db, SLUG, withCursor('limit=500&category=naloxone', c)));
    expect(byCategory.rows.length).toBeGreaterThan(0);
    for (const line of byCategory.rows) expect(line.categories.parts.map((p) => p.key)).toContain('naloxone');

    const exhibit = await allPages((c) => allocationsAnswer(db, SLUG, withCursor('limit=500&framework=exhibit-e&category=core-a', c)));
    for (const line of exhibit.rows) expect(line.categories.parts.map((p) => p.key)).toContain('core-a');
    expect(exhibit.rows.map((l) => l.id)).toEqual(expect.arrayContaining(byCategory.rows.map((l) => l.id)));

    const cbo = await allPages((c) => allocationsAnswer(db, SLUG, withCursor('limit=500&recipient_type=community_based_organization', c)));
    for (const line of cbo.rows) expect(line.recipient?.type).toBe('community_based_organization');

    const fy = await allPages((c) => expendituresAnswer(db, SLUG, withCursor('limit=500&fy=2025', c)));
    expect(fy.rows.length).toBeGreaterThan(0);
    for (const payment of fy.rows) expect(payment.fiscal_year).toBe(2025);
  });

  it('answers bad requests with a 400 naming the parameter, and unknown localities with a 404', async () => {
    const cases: [() => Promise<unknown>, number, string][] = [
      [() => allocationsAnswer(db, SLUG, q('fy=abc')), 400, 'fy'],
      [() => summaryAnswer(db, SLUG, q('fy=abc')), 400, 'fy'],
      [() => allocationsAnswer(db, SLUG, q('category=no-such-category')), 400, 'category'],
      [() => allocationsAnswer(db, SLUG, q('framework=no-such-framework')), 400, 'framework'],
      [() => categoriesAnswer(db, q('framework=nope')), 400, 'framework'],
      [() => expendituresAnswer(db, SLUG, q('cursor=abc')), 400, 'cursor'],
      [() => localityAnswer(db, SLUG, q('x=1')), 400, 'x'],
      [() => localityAnswer(db, 'no-such-place', q('')), 404, 'slug'],
      [() => allocationsAnswer(db, 'Robert%27);--', q('')), 404, 'slug'],
      [() => openDownload(db, 'no-such-place', 'allocations.csv'), 404, 'slug'],
      [() => openDownload(db, SLUG, 'passwords.csv'), 404, 'file'],
    ];
    for (const [promise, status, field] of cases) {
      const error = await apiErrorOf(promise());
      expect([error.status, error.field]).toEqual([status, field]);
    }
  });

  it('answers in the shapes the OpenAPI document promises', async () => {
    LocalityPageSchema.parse(await localitiesAnswer(db, q('')));
    LocalityDetailSchema.parse(await localityAnswer(db, SLUG, q('')));
    AllocationPageSchema.parse(await allocationsAnswer(db, SLUG, q('limit=500')));
    AllocationPageSchema.parse(await allocationsAnswer(db, SLUG, q('limit=500&framework=exhibit-e')));
    ExpenditurePageSchema.parse(await expendituresAnswer(db, SLUG, q('limit=500')));
    ReceiptPageSchema.parse(await receiptsAnswer(db, SLUG, q('')));
    CategoryPageSchema.parse(await categoriesAnswer(db, q('framework=exhibit-e')));
    for (const framework of FRAMEWORKS) SummarySchema.parse(await summaryAnswer(db, SLUG, q(`framework=${framework}`)));
  });
});

interface DataPackage {
  created: string;
  licenses: { name: string }[];
  resources: {
    name: string;
    path: string;
    schema: {
      fields: { name: string; constraints?: { required?: boolean } }[];
      primaryKey: string[];
      foreignKeys: { fields: string[]; reference: { resource: string; fields: string[] } }[];
    };
  }[];
}

describe('fixtures', () => {
  it('use a marker that no demo text contains', () => {
    expect(LEAK).toMatch(/^LEAK-[0-9a-f]{8}$/);
  });
});
