import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';
import { residentsForTheYearSql, residentsSql } from './sql/residents';

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
