import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, smallint } from 'drizzle-orm/pg-core';
import { localityRef } from './columns';

/**
 * Each locality's public totals for one fiscal year, kept by the database itself (triggers in the migration
 * 0007_locality-year-totals-triggers, see docs/adr/0006-locality-year-totals.md) in the same transaction as every
 * write to receipts, allocations and expenditures. The definitions are those of the public pages:
 *
 * - received: receipts not deleted;
 * - allocated / approved lines: allocations approved and not deleted;
 * - spent / payments: expenditures not deleted whose allocation is approved and not deleted.
 *
 * A row exists exactly when one of the three counts is above zero; a missing row means all zeros.
 */
export const localityYearTotals = pgTable(
  'locality_year_totals',
  {
    localityId: localityRef({ onDelete: 'cascade' }),
    fiscalYear: smallint('fiscal_year').notNull(),
    receivedCents: bigint('received_cents', { mode: 'bigint' }).notNull(),
    receiptCount: integer('receipt_count').notNull(),
    allocatedCents: bigint('allocated_cents', { mode: 'bigint' }).notNull(),
    approvedLines: integer('approved_lines').notNull(),
    spentCents: bigint('spent_cents', { mode: 'bigint' }).notNull(),
    paymentCount: integer('payment_count').notNull(),
  },
  (t) => [
    primaryKey({ name: 'locality_year_totals_pk', columns: [t.localityId, t.fiscalYear] }),
    index('locality_year_totals_fy_idx').on(t.fiscalYear),
    check(
      'locality_year_totals_counts_check',
      sql`${t.receiptCount} >= 0 and ${t.approvedLines} >= 0 and ${t.paymentCount} >= 0
        and ${t.receiptCount} + ${t.approvedLines} + ${t.paymentCount} > 0`,
    ),
  ],
);

/**
 * Which (locality, fiscal year) totals a transaction still has to recompute before it commits. Statement triggers
 * add rows keyed by the writing transaction's id; a deferred constraint trigger recomputes them at COMMIT and
 * deletes them, so outside a transaction this table is always empty. fiscal_year 0 means every year of the
 * locality (an allocation's approval changes the spending of every year it was paid in).
 */
export const localityTotalsDirty = pgTable(
  'locality_totals_dirty',
  {
    txid: bigint('txid', { mode: 'bigint' }).notNull(),
    localityId: integer('locality_id').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
  },
  (t) => [primaryKey({ name: 'locality_totals_dirty_pk', columns: [t.txid, t.localityId, t.fiscalYear] })],
);
