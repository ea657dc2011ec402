import { sql, type SQL } from 'drizzle-orm';

/**
 * Residents of a locality in a fiscal year: the one rule behind every page, chart and ratio that names a population.
 * The year's figure from the locality's context data (`locality_context`, kept per fiscal year with its source) when
 * there is one, else the population recorded on the locality itself (the locality form), so the header, the compare
 * page and the board summary never disagree about the same year. `locality` is the localities table's alias in the
 * caller's query and `context` that of locality_context joined on the locality and the year, e.g. sql`l`, sql`c`.
 */
export function residentsSql(locality: SQL, context: SQL): SQL {
  return sql`coalesce(${context}.population, ${locality}.population)`;
}

/** True when the residents figure is the year's own (context data), false when it is the locality's recorded one. */
export function residentsForTheYearSql(context: SQL): SQL {
  return sql`(${context}.population is not null)`;
}
