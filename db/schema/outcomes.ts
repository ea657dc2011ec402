import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { localityRef, userRef, timestamps, reviewColumns } from './columns';
import { allocationStatus } from './enums';
import { allocations } from './spending';

/** What a program reports it did; labels and units live in lib/outcomes/measures.ts. */
export const outcomeMeasure = pgEnum('outcome_measure', [
  'people_served',
  'people_served_new',
  'naloxone_kits',
  'overdose_reversals',
  'moud_started',
  'moud_retained_90_days',
  'syringes_supplies',
  'housing_placements',
  'outreach_contacts',
  'other',
]);

/**
 * What one program (an allocation) reports it did in one period: "412 naloxone kits, July–September 2025, from the
 * health department's quarterly report". Reviewed like an allocation line (draft → submitted → approved/returned,
 * decided by someone who neither created nor submitted it); only approved outcomes reach the public.
 */
export const programOutcomes = pgTable(
  'program_outcomes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    localityId: localityRef(),
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => allocations.id),
    measure: outcomeMeasure('measure').notNull(),
    // Only for measure = 'other': what was counted and in what unit ("Peer recovery sessions", "sessions").
    customMeasureName: text('custom_measure_name'),
    unit: text('unit'),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    units: bigint('units', { mode: 'bigint' }).notNull(),
    // Where the number comes from (a program report, a dashboard): shown in public beside it.
    source: text('source').notNull(),
    status: allocationStatus('status').notNull().default('draft'),
    // Optimistic locking: every update must name the version it read and bumps it.
    version: integer('version').notNull().default(1),
    importKey: text('import_key'),
    createdBy: userRef('created_by'),
    ...timestamps(),
    ...reviewColumns(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('program_outcomes_locality_status_idx').on(t.localityId, t.status, t.periodEnd),
    index('program_outcomes_allocation_idx').on(t.allocationId),
    uniqueIndex('program_outcomes_import_key_key').on(t.localityId, t.importKey),
    check('program_outcomes_units_check', sql`${t.units} >= 0`),
    check('program_outcomes_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('program_outcomes_source_check', sql`length(btrim(${t.source})) > 0`),
    check('program_outcomes_version_check', sql`${t.version} >= 1`),
    check(
      'program_outcomes_custom_measure_check',
      sql`case when ${t.measure} = 'other'
        then coalesce(length(btrim(${t.customMeasureName})), 0) > 0 and coalesce(length(btrim(${t.unit})), 0) > 0
        else ${t.customMeasureName} is null and ${t.unit} is null end`,
    ),
    // Separation of duties, as for allocation lines (lib/services/separation-of-duties.ts): the last line.
    check(
      'program_outcomes_separation_of_duties',
      sql`${t.decidedBy} is null or (${t.decidedBy} is distinct from ${t.createdBy} and ${t.decidedBy} is distinct from ${t.submittedBy})`,
    ),
  ],
);
