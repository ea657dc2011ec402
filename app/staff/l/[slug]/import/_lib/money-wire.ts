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

export function moneyPreviewToWire(preview: Preview): MoneyWirePreview | MoneyWireFailure {
  if (!preview.ok) return { ok: false, reason: preview.reason, headers: preview.headers };
  const rows =
    preview.kind === 'outcomes'
      ? preview.create.map((outcome) => {
          const measure = measureWords(outcome);
          return {
            row: outcome.row,
            cells: [
              String(outcome.row),
              outcome.allocationLabel,
              measure.label,
              countWithUnit(outcome.units, measure),
              formatPeriod(outcome.periodStart, outcome.periodEnd),
              outcome.source,
            ],
          };
        })
      : preview.kind === 'expected-payments'
      ? preview.create.map((estimate) => ({
          row: estimate.row,
          cells: [
            String(estimate.row),
            estimate.sourceName,
            String(estimate.paymentYear),
            formatCents(estimate.amountCents),
            estimate.expectedOn ?? '—',
            estimate.estimatedOn,
            estimate.estimateSource,
          ],
        }))
      : preview.kind === 'receipts'
      ? preview.create.map((receipt) => ({
          row: receipt.row,
          cells: [
            String(receipt.row),
            receipt.receivedOn,
            `FY${receipt.fiscalYear}`,
            receipt.sourceName,
            receipt.paymentYear === null ? '—' : String(receipt.paymentYear),
            formatCents(receipt.amountCents),
            receipt.note,
          ],
        }))
      : preview.create.map((payment) => ({
          row: payment.row,
          cells: [
            String(payment.row),
            payment.paidOn,
            `FY${payment.fiscalYear}`,
            payment.allocationLabel,
            payment.payee === null
              ? '—'
              : `${payment.payee.name}${payment.payee.id === null ? ` (new: ${payment.payee.type.replace(/_/g, ' ')})` : ''}`,
            formatCents(payment.amountCents),
            payment.description,
          ],
        }));
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
