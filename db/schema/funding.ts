import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { localityRef, editedRecordColumns, postingColumns } from './columns';
import { fundingSourceKind } from './enums';

export const fundingSources = pgTable(
  'funding_sources',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: fundingSourceKind('kind').notNull(),
    defendant: text('defendant'),
    totalCents: bigint('total_cents', { mode: 'bigint' }),
    firstPaymentYear: smallint('first_payment_year'),
    lastPaymentYear: smallint('last_payment_year'),
    // Most settlements require at least 85% to go to opioid remediation; null for grants.
    remediationMinBasisPoints: integer('remediation_min_bp'),
    description: text('description').notNull().default(''),
  },
  (t) => [
    uniqueIndex('funding_sources_key_key').on(t.key),
    check(
      'funding_sources_span_check',
      sql`${t.firstPaymentYear} is null or ${t.lastPaymentYear} is null or ${t.firstPaymentYear} <= ${t.lastPaymentYear}`,
    ),
  ],
);

/** Money in: a payment a locality received from a settlement or grant. */
export const receipts = pgTable(
  'receipts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    localityId: localityRef(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => fundingSources.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    // Derived from received_on and the locality's fiscal-year start month when the row is written,
    // so that per-year totals are a plain indexed GROUP BY.
    fiscalYear: smallint('fiscal_year').notNull(),
    amountCents: bigint('amount_cents', { mode: 'bigint' }).notNull(),
    // The settlement's payment year this money belongs to (settlements pay in numbered annual installments);
    // null when the source has none (interest, grants) or it was not given.
    paymentYear: smallint('payment_year'),
    note: text('note').notNull().default(''),
    importKey: text('import_key'),
    ...postingColumns(),
    ...editedRecordColumns(),
  },
  (t) => [
    index('receipts_locality_fy_idx').on(t.localityId, t.fiscalYear),
    index('receipts_source_idx').on(t.sourceId),
    uniqueIndex('receipts_import_key_key').on(t.localityId, t.importKey),
    check('receipts_payment_year_check', sql`${t.paymentYear} is null or ${t.paymentYear} between 2000 and 2100`),
  ],
);
