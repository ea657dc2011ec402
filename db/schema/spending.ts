import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { localityRef, userRef, timestamps, editedRecordColumns, postingColumns, reviewColumns } from './columns';
import { allocationStatus, costType, recipientType } from './enums';
import { categories } from './categories';
import { fundingSources } from './funding';

/** An organization or department that receives money from a locality. */
export const recipients = pgTable(
  'recipients',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    localityId: localityRef(),
    name: text('name').notNull(),
    type: recipientType('type').notNull(),
    livedExperienceLed: boolean('lived_experience_led').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recipients_locality_name_key').on(t.localityId, sql`lower(${t.name})`)],
);

/** Money budgeted or approved for a program in one fiscal year. */
export const allocations = pgTable(
  'allocations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    localityId: localityRef(),
    fiscalYear: smallint('fiscal_year').notNull(),
    // A multi-year authorization ("July 1, 2024 through June 30, 2029") is one line from fiscal_year to
    // last_fiscal_year; null means the line covers fiscal_year alone. Its amount is counted once, in fiscal_year.
    lastFiscalYear: smallint('last_fiscal_year'),
    program: text('program').notNull(),
    // What a resident reads: never "Section G, Subsection 9".
    description: text('description').notNull().default(''),
    recipientId: integer('recipient_id').references(() => recipients.id),
    sourceId: integer('source_id').references(() => fundingSources.id),
    amountCents: bigint('amount_cents', { mode: 'bigint' }).notNull(),
    // Optional: the kind of cost (state reports ask for it); a payment may name its own.
    costType: costType('cost_type'),
    status: allocationStatus('status').notNull().default('draft'),
    // Optimistic locking: every update must name the version it read and bumps it.
    version: integer('version').notNull().default(1),
    importKey: text('import_key'),
    createdBy: userRef('created_by'),
    updatedBy: userRef('updated_by'),
    ...timestamps(),
    ...reviewColumns(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('allocations_locality_fy_status_idx').on(t.localityId, t.fiscalYear, t.status),
    index('allocations_recipient_idx').on(t.recipientId),
    index('allocations_source_idx').on(t.sourceId),
    // Few lines span years; the fiscal-year lists find them without scanning every allocation.
    index('allocations_multi_year_idx').on(t.localityId).where(sql`${t.lastFiscalYear} is not null`),
    uniqueIndex('allocations_import_key_key').on(t.localityId, t.importKey),
    check('allocations_amount_check', sql`${t.amountCents} >= 0`),
    check('allocations_fiscal_year_check', sql`${t.fiscalYear} between 2000 and 2100`),
    check('allocations_version_check', sql`${t.version} >= 1`),
    check(
      'allocations_last_fiscal_year_check',
      sql`${t.lastFiscalYear} is null or ${t.lastFiscalYear} between ${t.fiscalYear} and ${t.fiscalYear} + 20`,
    ),
  ],
);

/** One allocation split across categories; shares are basis points (10000 = 100%) and sum to 10000. */
export const allocationSplits = pgTable(
  'allocation_splits',
  {
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => allocations.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    shareBasisPoints: integer('share_bp').notNull(),
    // The allocation's amount split by largest remainder, so the parts add up to the cent.
    amountCents: bigint('amount_cents', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'allocation_splits_pk', columns: [t.allocationId, t.categoryId] }),
    index('allocation_splits_category_idx').on(t.categoryId),
    check('allocation_splits_share_check', sql`${t.shareBasisPoints} between 1 and 10000`),
  ],
);

/** Money out: a payment made against an allocation. */
export const expenditures = pgTable(
  'expenditures',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => allocations.id),
    // Repeated from the allocation so every tenant-scoped query filters on its own column.
    localityId: localityRef(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    amountCents: bigint('amount_cents', { mode: 'bigint' }).notNull(),
    description: text('description').notNull().default(''),
    // Who was paid, when it is not the allocation's own recipient (an expenditure report names the vendor).
    recipientId: integer('recipient_id').references(() => recipients.id),
    // The kind of cost, when it differs from the allocation's (null: the allocation's own).
    costType: costType('cost_type'),
    // Why a payment beyond what remained of its allocation was made anyway; public (lib/services/expenditures/guardrails.ts).
    overspendReason: text('overspend_reason'),
    importKey: text('import_key'),
    ...postingColumns(),
    ...editedRecordColumns(),
  },
  (t) => [
    index('expenditures_allocation_idx').on(t.allocationId),
    index('expenditures_locality_fy_idx').on(t.localityId, t.fiscalYear),
    uniqueIndex('expenditures_import_key_key').on(t.localityId, t.importKey),
  ],
);
