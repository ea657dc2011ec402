/**
 * What the context page shows and edits for one locality and fiscal year: residents and overdose deaths (in all, by
 * race/ethnicity, by area) and the people each program served by race/ethnicity. Staff see the real counts; the
 * public pages suppress small ones.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows, toCents } from './rows';
import type { AllocationStatus } from './staff-snapshots';

export interface ContextTotals {
  population: number | null;
  overdoseDeaths: number | null;
  source: string;
  /** "YYYY-MM-DD HH:MM UTC", null when nothing was entered for the year. */
  updatedAt: string | null;
}

export interface BreakdownRow {
  groupKey: string;
  groupLabel: string;
  population: number | null;
  overdoseDeaths: number | null;
}

export interface ServedProgram {
  allocationId: number;
  program: string;
  status: AllocationStatus;
  amountCents: bigint;
  /** People served by group key; a group without a row is "not known". */
  served: Record<string, number>;
}

export interface LocalityContextForYear {
  totals: ContextTotals;
  raceEthnicity: BreakdownRow[];
  areas: BreakdownRow[];
  programs: ServedProgram[];
  /** Race/ethnicity groups to offer in the people-served forms: this year's breakdown, else the latest known. */
  raceGroups: { key: string; label: string }[];
}

export async function readLocalityContext(executor: Executor, localityId: number, fiscalYear: number): Promise<LocalityContextForYear> {
  const [totals] = await queryRows<{ population: number | null; overdoseDeaths: number | null; source: string; updatedAt: string }>(
    executor,
    sql`select population, overdose_deaths as "overdoseDeaths", source,
          to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') as "updatedAt"
        from locality_context where locality_id = ${localityId} and fiscal_year = ${fiscalYear}`,
  );
  const breakdowns = await queryRows<BreakdownRow & { dimension: 'race_ethnicity' | 'area' }>(
    executor,
    sql`select dimension::text as dimension, group_key as "groupKey", group_label as "groupLabel", population,
          overdose_deaths as "overdoseDeaths"
        from context_breakdowns where locality_id = ${localityId} and fiscal_year = ${fiscalYear}
        order by dimension, group_label, group_key`,
  );
  const programs = await queryRows<{ id: number; program: string; status: ServedProgram['status']; amount: string; served: Record<string, number> | string | null }>(
    executor,
    sql`select a.id, a.program, a.status::text as status, a.amount_cents::text as amount,
          (select jsonb_object_agg(p.group_key, p.people) from people_served p
            where p.allocation_id = a.id and p.fiscal_year = ${fiscalYear}) as served
        from allocations a
        where a.locality_id = ${localityId} and a.fiscal_year = ${fiscalYear} and a.deleted_at is null
        order by (a.status = 'approved') desc, lower(a.program), a.id`,
  );
  const strip = (row: BreakdownRow): BreakdownRow => ({
    groupKey: row.groupKey,
    groupLabel: row.groupLabel,
    population: row.population,
    overdoseDeaths: row.overdoseDeaths,
  });
  const raceEthnicity = breakdowns.filter((row) => row.dimension === 'race_ethnicity').map(strip);
  const areas = breakdowns.filter((row) => row.dimension === 'area').map(strip);
  let raceGroups = raceEthnicity.map((row) => ({ key: row.groupKey, label: row.groupLabel }));
  if (raceGroups.length === 0) {
    raceGroups = await queryRows<{ key: string; label: string }>(
      executor,
      sql`select distinct on (group_key) group_key as key, group_label as label from context_breakdowns
          where locality_id = ${localityId} and dimension = 'race_ethnicity'
          order by group_key, fiscal_year desc`,
    );
  }
  // People served in groups the breakdown does not list are still shown, so nothing entered disappears.
  const known = new Set(raceGroups.map((group) => group.key));
  const parsed = programs.map((row) => ({
    allocationId: row.id,
    program: row.program,
    status: row.status,
    amountCents: toCents(row.amount),
    served: parseServed(row.served),
  }));
  for (const program of parsed) {
    for (const key of Object.keys(program.served)) {
      if (!known.has(key)) {
        known.add(key);
        raceGroups.push({ key, label: key });
      }
    }
  }
  return {
    totals: totals
      ? { population: totals.population, overdoseDeaths: totals.overdoseDeaths, source: totals.source, updatedAt: totals.updatedAt }
      : { population: null, overdoseDeaths: null, source: '', updatedAt: null },
    raceEthnicity,
    areas,
    programs: parsed,
    raceGroups,
  };
}

function parseServed(value: Record<string, number> | string | null): Record<string, number> {
  if (value === null) return {};
  const object = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  const served: Record<string, number> = {};
  if (typeof object === 'object' && object !== null) {
    for (const [key, people] of Object.entries(object)) if (typeof people === 'number') served[key] = people;
  }
  return served;
}
