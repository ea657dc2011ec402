import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import { centsToDecimalString } from '@/lib/money';
import { fraction, percentOfTotal, roundFraction, toFixedDecimal } from './decimal';
import { exactInteger } from './sql-parts';
import { isSmallCount, SMALL_COUNT_TEXT } from './suppress';
import { residentsSql } from '@/lib/data/sql/residents';
import { countedMoneySql } from '@/lib/data/sql/posted';

/** One locality's money against its burden in a fiscal year. Allocated and spent are separate figures. */
export interface LocalityBurden {
  localityId: number;
  slug: string;
  name: string;
  population: number | null;
  overdoseDeaths: number | null;
  allocatedCents: bigint;
  spentCents: bigint;
  /** Exact dollars ("2750.00"), or null with the reason in `missing`. */
  allocatedPerDeath: string | null;
  spentPerDeath: string | null;
  allocatedPerResident: string | null;
  spentPerResident: string | null;
  missing: string[];
}

const perUnit = (cents: bigint, count: number | null) =>
  count === null || count <= 0 ? null : centsToDecimalString(roundFraction(fraction(cents, BigInt(count))));

/**
 * Dollars per overdose death and per resident for every locality (except the state itself) in a fiscal year, for
 * the chart across localities. Only approved lines and payments against them count.
 */
export async function computeBurdenAcrossLocalities(executor: Executor, fiscalYear: number): Promise<LocalityBurden[]> {
  const rows = await queryRows<{
    id: number;
    slug: string;
    name: string;
    population: number | null;
    deaths: number | null;
    allocated: string;
    spent: string;
  }>(
    executor,
    sql`
      select l.id, l.slug, l.name, ${residentsSql(sql`l`, sql`c`)} as population, c.overdose_deaths as deaths,
        coalesce((select sum(a.amount_cents) from allocations a
          where a.locality_id = l.id and a.fiscal_year = ${fiscalYear} and a.status = 'approved' and a.deleted_at is null), 0)::text as allocated,
        coalesce((select sum(x.amount_cents) from expenditures x join allocations a on a.id = x.allocation_id
          where x.locality_id = l.id and x.fiscal_year = ${fiscalYear} and ${countedMoneySql(sql`x`)}
            and a.status = 'approved' and a.deleted_at is null), 0)::text as spent
      from localities l
      left join locality_context c on c.locality_id = l.id and c.fiscal_year = ${fiscalYear}
      where l.kind <> 'state'
      order by l.name`,
  );
  return rows.map((row) => {
    const allocatedCents = exactInteger(row.allocated);
    const spentCents = exactInteger(row.spent);
    const missing: string[] = [];
    if (row.deaths === null) missing.push(`overdose deaths for FY${fiscalYear}`);
    else if (row.deaths === 0) missing.push(`overdose deaths for FY${fiscalYear} above zero`);
    if (row.population === null) missing.push(`population for FY${fiscalYear}`);
    else if (row.population === 0) missing.push(`population for FY${fiscalYear} above zero`);
    return {
      localityId: row.id,
      slug: row.slug,
      name: row.name,
      population: row.population,
      overdoseDeaths: row.deaths,
      allocatedCents,
      spentCents,
      allocatedPerDeath: perUnit(allocatedCents, row.deaths),
      spentPerDeath: perUnit(spentCents, row.deaths),
      allocatedPerResident: perUnit(allocatedCents, row.population),
      spentPerResident: perUnit(spentCents, row.population),
      missing,
    };
  });
}

/** Overdose deaths and residents of one area (zip, district) of a locality. */
export interface AreaBurden {
  groupKey: string;
  label: string;
  population: number | null;
  overdoseDeaths: number | null;
  /** Deaths per 100,000 residents, exact to two places ("38.25"); null when either count is unknown or zero residents. */
  deathsPer100k: string | null;
  /** Share of the locality's deaths in this area (percent, two places). */
  deathsShare: string | null;
}

/**
 * Burden by area within a locality. Spending carries no area in the data (an allocation is not tied to a district),
 * so money per death by area cannot be computed yet; this gives the deaths and rates the chart sets money against.
 */
export async function computeAreaBurden(executor: Executor, localityId: number, fiscalYear: number): Promise<AreaBurden[]> {
  const rows = await queryRows<{ key: string; label: string; population: number | null; deaths: number | null; total: string | null }>(
    executor,
    sql`
      select b.group_key as key, b.group_label as label, b.population, b.overdose_deaths as deaths,
        (sum(b.overdose_deaths) over ())::text as total
      from context_breakdowns b
      where b.locality_id = ${localityId} and b.fiscal_year = ${fiscalYear} and b.dimension = 'area'
      order by b.overdose_deaths desc nulls last, b.group_label`,
  );
  return rows.map((row) => {
    const total = row.total === null ? null : exactInteger(row.total);
    return {
      groupKey: row.key,
      label: row.label,
      population: row.population,
      overdoseDeaths: row.deaths,
      deathsPer100k:
        row.deaths === null || row.population === null || row.population <= 0
          ? null
          : toFixedDecimal(roundFraction(fraction(BigInt(row.deaths) * 100_000n * 100n, BigInt(row.population))), 2),
      deathsShare: row.deaths === null ? null : percentOfTotal(BigInt(row.deaths), total),
    };
  });
}

/** Public form of an area row: 1–10 deaths become "fewer than 11" and the rate and share computed from them are withheld. */
export function toPublicArea(area: AreaBurden): { group_key: string; label: string; population: string | null; overdose_deaths: string | null; deaths_per_100k: string | null; deaths_share: string | null } {
  const small = area.overdoseDeaths !== null && isSmallCount(area.overdoseDeaths);
  return {
    group_key: area.groupKey,
    label: area.label,
    population: area.population === null ? null : isSmallCount(area.population) ? SMALL_COUNT_TEXT : String(area.population),
    overdose_deaths: area.overdoseDeaths === null ? null : small ? SMALL_COUNT_TEXT : String(area.overdoseDeaths),
    deaths_per_100k: small ? null : area.deathsPer100k,
    deaths_share: small ? null : area.deathsShare,
  };
}
