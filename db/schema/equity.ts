import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { localityRef, editedRecordColumns } from './columns';
import { allocations } from './spending';
import { localities } from './localities';

export const equityMeasure = pgEnum('equity_measure', [
  'category_share', // share of spending in one category (subject = category key in `framework_key`)
  'group_share', // share of spending in a category group (subject = group label in `framework_key`)
  'recipient_share', // share to community-based or lived-experience-led recipients (subject = 'community_based' | 'lived_experience')
  'dollars_per_death', // spending per overdose death
  'dollars_per_resident', // spending per resident
  'reach_parity', // share of people served in a group vs its share of overdose deaths (subject = group key)
  'spend_down', // spent ÷ received
  'completeness', // share of lines with a plain-language description, recipient and category
]);
export const equityComparator = pgEnum('equity_comparator', ['at_least', 'at_most', 'exactly']);
export const equityBasis = pgEnum('equity_basis', ['allocated', 'spent']);
export const contextDimension = pgEnum('context_dimension', ['race_ethnicity', 'area']);

/**
 * A goal a locality sets in public for one fiscal year. Shares and ratios are in basis points (10000 = 100%);
 * dollar targets are in cents. `amber_margin` says how far from the target still counts as "close" (amber).
 */
export const equityGoals = pgTable(
  'equity_goals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    localityId: localityRef(),
    fiscalYear: smallint('fiscal_year').notNull(),
    measure: equityMeasure('measure').notNull(),
    subject: text('subject'),
    frameworkKey: text('framework_key').notNull().default('health-first'),
    basis: equityBasis('basis').notNull().default('allocated'),
    comparator: equityComparator('comparator').notNull(),
    /** basis points for shares, parity and spend-down; cents for dollars per death / resident */
    target: bigint('target', { mode: 'bigint' }).notNull(),
    amberMargin: bigint('amber_margin', { mode: 'bigint' }).notNull().default(sql`0`),
    reason: text('reason').notNull(),
    ...editedRecordColumns(),
  },
  (t) => [
    index('equity_goals_locality_fy_idx').on(t.localityId, t.fiscalYear),
    check('equity_goals_margin_check', sql`${t.amberMargin} >= 0`),
  ],
);

/** Residents and overdose deaths of a locality by race/ethnicity or by area (zip, district), per fiscal year. */
export const contextBreakdowns = pgTable(
  'context_breakdowns',
  {
    localityId: localityRef({ onDelete: 'cascade' }),
    fiscalYear: smallint('fiscal_year').notNull(),
    dimension: contextDimension('dimension').notNull(),
    groupKey: text('group_key').notNull(),
    groupLabel: text('group_label').notNull(),
    population: integer('population'),
    overdoseDeaths: integer('overdose_deaths'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'context_breakdowns_pk', columns: [t.localityId, t.fiscalYear, t.dimension, t.groupKey] }),
    check('context_breakdowns_counts_check', sql`coalesce(${t.population}, 0) >= 0 and coalesce(${t.overdoseDeaths}, 0) >= 0`),
  ],
);

/** People a program served in a fiscal year, by race/ethnicity group (entered by staff). */
export const peopleServed = pgTable(
  'people_served',
  {
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => allocations.id, { onDelete: 'cascade' }),
    localityId: localityRef(),
    fiscalYear: smallint('fiscal_year').notNull(),
    groupKey: text('group_key').notNull(),
    people: integer('people').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'people_served_pk', columns: [t.allocationId, t.fiscalYear, t.groupKey] }),
    index('people_served_locality_fy_idx').on(t.localityId, t.fiscalYear),
    check('people_served_people_check', sql`${t.people} >= 0`),
  ],
);

/** Where each locality's board draws the lines for flags. */
export const flagSettings = pgTable(
  'flag_settings',
  {
    localityId: integer('locality_id')
      .primaryKey()
      .references(() => localities.id, { onDelete: 'cascade' }),
    /** money received and not spent after this many months is flagged as idle */
    idleAfterMonths: integer('idle_after_months').notNull().default(18),
    /** a recipient receiving more than this share of the year's allocations is flagged */
    recipientShareBasisPoints: integer('recipient_share_bp').notNull().default(5000),
    /** a single line bigger than this share of the year's allocations is flagged */
    lineShareBasisPoints: integer('line_share_bp').notNull().default(2500),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('flag_settings_bp_check', sql`${t.recipientShareBasisPoints} between 1 and 10000 and ${t.lineShareBasisPoints} between 1 and 10000`),
  ],
);
