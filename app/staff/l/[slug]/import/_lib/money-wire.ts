import { formatCents } from '@/lib/money';
import type { ImportRowError } from '@/lib/import';
import type { ExpenditureImportPreview } from '@/lib/services/import/expenditures';
import type { ReceiptImportPreview } from '@/lib/services/import/receipts';
import type { ExpectedPaymentImportPreview } from '@/lib/services/expected-payments/import-expected-payments';
import type { OutcomeImportPreview } from '@/lib/services/import/outcomes';
import { countWithUnit, formatPeriod, measureWords } from '@/lib/views/outcomes-view';
import { describeRowError } from '@/lib/services/import/report';
import { LIST_LIMIT, type WireRowError } from './wire';

/**
 * What the receipt, expenditure, expected-payment and outcome import routes send the browser: the kind's own
 * columns as a table of text, so one small wizard shows any of them. Pure (no server code), so the shaping is
 * tested without a request.
 */

export type MoneyImportKind = 'receipts' | 'expenditures' | 'expected-payments' | 'outcomes';

export interface MoneyWirePreview {
  ok: true;
  kind: MoneyImportKind;
  fileName: string;
  mapping: Record<string, string | null>;
  committable: boolean;
  /** The preview table's column names, in the kind's words. */
  columns: string[];
  /** One per record to create, at most LIST_LIMIT; `createCount` says how many in all. */
  rows: { row: number; cells: string[] }[];
  createCount: number;
  errors: WireRowError[];
  errorCount: number;
  errorRowCount: number;
  skipped: { row: number; kind: string; reason: string }[];
  skippedCount: number;
  alreadyImported: number;
  newRecipients: { name: string; type: string; row: number; typeFromName: boolean }[];
  notes: string[];
  /** What the rows add up to, as money; null for outcomes, which count things, not dollars. */
  total: string | null;
}

export interface MoneyWireFailure {
  ok: false;
  reason: string;
  headers?: string[];
  errors?: WireRowError[];
  errorCount?: number;
}

export interface MoneyWireCommit {
  ok: true;
  created: number;
  alreadyImported: number;
  recipientsCreated: number;
  total: string | null;
}

export const MONEY_PREVIEW_COLUMNS = {
  receipts: ['Row', 'Date received', 'Fiscal year', 'Settlement or source', 'Payment year', 'Amount', 'Note'],
  expenditures: ['Row', 'Date paid', 'Fiscal year', 'Allocation line paid from', 'Recipient', 'Amount', 'Description'],
  'expected-payments': ['Row', 'Settlement', 'Payment year', 'Expected amount', 'Expected date', 'Estimate date', 'Estimate source'],
  outcomes: ['Row', 'Program', 'Measure', 'Count', 'Period', 'Source'],
} as const;

export function rowErrorsToWire(errors: readonly ImportRowError[]): WireRowError[] {
  return errors.slice(0, LIST_LIMIT).map((error) => ({ ...error, text: describeRowError(error) }));
}

type Preview =
  | ({ kind: 'receipts' } & ReceiptImportPreview)
  | ({ kind: 'expenditures' } & ExpenditureImportPreview)
  | ({ kind: 'expected-payments' } & ExpectedPaymentImportPreview)
  | ({ kind: 'outcomes' } & OutcomeImportPreview);

/** What each kind's preview would create, one item a row. */
type ToCreate<P> = P extends { ok: true; create: (infer T)[] } ? T : never;
type OutcomeToCreate = ToCreate<OutcomeImportPreview>;
type EstimateToCreate = ToCreate<ExpectedPaymentImportPreview>;
type ReceiptToCreate = ToCreate<ReceiptImportPreview>;
type PaymentToCreate = ToCreate<ExpenditureImportPreview>;

export function moneyPreviewToWire(preview: Preview): MoneyWirePreview | MoneyWireFailure {
  if (!preview.ok) return { ok: false, reason: preview.reason, headers: preview.headers };
  const rows = previewRows(preview);
  return {
    ok: true,
    kind: preview.kind,
    fileName: preview.fileName,
    mapping: preview.mapping,
    committable: preview.committable,
    columns: [...MONEY_PREVIEW_COLUMNS[preview.kind]],
    rows: rows.slice(0, LIST_LIMIT),
    createCount: rows.length,
    errors: rowErrorsToWire(preview.errors),
    errorCount: preview.errors.length,
    errorRowCount: new Set(preview.errors.map((error) => error.row)).size,
    skipped: preview.skipped.slice(0, LIST_LIMIT),
    skippedCount: preview.skipped.length,
    alreadyImported: preview.skipped.filter((row) => row.kind === 'already-imported').length,
    newRecipients: preview.kind === 'expenditures' ? preview.newRecipients : [],
    notes: preview.kind === 'outcomes' ? [] : preview.notes,
    total: preview.kind === 'outcomes' ? null : formatCents(preview.totals.amountCents),
  };
}

type PreviewRow = MoneyWirePreview['rows'][number];

/** One row of the preview table: the file's row number, then what the kind shows of it (MONEY_PREVIEW_COLUMNS). */
function previewRow<T extends { row: number }>(item: T, cells: (item: T) => string[]): PreviewRow {
  return { row: item.row, cells: [String(item.row), ...cells(item)] };
}

function previewRows(preview: Preview & { ok: true }): PreviewRow[] {
  switch (preview.kind) {
    case 'outcomes':
      return preview.create.map((outcome) => previewRow(outcome, outcomeCells));
    case 'expected-payments':
      return preview.create.map((estimate) => previewRow(estimate, estimateCells));
    case 'receipts':
      return preview.create.map((receipt) => previewRow(receipt, receiptCells));
    case 'expenditures':
      return preview.create.map((payment) => previewRow(payment, paymentCells));
  }
}

function outcomeCells(outcome: OutcomeToCreate): string[] {
  const measure = measureWords(outcome);
  return [outcome.allocationLabel, measure.label, countWithUnit(outcome.units, measure), formatPeriod(outcome.periodStart, outcome.periodEnd), outcome.source];
}

function estimateCells(estimate: EstimateToCreate): string[] {
  const { sourceName, paymentYear, amountCents, expectedOn, estimatedOn, estimateSource } = estimate;
  return [sourceName, String(paymentYear), formatCents(amountCents), expectedOn ?? '—', estimatedOn, estimateSource];
}

function receiptCells(receipt: ReceiptToCreate): string[] {
  const paymentYear = receipt.paymentYear === null ? '—' : String(receipt.paymentYear);
  return [receipt.receivedOn, `FY${receipt.fiscalYear}`, receipt.sourceName, paymentYear, formatCents(receipt.amountCents), receipt.note];
}

function paymentCells(payment: PaymentToCreate): string[] {
  const { payee } = payment;
  const recipient = payee === null ? '—' : `${payee.name}${payee.id === null ? ` (new: ${payee.type.replace(/_/g, ' ')})` : ''}`;
  return [payment.paidOn, `FY${payment.fiscalYear}`, payment.allocationLabel, recipient, formatCents(payment.amountCents), payment.description];
}
