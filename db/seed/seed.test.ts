import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getLocalityTotals } from '@/lib/data/locality-totals';
import { listFiscalYears, listLocalitiesWithTotals } from '@/lib/data/localities';
import { getSpendingByCategory } from '@/lib/data/spending-by-category';
import { prepareDatabase } from '../prepare';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '../testing/test-database';
import { seedDemoData } from './demo';
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
    const first = await prepareDatabase(database.handle, { demoIfEmpty: true });
    expect(first.demoLoaded).toBe(true);
  });
  afterAll(() => database?.drop());

  it('loads the three frameworks with their categories and crosswalk', async () => {
    const frameworks = (await database.handle.db.execute(
      sql`select f.key, count(c.id)::int as n from frameworks f join categories c on c.framework_id = f.id
          group by f.key order by f.key`,
    )) as unknown as { rows: { key: string; n: number }[] };
    expect(frameworks.rows).toEqual([
      { key: 'exhibit-e', n: 21 },
      { key: 'health-first', n: 23 },
      { key: 'nc-high-impact', n: 12 },
    ]);
    expect(await count(database, 'category_crosswalk')).toBeGreaterThan(50);
  });

  it('is idempotent: seeding again adds nothing and changes no total', async () => {
    const tables = ['localities', 'recipients', 'receipts', 'allocations', 'allocation_splits', 'expenditures', 'categories', 'category_crosswalk', 'funding_sources', 'audit_log', 'users', 'memberships', 'locality_context', 'equity_goals', 'context_breakdowns', 'people_served', 'flag_settings'];
    const before = await Promise.all(tables.map((t) => count(database, t)));
    expect(before[3]).toBeGreaterThanOrEqual(300);
    await seedReferenceData(database.handle.db);
    const again = await seedDemoData(database.handle.db);
    expect(again).toEqual({ localities: 0, allocations: 0, expenditures: 0, receipts: 0, users: 0, goals: 0 });
    const second = await prepareDatabase(database.handle, { demoIfEmpty: true });
    expect(second.demoLoaded).toBe(false);
    expect(await Promise.all(tables.map((t) => count(database, t)))).toEqual(before);
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
