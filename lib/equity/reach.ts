import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import { fraction, percentOfTotal, roundFraction, toFixedDecimal } from './decimal';
import { approvedCte, exactInteger, type MeasureScope } from './sql-parts';
import { isSmallCount, SMALL_COUNT_TEXT } from './suppress';

/** One race/ethnicity group: people served by approved programs against overdose deaths, side by side. */
export interface ReachGroup {
  groupKey: string;
  /** From the deaths breakdown; the key itself when the group only appears in people served. */
  label: string;
  peopleServed: bigint;
  /** null when not known. */
  deaths: bigint | null;
  /** Percent strings, exact to two places; null when the total is zero or the count unknown. */
  servedShare: string | null;
  deathsShare: string | null;
  /** servedShare ÷ deathsShare to four places ("1.0000" is parity); null when it cannot be computed. */
  ratio: string | null;
}

export interface ReachByGroup {
  fiscalYear: number;
  groups: ReachGroup[];
  servedTotal: bigint;
  /** Sum of the known deaths by group; null when no group has a known count. */
  deathsTotal: bigint | null;
  missing: string[];
}

/**
 * Reach parity for every group at once, for the side-by-side chart: the share of people served (by approved
 * programs) in each race/ethnicity group against that group's share of overdose deaths.
 */
export async function computeReachByGroup(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  scope: Pick<MeasureScope, 'includeAllocationId'> = {},
): Promise<ReachByGroup> {
  const rows = await queryRows<{ key: string; label: string | null; served: string; deaths: number | null }>(
    executor,
    sql`
      with ${approvedCte(localityId, scope)},
      served as (
        select p.group_key, sum(p.people) as people from people_served p join approved a on a.id = p.allocation_id
        where p.locality_id = ${localityId} and p.fiscal_year = ${fiscalYear}
        group by p.group_key
      ),
      deaths as (
        select b.group_key, b.group_label, b.overdose_deaths from context_breakdowns b
        where b.locality_id = ${localityId} and b.fiscal_year = ${fiscalYear} and b.dimension = 'race_ethnicity'
      )
      select coalesce(d.group_key, s.group_key) as key, d.group_label as label,
        coalesce(s.people, 0)::text as served, d.overdose_deaths as deaths
      from deaths d full join served s on s.group_key = d.group_key
      order by d.overdose_deaths desc nulls last, 1`,
  );
  const servedTotal = rows.reduce((sum, row) => sum + exactInteger(row.served), 0n);
  const known = rows.filter((row) => row.deaths !== null);
  const deathsTotal = known.length === 0 ? null : known.reduce((sum, row) => sum + BigInt(row.deaths!), 0n);
  const groups = rows.map((row): ReachGroup => {
    const served = exactInteger(row.served);
    const deaths = row.deaths === null ? null : BigInt(row.deaths);
    const canRatio = servedTotal > 0n && deaths !== null && deaths > 0n && deathsTotal !== null;
    return {
      groupKey: row.key,
      label: row.label ?? row.key,
      peopleServed: served,
      deaths,
      servedShare: percentOfTotal(served, servedTotal),
      deathsShare: deaths === null ? null : percentOfTotal(deaths, deathsTotal),
      ratio: canRatio ? toFixedDecimal(roundFraction(fraction(served * deathsTotal * 10_000n, servedTotal * deaths)), 4) : null,
    };
  });
  const missing: string[] = [];
  if (servedTotal === 0n) missing.push(`people served by race/ethnicity for FY${fiscalYear}`);
  if (deathsTotal === null) missing.push(`overdose deaths by race/ethnicity for FY${fiscalYear}`);
  return { fiscalYear, groups, servedTotal, deathsTotal, missing };
}

export interface PublicReachGroup {
  group_key: string;
  label: string;
  /** "fewer than 11" for 1–10. */
  people_served: string;
  deaths: string | null;
  served_share: string | null;
  deaths_share: string | null;
  ratio: string | null;
  /** True when a count of 1–10 was hidden and the figures computed from it withheld. */
  suppressed: boolean;
}

/** The public form: counts of 1–10 become "fewer than 11", and the shares and ratio computed from them are withheld. */
export function toPublicReach(reach: ReachByGroup): { fiscal_year: number; groups: PublicReachGroup[]; served_total: string; deaths_total: string | null; missing: string[] } {
  const count = (n: bigint) => (isSmallCount(n) ? SMALL_COUNT_TEXT : n.toString());
  return {
    fiscal_year: reach.fiscalYear,
    groups: reach.groups.map((group) => {
      const suppressed = isSmallCount(group.peopleServed) || (group.deaths !== null && isSmallCount(group.deaths));
      return {
        group_key: group.groupKey,
        label: group.label,
        people_served: count(group.peopleServed),
        deaths: group.deaths === null ? null : count(group.deaths),
        served_share: suppressed && isSmallCount(group.peopleServed) ? null : group.servedShare,
        deaths_share: suppressed && group.deaths !== null && isSmallCount(group.deaths) ? null : group.deathsShare,
        ratio: suppressed ? null : group.ratio,
        suppressed,
      };
    }),
    served_total: count(reach.servedTotal),
    deaths_total: reach.deathsTotal === null ? null : count(reach.deathsTotal),
    missing: reach.missing,
  };
}
