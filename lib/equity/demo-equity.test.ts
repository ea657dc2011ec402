import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { apportion, seedDemoEquity } from '@/lib/demo/seed-demo-equity';
import { seedDemoData } from '@/lib/demo/seed-demo';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { queryRows } from '@/lib/data/rows';
import { computeEquityGoals } from './evaluate-goal';
import { computeFlags } from './flags';
import { toPublicGoal } from './public';

it('apportions by largest remainder so the parts add up exactly', () => {
  expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  expect(apportion(7, [0, 5, 5])).toEqual([0, 4, 3]);
  expect(apportion(0, [1, 2])).toEqual([0, 0]);
  expect(apportion(101, [1500, 1300, 6200, 500, 100, 400]).reduce((a, b) => a + b, 0)).toBe(101);
});

describeEachDriver('demo equity data', (driver) => {
  let database: TestDatabase;
  const db = (): Database => database.handle.db;
  const idOf = async (slug: string) =>
    (await queryRows<{ id: number }>(db(), sql`select id from localities where slug = ${slug}`))[0]!.id;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await seedReferenceData(db());
    await seedDemoData(db());
  });
  afterAll(() => database?.drop());

  it('loads goals, breakdowns and people served with the demo seed, once; a second run changes nothing', async () => {
    // seedDemoData calls seedDemoEquity.
    const [counts] = await queryRows<{ goals: number; breakdowns: number; served: number; settings: number }>(
      db(),
      sql`select (select count(*) from equity_goals)::int as goals, (select count(*) from context_breakdowns)::int as breakdowns,
        (select count(*) from people_served)::int as served, (select count(*) from flag_settings)::int as settings`,
    );
    // 4 localities × 3 fiscal years × (7 suggested goals + 1 parity goal); × (6 race/ethnicity groups + 3–5 areas).
    expect(counts).toMatchObject({ goals: 96, breakdowns: 120, settings: 1 });
    expect(counts!.served).toBeGreaterThan(100);
    expect(await seedDemoEquity(db())).toEqual({ goals: 0, breakdowns: 0, peopleServed: 0 });
  });

  it('adds breakdowns up exactly to the locality totals where they are known', async () => {
    const rows = await queryRows<{ slug: string; fy: number; dimension: string; groups: number; population: string; deaths: string | null; knownDeaths: number; contextPopulation: number; contextDeaths: number | null }>(
      db(),
      sql`
        select l.slug, b.fiscal_year::int as fy, b.dimension, count(*)::int as groups,
          sum(b.population)::text as population, sum(b.overdose_deaths)::text as deaths,
          count(b.overdose_deaths)::int as "knownDeaths",
          c.population as "contextPopulation", c.overdose_deaths as "contextDeaths"
        from context_breakdowns b
        join localities l on l.id = b.locality_id
        join locality_context c on c.locality_id = b.locality_id and c.fiscal_year = b.fiscal_year
        group by l.slug, b.fiscal_year, b.dimension, c.population, c.overdose_deaths
        order by 1, 2, 3`,
    );
    expect(rows).toHaveLength(4 * 3 * 2);
    for (const row of rows) {
      const label = `${row.slug} FY${row.fy} ${row.dimension}`;
      expect(row.groups, label).toBeGreaterThanOrEqual(row.dimension === 'area' ? 3 : 5);
      expect(Number(row.population), label).toBe(row.contextPopulation);
      if (row.contextDeaths === null) expect(row.knownDeaths, label).toBe(0);
      else expect(Number(row.deaths), label).toBe(row.contextDeaths);
    }
  });

  it('includes small counts of people served, which the public output suppresses', async () => {
    const [small] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from people_served where people between 1 and 10`);
    expect(small!.n).toBeGreaterThan(0);
  });

  it('tells each locality’s story through its goals and flags', async () => {
    const granite = await idOf('granite-fork-county');
    const goals = await computeEquityGoals(db(), granite, 2026);
    expect(goals).toHaveLength(8);
    const criminal = goals.find((g) => g.goal.subject === 'Criminal-legal')!;
    expect(criminal.status).toBe('missed');
    expect(Number(criminal.actual)).toBeGreaterThan(0);
    const flags = await computeFlags(db(), granite, 2026);
    expect(flags.some((f) => f.kind === 'discouraged_use' && f.categoryKey === 'law-enforcement')).toBe(true);
    // Its board flags money idle for 9 months; the year ends 2026-12-31, so measure on a fixed day.
    const idle = (await computeFlags(db(), granite, 2026, { asOf: '2026-11-20' })).find((f) => f.kind === 'idle_money');
    expect(idle?.title).toMatch(/received more than 9 months ago is unspent/);

    const cedarholm = await idOf('cedarholm-county');
    const parity = (await computeEquityGoals(db(), cedarholm, 2026)).find((g) => g.goal.measure === 'reach_parity')!;
    expect(parity.status).not.toBe('not_enough_data');
    expect(Number(parity.actual)).toBeLessThan(1);
    // The current year's deaths are not counted yet: dollars per death and parity say so.
    const current = (await computeEquityGoals(db(), cedarholm, 2027)).find((g) => g.goal.measure === 'reach_parity')!;
    expect(current.status).toBe('not_enough_data');
    expect(current.missing.join('; ')).toMatch(/overdose deaths/);

    const marlowe = await idOf('marlowe-bay-county');
    const harm = (await computeEquityGoals(db(), marlowe, 2026)).find((g) => g.goal.subject === 'Harm reduction')!;
    expect(harm.status).toBe('met');
    for (const result of await computeEquityGoals(db(), marlowe, 2026)) expect(() => JSON.stringify(toPublicGoal(result))).not.toThrow();
  });
});
