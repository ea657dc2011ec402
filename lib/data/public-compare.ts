import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';

export interface LocalityContextFigures {
  localityId: number;
  /** Residents in the fiscal year (the health department's figure), or null when not recorded. */
  population: number | null;
  /** Overdose deaths in the fiscal year; null while not yet known. */
  overdoseDeaths: number | null;
  source: string;
}

/** Population and overdose deaths of every locality for one fiscal year (what spending is measured against). */
export async function listLocalityContext(executor: Executor, fiscalYear: number): Promise<LocalityContextFigures[]> {
  return queryRows<LocalityContextFigures>(
    executor,
    sql`select locality_id as "localityId", population, overdose_deaths as "overdoseDeaths", source
        from locality_context where fiscal_year = ${fiscalYear}`,
  );
}
