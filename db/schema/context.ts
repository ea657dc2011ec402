import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { localityRef } from './columns';

/**
 * What spending is measured against, per locality and year: residents and overdose deaths (from the health
 * department). Breakdowns by race/ethnicity and by area come with the equity goals.
 */
export const localityContext = pgTable(
  'locality_context',
  {
    localityId: localityRef({ onDelete: 'cascade' }),
    fiscalYear: smallint('fiscal_year').notNull(),
    population: integer('population'),
    overdoseDeaths: integer('overdose_deaths'),
    source: text('source').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'locality_context_pk', columns: [t.localityId, t.fiscalYear] }),
    check('locality_context_counts_check', sql`coalesce(${t.population}, 0) >= 0 and coalesce(${t.overdoseDeaths}, 0) >= 0`),
  ],
);
