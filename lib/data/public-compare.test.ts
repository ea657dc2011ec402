import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { categories, frameworks, localities, localityContext } from '@/db/schema';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { centsPer } from '@/lib/categories/ratios';
import { wordsFor } from '@/lib/i18n/testing';
import { compareView } from '@/lib/views/compare-view';
import { listCompareLocalities, type CompareLocality } from './public-compare';
import { queryRows } from './rows';

const FY = 2026;
const FRAMEWORK = 'health-first';

/** Every number a value holds, however deep (bigints and numbers, and digit strings as shown on a page). */
function numbersIn(value: unknown): bigint[] {
  if (typeof value === 'bigint') return [value];
  if (typeof value === 'number' && Number.isInteger(value)) return [BigInt(value)];
  if (typeof value === 'string') return (value.match(/\d[\d,]*(\.\d+)?/g) ?? []).map((n) => BigInt(n.replace(/[,.]/g, '')));
  if (value instanceof Map) return [...value.entries()].flatMap(numbersIn);
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describeEachDriver('compare page figures: ratios per resident and per death, with small counts suppressed', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let result: Awaited<ReturnType<typeof listCompareLocalities>>;
  const byName = (name: string): CompareLocality => result.localities.find((l) => l.name === name)!;

  async function locality(values: { slug: string; name: string; population?: number; parentId?: number; fips?: string }) {
    const [row] = await db
      .insert(localities)
      .values({ kind: 'county', stateCode: 'NC', ...values })
      .returning({ id: localities.id });
    return row!.id;
  }

  async function money(localityId: number, cents: { received: number; allocated: number; spent: number; category: string }, status = 'approved') {
    const [category] = await db
      .select({ id: categories.id })
      .from(categories)
      .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId))
      .where(and(eq(frameworks.key, FRAMEWORK), eq(categories.key, cents.category)));
    const [source] = await queryRows<{ id: number }>(db, sql`select id from funding_sources order by id limit 1`);
    await db.execute(sql`insert into receipts (locality_id, source_id, received_on, fiscal_year, amount_cents, posted_at)
                         values (${localityId}, ${source!.id}, '2025-09-01', ${FY}, ${cents.received}, now())`);
    const [line] = await queryRows<{ id: number }>(
      db,
      sql`insert into allocations (locality_id, fiscal_year, program, amount_cents, status)
          values (${localityId}, ${FY}, 'Program', ${cents.allocated}, ${status}) returning id`,
    );
    await db.execute(sql`insert into allocation_splits (allocation_id, category_id, share_bp, amount_cents)
                         values (${line!.id}, ${category!.id}, 10000, ${cents.allocated})`);
    await db.execute(sql`insert into expenditures (allocation_id, locality_id, paid_on, fiscal_year, amount_cents, posted_at)
                         values (${line!.id}, ${localityId}, '2025-10-01', ${FY}, ${cents.spent}, now())`);
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.handle.db;
    await seedReferenceData(db);
    const state = await locality({ slug: 'north-carolina', name: 'North Carolina', fips: '37' });
    // Ash: 7 deaths, the count and every ratio per death must stay hidden; residents from the year's figure.
    const ash = await locality({ slug: 'ash', name: 'Ash County', population: 999, parentId: state, fips: '37001' });
    await db.insert(localityContext).values({ localityId: ash, fiscalYear: FY, population: 3_000, overdoseDeaths: 7, source: 'NC DHHS' });
    await money(ash, { received: 2_000_00, allocated: 1_000_00, spent: 700_01, category: 'naloxone' });
    // Birch: no context for the year, so the population recorded on the locality; deaths not known.
    const birch = await locality({ slug: 'birch', name: 'Birch City', population: 3, parentId: state });
    await money(birch, { received: 0, allocated: 10_00, spent: 10_00, category: 'moud' });
    // Cedar: 11 deaths, shown; a line under review is not counted.
    const cedar = await locality({ slug: 'cedar', name: 'Cedar County', parentId: state });
    await db.insert(localityContext).values({ localityId: cedar, fiscalYear: FY, population: 12_345, overdoseDeaths: 11, source: 'County health' });
    await money(cedar, { received: 5_000_00, allocated: 1_000_00, spent: 1_000_00, category: 'law-enforcement' });
    await money(cedar, { received: 0, allocated: 99_999_00, spent: 0, category: 'moud' }, 'submitted');
    result = await listCompareLocalities(db, { fiscalYear: FY, frameworkKey: FRAMEWORK });
  });
  afterAll(() => database?.drop());

  it('lists the leaf localities only, with the source of each residents figure', () => {
    expect(result.localities.map((l) => l.name)).toEqual(['Ash County', 'Birch City', 'Cedar County']);
    expect(result.groups.at(-1)).toBe('Other');
    expect([byName('Ash County').residents, byName('Ash County').residentsFrom, byName('Ash County').contextSource]).toEqual([3_000, 'year', 'NC DHHS']);
    expect([byName('Birch City').residents, byName('Birch City').residentsFrom]).toEqual([3, 'locality']);
    expect(byName('Ash County').fips).toBe('37001');
    expect(byName('Ash County').parentFips).toBe('37');
  });

  it('divides exactly, to the nearest cent, per resident and per death', () => {
    const cedar = byName('Cedar County');
    expect(cedar.deaths).toEqual({ kind: 'count', count: 11 });
    expect(cedar.spentCents).toBe(1_000_00n);
    // The line under review is not counted.
    expect(cedar.allocatedCents).toBe(1_000_00n);
    expect(cedar.ratios.get('spent')).toEqual({
      resident: { kind: 'cents', cents: 8n }, // 100000 / 12345 = 8.10
      death: { kind: 'cents', cents: 9_091n }, // 100000 / 11 = 9090.9
    });
    expect(cedar.ratios.get('received')!.death).toEqual({ kind: 'cents', cents: centsPer(5_000_00n, 11) });
    expect(cedar.ratios.get('allocated')!.resident).toEqual({ kind: 'cents', cents: 8n });
    expect(cedar.ratios.get('spent-criminal-legal')!.death).toEqual({ kind: 'cents', cents: 9_091n });
    expect(cedar.ratios.get('spent-treatment')!.death).toEqual({ kind: 'cents', cents: 0n });
    const birch = byName('Birch City');
    expect(birch.ratios.get('spent')).toEqual({ resident: { kind: 'cents', cents: 333n }, death: { kind: 'none' } });
    const ash = byName('Ash County');
    expect(ash.ratios.get('spent')!.resident).toEqual({ kind: 'cents', cents: 23n }); // 70001 / 3000 = 23.33
    expect(ash.ratios.get('spent-harm-reduction')!.resident).toEqual({ kind: 'cents', cents: 23n });
  });

  it('never lets 1 to 10 deaths through, neither as a count nor through a ratio, nor on the page’s rows', () => {
    const ash = byName('Ash County');
    expect(ash.deaths).toEqual({ kind: 'suppressed' });
    for (const [key, ratio] of ash.ratios) expect(ratio.death, key).toEqual({ kind: 'suppressed' });
    const amounts = [ash.receivedCents, ash.allocatedCents, ash.spentCents, ...ash.spentByGroup.values()];
    const giveaways = new Set([7n, ...amounts.map((cents) => centsPer(cents, 7)!)]);
    expect(numbersIn(ash).filter((n) => giveaways.has(n))).toEqual([]);
    for (const measure of ['received', 'allocated', 'spent', 'spent-harm-reduction']) {
      const view = compareView({ fiscalYear: FY, groups: result.groups, localities: result.localities, query: { measure, per: 'death' }, words: wordsFor('en') });
      const row = view.rows.find((r) => r.name === 'Ash County')!;
      expect(row.ratioText).toBe('Not shown: fewer than 11 deaths');
      expect(row.denominatorText).toBe('fewer than 11');
      expect(numbersIn(row).filter((n) => giveaways.has(n)), measure).toEqual([]);
    }
  });
});
