import { getFundYear, getFundOpening, type FundOpening } from '@/lib/data/fund';
import { fiscalYearBounds } from '@/lib/fiscal-year';
import { itemAmountColumns, itemAmountRow, ofYear, startReport, strategyColumns, strategyTableRows } from './document';
import { addMonths, date, money, readPaymentParts, readPaymentsThrough, readReceiptsThrough, sumOf, text, type LedgerPayment, type LedgerReceipt } from './ledger';
import { groupParts } from './strategy-rows';
import type { FigureSources, ReportDefinition, ReportRow, ReportSection } from './types';

/**
 * The Pennsylvania Opioid Trust annual report: what was received, actual spending by Exhibit E Schedule A/B
 * category (framework exhibit-e through THE crosswalk), money received but not spent, and money at risk of the
 * 18-month rule (the Trust requires money to be spent within 18 months of receipt, or a 6-month extension asked
 * for in this report). Due 15 March after the fiscal year ends.
 *
 * The 18-month rule is applied first-in, first-out: every payment ever made spends the oldest money first (the
 * opening balance, then receipts by date). Money at risk is what is left of each receipt received more than 12
 * months before the year's end — it must be spent within 6 months of the report year's end or sooner.
 */

export const PA_SPEND_WITHIN_MONTHS = 18;
/** Receipts older than this at the year's end have less than 6 months left: the report flags them. */
export const PA_AT_RISK_AFTER_MONTHS = 12;

export interface FifoTranche {
  /** null for the opening balance. */
  receiptId: number | null;
  receivedOn: string;
  label: string;
  amountCents: bigint;
  unspentCents: bigint;
}

/** Spends `spentCents` from the tranches oldest first; what is left of each. Pure, so the rule is tested alone. */
export function spendFirstInFirstOut(tranches: readonly Omit<FifoTranche, 'unspentCents'>[], spentCents: bigint): FifoTranche[] {
  let left = spentCents > 0n ? spentCents : 0n;
  return tranches.map((tranche) => {
    const available = tranche.amountCents > 0n ? tranche.amountCents : 0n;
    const used = available < left ? available : left;
    left -= used;
    return { ...tranche, unspentCents: tranche.amountCents - used };
  });
}

function receiptLabel(receipt: LedgerReceipt): string {
  return receipt.sourceName;
}

/** A tranche's figure links to the receipt it is, or to the fund for the opening balance. */
function trancheSources(tranche: FifoTranche): Partial<FigureSources> {
  return tranche.receiptId === null ? { fund: true } : { receipts: [tranche.receiptId] };
}

/**
 * What is left, first-in first-out, of the money received more than 12 months before the year's end: the rows of the
 * 18-month rule, and their total.
 */
function eighteenMonthSection(ledger: {
  opening: FundOpening | null;
  receipts: readonly LedgerReceipt[];
  payments: readonly LedgerPayment[];
  fyStartMonth: number;
  yearEnd: string;
}): ReportSection {
  const { opening, receipts, payments, fyStartMonth, yearEnd } = ledger;
  // The fund's money in the order it came in: the opening balance (held before the fund's first year), then receipts.
  const tranches = [
    ...(opening ? [{ receiptId: null, receivedOn: fiscalYearBounds(opening.fiscalYear, fyStartMonth).start, label: 'Opening balance', amountCents: opening.amountCents }] : []),
    ...receipts.map((r) => ({ receiptId: r.id, receivedOn: r.receivedOn, label: receiptLabel(r), amountCents: r.amountCents })),
  ];
  let spentToDate = 0n;
  for (const p of payments) spentToDate += p.amountCents;
  const riskCutoff = addMonths(yearEnd, -PA_AT_RISK_AFTER_MONTHS);
  const atRisk = spendFirstInFirstOut(tranches, spentToDate).filter((t) => t.unspentCents > 0n && t.receivedOn < riskCutoff);
  const riskRows: ReportRow[] = atRisk.map((t) => {
    const spendBy = addMonths(t.receivedOn, PA_SPEND_WITHIN_MONTHS);
    return {
      key: t.receiptId === null ? 'opening' : `receipt-${t.receiptId}`,
      cells: {
        receivedOn: date(t.receivedOn),
        source: text(t.label),
        received: money(t.amountCents, trancheSources(t)),
        unspent: money(t.unspentCents, trancheSources(t)),
        spendBy: date(spendBy),
        status: text(spendBy <= yearEnd ? 'Past the 18 months' : 'At risk'),
      },
    };
  });
  let riskTotal = 0n;
  for (const t of atRisk) riskTotal += t.unspentCents;
  const riskReceipts = atRisk.flatMap((t) => (t.receiptId === null ? [] : [t.receiptId]));
  riskRows.push({
    key: 'total',
    total: true,
    cells: {
      receivedOn: date(null),
      source: text('Total at risk'),
      received: money(atRisk.reduce((sum, t) => sum + t.amountCents, 0n), { receipts: riskReceipts }),
      unspent: money(riskTotal, { receipts: riskReceipts, fund: atRisk.some((t) => t.receiptId === null) }),
      spendBy: date(null),
      status: text(''),
    },
  });
  return {
    key: 'eighteen-months',
    title: 'Money at risk of the 18-month rule',
    columns: [
      { key: 'receivedOn', label: 'Received on', kind: 'date' },
      { key: 'source', label: 'From', kind: 'text' },
      { key: 'received', label: 'Amount received', kind: 'money' },
      { key: 'unspent', label: 'Not yet spent', kind: 'money' },
      { key: 'spendBy', label: 'Must be spent by', kind: 'date' },
      { key: 'status', label: 'Status', kind: 'text' },
    ],
    rows: riskRows,
    note:
      `Money must be spent within 18 months of receipt (or a 6-month extension requested in this report). ` +
      `Payments spend the oldest money first. Listed: what is left of money received before ${riskCutoff}.`,
  };
}

export const paAnnualReport: ReportDefinition = {
  key: 'pa-annual-report',
  title: 'Pennsylvania Opioid Trust annual report',
  state: 'PA',
  dueRule: '15 March after the fiscal year ends',
  dueDate(fiscalYear, fyStartMonth) {
    const end = fiscalYearBounds(fiscalYear, fyStartMonth).end;
    const year = Number(end.slice(0, 4));
    const sameYear = `${year}-03-15`;
    return end < sameYear ? sameYear : `${year + 1}-03-15`;
  },
  async build(db, { localityId, fiscalYear }) {
    const { locality, period, head } = await startReport(db, paAnnualReport, { localityId, fiscalYear });
    const [fund, opening, receipts, payments, parts] = await Promise.all([
      getFundYear(db, { localityId, fiscalYear }),
      getFundOpening(db, localityId),
      readReceiptsThrough(db, localityId, fiscalYear),
      readPaymentsThrough(db, localityId, fiscalYear),
      readPaymentParts(db, { localityId, fiscalYear, frameworkKey: 'exhibit-e' }),
    ]);
    const summary: ReportRow[] = [
      itemAmountRow('beginning', `Balance on ${period.start}`, money(fund?.beginningCents ?? 0n, { fund: true })),
      itemAmountRow('received', 'Received in the fiscal year', sumOf(ofYear(receipts, fiscalYear), 'receipts')),
      itemAmountRow('spent', 'Spent in the fiscal year', sumOf(ofYear(payments, fiscalYear), 'payments')),
      itemAmountRow('unspent', `Received but not spent on ${period.end}`, money(fund?.endingCents ?? 0n, { fund: true }), true),
    ];

    const categories = groupParts(parts, { notCovered: 'Not covered by Exhibit E', withGroup: true });
    return {
      ...head,
      sections: [
        {
          key: 'summary',
          title: 'Received and spent',
          columns: itemAmountColumns(),
          rows: summary,
        },
        {
          key: 'categories',
          title: 'Spent by Schedule A/B category (Exhibit E)',
          columns: strategyColumns('category', 'Category'),
          rows: strategyTableRows(categories, 'category'),
          note: 'A payment on a line split across categories is divided by the line’s shares.',
        },
        eighteenMonthSection({ opening, receipts, payments, fyStartMonth: locality.fyStartMonth, yearEnd: period.end }),
      ],
    };
  },
};
