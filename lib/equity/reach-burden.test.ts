import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { contextBreakdowns, localities } from '@/db/schema';
import { listLocalityContext } from '@/lib/data/public-compare';
import { describeEachDriver } from '@/db/testing/test-database';
import { computeAreaBurden, computeBurdenAcrossLocalities, toPublicArea } from './burden';
import { computeReachByGroup, toPublicReach } from './reach';
import { useEquityDataSet } from './testing';

describeEachDriver('reach by group and burden', (driver) => {
  const equity = useEquityDataSet(driver);
  const db = equity.db;

  it('puts the share of people served beside the share of deaths for every group', async () => {
    const reach = await computeReachByGroup(db(), equity.data.localityId, 2026);
    expect(reach.servedTotal).toBe(100n);
    expect(reach.deathsTotal).toBe(40n);
    expect(reach.groups.map((g) => [g.groupKey, g.peopleServed, g.deaths, g.servedShare, g.deathsShare, g.ratio])).toEqual([
      ['white', 50n, 20n, '50.00', '50.00', '1.0000'],
      ['black', 40n, 12n, '40.00', '30.00', '1.3333'],
      ['hispanic', 8n, 6n, '8.00', '15.00', '0.5333'],
      ['native', 2n, 2n, '2.00', '5.00', '0.4000'],
    ]);
    const publicReach = toPublicReach(reach);
    expect(publicReach.groups.map((g) => [g.group_key, g.people_served, g.deaths, g.served_share, g.ratio, g.suppressed])).toEqual([
      ['white', '50', '20', '50.00', '1.0000', false],
      ['black', '40', '12', '40.00', '1.3333', false],
      ['hispanic', 'fewer than 11', 'fewer than 11', null, null, true],
      ['native', 'fewer than 11', 'fewer than 11', null, null, true],
    ]);
    expect((await computeReachByGroup(db(), equity.data.localityId, 2027)).missing).toEqual([
      'people served by race/ethnicity for FY2027',
      'overdose deaths by race/ethnicity for FY2027',
    ]);
  });

  it('gives dollars per death and per resident across localities, and says what is missing', async () => {
    const burden = await computeBurdenAcrossLocalities(db(), 2026);
    expect(burden.map((b) => [b.slug, b.allocatedPerDeath, b.spentPerDeath, b.allocatedPerResident, b.spentPerResident, b.missing])).toEqual([
      ['alder-county', '2750.00', '552.50', '1.10', '0.22', []],
      ['birch-city', null, null, null, null, ['overdose deaths for FY2026', 'population for FY2026']],
    ]);
  });

  it("counts residents by one rule wherever they are shown: the year's own figure, else the locality's recorded one", async () => {
    // The locality form's population (412,300) and the context data's per-year figures (100,000 in FY2026) differ, as
    // they did in the demo: the compare page (listLocalityContext) and the board summary (burden) must name the same.
    await db().update(localities).set({ population: 412_300 }).where(eq(localities.id, equity.data.localityId));
    try {
      const seen = async (fiscalYear: number) => {
        const compare = (await listLocalityContext(db(), fiscalYear)).find((c) => c.localityId === equity.data.localityId);
        const burden = (await computeBurdenAcrossLocalities(db(), fiscalYear)).find((b) => b.localityId === equity.data.localityId);
        return [compare?.population, compare?.populationForTheYear, burden?.population];
      };
      expect(await seen(2026)).toEqual([100_000, true, 100_000]);
      expect(await seen(2028)).toEqual([412_300, false, 412_300]);
    } finally {
      await db().update(localities).set({ population: null }).where(eq(localities.id, equity.data.localityId));
    }
  });

  it('gives deaths and rates by area, with small counts suppressed in public', async () => {
    const area = (groupKey: string, population: number, overdoseDeaths: number | null) => ({
      localityId: equity.data.localityId,
      fiscalYear: 2026,
      dimension: 'area' as const,
      groupKey,
      groupLabel: groupKey,
      population,
      overdoseDeaths,
    });
    await db().insert(contextBreakdowns).values([area('north', 40_000, 25), area('south', 59_000, 9), area('harbor', 1_000, null)]);
    const areas = await computeAreaBurden(db(), equity.data.localityId, 2026);
    expect(areas.map((a) => [a.groupKey, a.deathsPer100k, a.deathsShare])).toEqual([
      ['north', '62.50', '73.53'],
      ['south', '15.25', '26.47'],
      ['harbor', null, null],
    ]);
    expect(areas.map(toPublicArea)[1]).toEqual({
      group_key: 'south',
      label: 'south',
      population: '59000',
      overdose_deaths: 'fewer than 11',
      deaths_per_100k: null,
      deaths_share: null,
    });
  });
});
