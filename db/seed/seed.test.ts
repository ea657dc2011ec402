import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getLocalityTotals } from '@/lib/data/locality-totals';
import { listFiscalYears, listLocalitiesWithTotals } from '@/lib/data/localities';
import { listPublicOutcomes } from '@/lib/data/public-outcomes';
import { getSpendingByCategory } from '@/lib/data/spending-by-category';
import { outcomesView } from '@/lib/views/outcomes-view';
import { prepareDatabase } from '../prepare';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '../testing/test-database';
import { seedDemoData } from '@/lib/demo/seed-demo';
import { seedReferenceData } from './reference';

async function count(database: TestDatabase, table: string): Promise<number> {
  const result = (await database.handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]!.n;
}

describeEachDriver('reference and demo seed', (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver, { migrate: false });
    const first = await prepareDatabase(database.handle, { demo: seedDemoData });
    expect(first.demoLoaded).toBe(true);
  });
  afterAll(() => database?.drop());

  it('loads the three frameworks with their categories and crosswalk', async () => {
    const frameworks = (await database.handle.db.execute(
      sql`select f.key, count(c.id)::int as n from frameworks f join categories c on c.framework_id = f.id
          group by f.key order by f.key`,
    )) as unknown as { rows: { key: string; n: number }[] };
    expect(frameworks.rows).toEqual([
      { key: 'exhibit-e', n: 22 },
      { key: 'health-first', n: 24 },
      { key: 'nc-high-impact', n: 13 },
    ]);
    expect(await count(database, 'category_crosswalk')).toBeGreaterThan(50);
  });

  it('marks each framework\'s "Other / not yet classified" and the categories whose names promise non-police care', async () => {
    const flagged = (await database.handle.db.execute(
      sql`select f.key || '/' || c.key as category, c.unclassified, c.excludes_criminal_legal as "excludesCriminalLegal"
          from categories c join frameworks f on f.id = c.framework_id
          where c.unclassified or c.excludes_criminal_legal order by f.sort_order, c.sort_order`,
    )) as unknown as { rows: { category: string; unclassified: boolean; excludesCriminalLegal: boolean }[] };
    expect(flagged.rows).toEqual([
      { category: 'health-first/treatment', unclassified: false, excludesCriminalLegal: true },
      { category: 'health-first/crisis-response', unclassified: false, excludesCriminalLegal: true },
      { category: 'health-first/diversion', unclassified: false, excludesCriminalLegal: true },
      { category: 'health-first/prevention', unclassified: false, excludesCriminalLegal: true },
      { category: 'health-first/unclassified', unclassified: true, excludesCriminalLegal: false },
      { category: 'exhibit-e/unclassified', unclassified: true, excludesCriminalLegal: false },
      { category: 'nc-high-impact/unclassified', unclassified: true, excludesCriminalLegal: false },
    ]);
  });

  it('gives a database seeded before the flags existed their values on the next start', async () => {
    const db = database.handle.db;
    // As an older database looks: the columns at their defaults, no "Other / not yet classified" yet.
    await db.execute(sql`update categories set excludes_criminal_legal = false, unclassified = false`);
    await db.execute(sql`delete from category_crosswalk where from_category_id in (select id from categories where key = 'unclassified')
      or to_category_id in (select id from categories where key = 'unclassified')`);
    await db.execute(sql`delete from categories c where c.key = 'unclassified'
      and not exists (select 1 from allocation_splits s where s.category_id = c.id)`);
    await seedReferenceData(db);
    expect(await count(database, 'categories where unclassified')).toBe(3);
    expect(await count(database, 'categories where excludes_criminal_legal')).toBe(4);
    expect(await count(database, "category_crosswalk x join categories c on c.id = x.from_category_id where c.key = 'unclassified'")).toBe(6);
  });

  it('is idempotent: seeding again adds nothing and changes no total', async () => {
    const tables = ['localities', 'recipients', 'receipts', 'allocations', 'allocation_splits', 'expenditures', 'categories', 'category_crosswalk', 'funding_sources', 'audit_log', 'users', 'memberships', 'locality_context', 'equity_goals', 'context_breakdowns', 'people_served', 'flag_settings', 'program_outcomes'];
    const before = await Promise.all(tables.map((t) => count(database, t)));
    expect(before[3]).toBeGreaterThanOrEqual(300);
    await seedReferenceData(database.handle.db);
    const again = await seedDemoData(database.handle.db);
    expect(again).toEqual({ localities: 0, allocations: 0, expenditures: 0, receipts: 0, users: 0, goals: 0 });
    const second = await prepareDatabase(database.handle, { demo: seedDemoData });
    expect(second.demoLoaded).toBe(false);
    expect(await Promise.all(tables.map((t) => count(database, t)))).toEqual(before);
  });

  it('gives the demo localities outcomes with a cost per unit, and programs that spent money and report nothing', async () => {
    const db = database.handle.db;
    const [cedarholm] = (
      (await db.execute(sql`select id, fy_start_month as "fyStartMonth" from localities where slug = 'cedarholm-county'`)) as unknown as {
        rows: { id: number; fyStartMonth: number }[];
      }
    ).rows;
    const view = outcomesView(await listPublicOutcomes(db, { localityId: cedarholm!.id, fiscalYear: 2026, fyStartMonth: cedarholm!.fyStartMonth }), 2026, cedarholm!.fyStartMonth);
    expect(view.rows.filter((row) => row.costPerUnitCents !== null).length).toBeGreaterThanOrEqual(4);
    expect(view.notReported.length).toBeGreaterThan(0);
    expect(view.quarterRows.length).toBeGreaterThanOrEqual(2);
    expect(await count(database, 'program_outcomes where status <> \'approved\'')).toBe(0);
  });

  it('adds up: every framework’s categories sum to the locality’s allocated and spent totals', async () => {
    const db = database.handle.db;
    const years = await listFiscalYears(db);
    expect(years.length).toBeGreaterThanOrEqual(3);
    let checked = 0;
    for (const fiscalYear of years) {
      for (const locality of (await listLocalitiesWithTotals(db, fiscalYear)).filter((l) => l.childCount === 0)) {
        const totals = await getLocalityTotals(db, locality.id, fiscalYear);
        expect(totals.allocatedCents).toBe(locality.allocatedCents);
        expect(totals.unspentCents).toBe(totals.receivedCents - totals.spentCents);
        for (const framework of ['health-first', 'exhibit-e', 'nc-high-impact']) {
          const rows = await getSpendingByCategory(db, locality.id, fiscalYear, framework);
          expect(rows.reduce((sum, r) => sum + r.allocatedCents, 0n)).toBe(totals.allocatedCents);
          expect(rows.reduce((sum, r) => sum + r.spentCents, 0n)).toBe(totals.spentCents);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4 * 3 * 3);
  });

  it('keeps drafts out of the public totals', async () => {
    const db = database.handle.db;
    const result = (await db.execute(sql`
      select a.locality_id as "localityId", a.fiscal_year as "fiscalYear",
        sum(a.amount_cents) filter (where a.status = 'approved')::text as approved,
        count(*) filter (where a.status <> 'approved')::int as unapproved
      from allocations a group by 1, 2 having count(*) filter (where a.status <> 'approved') > 0 limit 1`)) as unknown as {
      rows: { localityId: number; fiscalYear: number; approved: string | null; unapproved: number }[];
    };
    const row = result.rows[0];
    expect(row, 'demo data has unapproved lines').toBeDefined();
    const totals = await getLocalityTotals(db, row!.localityId, row!.fiscalYear);
    expect(totals.allocatedCents).toBe(BigInt(row!.approved ?? '0'));
  });
});
