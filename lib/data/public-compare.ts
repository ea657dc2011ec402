import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { localities, localityContext } from '@/db/schema';

import { compareMeasures } from '@/lib/compare/compare-measures';
import { measureRatios, publicDeaths, type PublicDeaths, type PublicRatio } from '@/lib/compare/compare-ratios';
import { listCategories } from './public-categories';
import { queryRows, toCents } from './rows';
import { getSpendingByCategory } from './spending-by-category';
import { residentsForTheYearSql, residentsSql } from './sql/residents';
import type { LocalityFacts } from './localities';

export interface LocalityContextFigures {
  localityId: number;
  /** Residents in the fiscal year (lib/data/sql/residents.ts), or null when neither the year nor the locality has one. */
  population: number | null;
  /** True when `population` is the year's own figure, false when it is the one recorded on the locality. */
  populationForTheYear: boolean;
  /** Overdose deaths in the fiscal year; null while not yet known. */
  overdoseDeaths: number | null;
  /** The year's context source; empty when the year has no context data. */
  source: string;
}

/** Residents and overdose deaths of every locality for one fiscal year (what spending is measured against). */
export async function listLocalityContext(executor: Executor, fiscalYear: number): Promise<LocalityContextFigures[]> {
  return queryRows<LocalityContextFigures>(
    executor,
    sql`select l.id as "localityId", ${residentsSql(sql`l`, sql`c`)} as population,
          ${residentsForTheYearSql(sql`c`)} as "populationForTheYear",
          c.overdose_deaths as "overdoseDeaths", coalesce(c.source, '') as source
        from localities l
        left join locality_context c on c.locality_id = l.id and c.fiscal_year = ${fiscalYear}`,
  );
}

/** Who a locality is: its id, slug, name, kind and state. */
type LocalityName = Pick<LocalityFacts, 'id' | 'slug' | 'name' | 'kind' | 'stateCode'>;

/** One leaf locality of the compare page and the map, with what it may show in public (no raw small count). */
export interface CompareLocality extends LocalityName {
  /** Census FIPS code: 5 digits for a county, 7 for a place; null when unknown (the demo's fictional localities). */
  fips: string | null;
  /** The parent locality's FIPS code, when it has a parent with one (where a city without a shape is drawn). */
  parentFips: string | null;
  receivedCents: bigint;
  allocatedCents: bigint;
  spentCents: bigint;
  spentByGroup: ReadonlyMap<string, bigint>;
  /** Residents in the year (lib/data/sql/residents.ts) and where the figure comes from. */
  residents: number | null;
  residentsFrom: 'year' | 'locality' | null;
  /** Overdose deaths, already suppressed (1 to 10 never leave this module as a number). */
  deaths: PublicDeaths;
  /** The source of the year's context data (population, deaths); empty without any. */
  contextSource: string;
  /** Cents per resident and per death for every measure key (lib/compare/compare-measures.ts). */
  ratios: ReadonlyMap<string, { resident: PublicRatio; death: PublicRatio }>;
}

interface CompareBaseRow extends LocalityName {
  fips: string | null;
  parentFips: string | null;
  received: string;
  allocated: string;
  spent: string;
  residents: number | null;
  residentsForTheYear: boolean;
  yearPopulation: number | null;
  deaths: number | null;
  source: string | null;
}

/**
 * Every leaf locality (one with no sub-localities, as on the home page) with its year's amounts, its residents and
 * overdose deaths, and the ratios of every measure to both, computed here so that a page or a download never divides
 * by a small count itself. Group spending is the health-first framework's (DEFAULT_FRAMEWORK_KEY), as on the share
 * chart; `groups` lists the groups in the framework's order, then "Other".
 */
export async function listCompareLocalities(
  executor: Executor,
  args: { fiscalYear: number; frameworkKey: string },
): Promise<{ groups: string[]; localities: CompareLocality[] }> {
  const { fiscalYear, frameworkKey } = args;
  const l = localities;
  const c = localityContext;
  const base = await queryRows<CompareBaseRow>(
    executor,
    sql`select ${l.id} as id, ${l.slug} as slug, ${l.name} as name, ${l.kind} as kind, ${l.stateCode} as "stateCode",
          ${l.fips} as fips, p.fips as "parentFips",
          coalesce(t.received_cents, 0)::text as received, coalesce(t.allocated_cents, 0)::text as allocated,
          coalesce(t.spent_cents, 0)::text as spent,
          ${residentsSql(sql`${l}`, sql`${c}`)} as residents, ${residentsForTheYearSql(sql`${c}`)} as "residentsForTheYear",
          ${c.population} as "yearPopulation", ${c.overdoseDeaths} as deaths, ${c.source} as source
        from ${l}
        left join ${localities} p on p.id = ${l.parentId}
        left join ${c} on ${c.localityId} = ${l.id} and ${c.fiscalYear} = ${fiscalYear}
        left join locality_year_totals t on t.locality_id = ${l.id} and t.fiscal_year = ${fiscalYear}
        where not exists (select 1 from ${localities} k where k.parent_id = ${l.id})
        order by ${l.name}, ${l.id}`,
  );
  const [categoryRows, spending] = await Promise.all([
    listCategories(executor, frameworkKey),
    Promise.all(base.map((row) => getSpendingByCategory(executor, row.id, fiscalYear, frameworkKey))),
  ]);
  const groups = [...new Set([...categoryRows.map((category) => category.group), 'Other'])];
  const measures = compareMeasures(groups);
  const rows = base.map((row, index): CompareLocality => {
    const spentByGroup = new Map<string, bigint>();
    for (const part of spending[index] ?? []) {
      spentByGroup.set(part.group, (spentByGroup.get(part.group) ?? 0n) + part.spentCents);
    }
    const amounts = {
      receivedCents: toCents(row.received),
      allocatedCents: toCents(row.allocated),
      spentCents: toCents(row.spent),
      spentByGroup,
    };
    const ratios = measureRatios(measures, amounts, row.residents, row.deaths);
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      stateCode: row.stateCode,
      fips: row.fips,
      parentFips: row.parentFips,
      ...amounts,
      residents: row.residents,
      residentsFrom: row.residents === null ? null : row.residentsForTheYear ? 'year' : 'locality',
      deaths: publicDeaths(row.deaths),
      contextSource: row.source ?? '',
      ratios,
    };
  });
  return { groups, localities: rows };
}
