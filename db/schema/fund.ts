import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { localityRef, userRef } from './columns';
import { fundingSources } from './funding';
import { localities } from './localities';

/**
 * What a locality expects to receive from a settlement for one payment year, as one revision of an estimate. The
 * settlement administrator's estimates change often; every revision is kept with its date and source, and the
 * current expectation is the latest revision (by estimate date, then id) for each settlement and payment year.
 */
export const expectedPayments = pgTable(
  'expected_payments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    localityId: localityRef(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => fundingSources.id),
    paymentYear: smallint('payment_year').notNull(),
    // When the payment is due; a payment still missing 60 days after it is overdue. Null: not announced.
    expectedOn: date('expected_on', { mode: 'string' }),
    amountCents: bigint('amount_cents', { mode: 'bigint' }).notNull(),
    // The revision: the date of the estimate and where it comes from ("BrownGreer allocation estimate, 2026-11-15").
    estimatedOn: date('estimated_on', { mode: 'string' }).notNull(),
    estimateSource: text('estimate_source').notNull(),
    importKey: text('import_key'),
    createdBy: userRef('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('expected_payments_locality_idx').on(t.localityId, t.sourceId, t.paymentYear),
    uniqueIndex('expected_payments_import_key_key').on(t.localityId, t.importKey),
    check('expected_payments_amount_check', sql`${t.amountCents} >= 0`),
    check('expected_payments_payment_year_check', sql`${t.paymentYear} between 2000 and 2100`),
    check('expected_payments_source_check', sql`length(trim(${t.estimateSource})) > 0`),
  ],
);

/**
 * The fund's balance on the first day of the first fiscal year a locality records in Abate, entered once by a
 * locality that starts mid-stream. Every later balance is derived (beginning + received − spent), never stored.
 */
export const fundOpeningBalances = pgTable(
  'fund_opening_balances',
  {
    localityId: integer('locality_id')
      .primaryKey()
      .references(() => localities.id),
    fiscalYear: smallint('fiscal_year').notNull(),
    amountCents: bigint('amount_cents', { mode: 'bigint' }).notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: userRef('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('fund_opening_balances_amount_check', sql`${t.amountCents} >= 0`),
    check('fund_opening_balances_fiscal_year_check', sql`${t.fiscalYear} between 2000 and 2100`),
  ],
);

/** A state report marked as filed, so the staff overview can tell what is due next from what is late. */
export const reportFilings = pgTable(
  'report_filings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    localityId: localityRef(),
    report: text('report').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    filedBy: userRef('filed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_filings_key').on(t.localityId, t.report, t.fiscalYear)],
);
