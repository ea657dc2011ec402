import { getFundYear, getFundOpening } from '@/lib/data/fund';
import { fiscalYearBounds } from '@/lib/fiscal-year';
import { addMonths, date, loadReportLocality, money, readPaymentParts, readPaymentsThrough, readReceiptsThrough, sumOf, text, type LedgerReceipt } from './ledger';
import { groupParts } from './strategy-rows';
import type { ReportDefinition, ReportRow } from './types';

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

const KEY = 'pa-annual-report';
const TITLE = 'Pennsylvania Opioid Trust annual report';
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

export const paAnnualReport: ReportDefinition = {
  key: KEY,
  title: TITLE,
  state: 'PA',
  dueRule: '15 March after the fiscal year ends',
  dueDate(fiscalYear, fyStartMonth) {
    const end = fiscalYearBounds(fiscalYear, fyStartMonth).end;
    const year = Number(end.slice(0, 4));
    const sameYear = `${year}-03-15`;
    return end < sameYear ? sameYear : `${year + 1}-03-15`;
  },
  async build(db, { localityId, fiscalYear }) {
    const locality = await loadReportLocality(db, localityId);
    const period = fiscalYearBounds(fiscalYear, locality.fyStartMonth);
    const [fund, opening, receipts, payments, parts] = await Promise.all([
      getFundYear(db, { localityId, fiscalYear }),
      getFundOpening(db, localityId),
      readReceiptsThrough(db, localityId, fiscalYear),
      readPaymentsThrough(db, localityId, fiscalYear),
      readPaymentParts(db, { localityId, fiscalYear, frameworkKey: 'exhibit-e' }),
    ]);
    const yearReceipts = receipts.filter((r) => r.fiscalYear === fiscalYear);
    const yearPayments = payments.filter((p) => p.fiscalYear === fiscalYear);

    const row = (key: string, label: string, cell: ReturnType<typeof money>, total = false): ReportRow => ({
      key,
      cells: { item: text(label), amount: cell },
      ...(total ? { total } : {}),
    });
    const summary: ReportRow[] = [
      row('beginning', `Balance on ${period.start}`, money(fund?.beginningCents ?? 0n, { fund: true })),
      row('received', 'Received in the fiscal year', sumOf(yearReceipts, 'receipts')),
      row('spent', 'Spent in the fiscal year', sumOf(yearPayments, 'payments')),
      row('unspent', `Received but not spent on ${period.end}`, money(fund?.endingCents ?? 0n, { fund: true }), true),
    ];

    // The fund's money in the order it came in: the opening balance (held before the fund's first year), then receipts.
    const tranches = [
      ...(opening ? [{ receiptId: null, receivedOn: fiscalYearBounds(opening.fiscalYear, locality.fyStartMonth).start, label: 'Opening balance', amountCents: opening.amountCents }] : []),
      ...receipts.map((r) => ({ receiptId: r.id, receivedOn: r.receivedOn, label: receiptLabel(r), amountCents: r.amountCents })),
    ];
    let spentToDate = 0n;
    for (const p of payments) spentToDate += p.amountCents;
    const riskCutoff = addMonths(period.end, -PA_AT_RISK_AFTER_MONTHS);
    const atRisk = spendFirstInFirstOut(tranches, spentToDate).filter((t) => t.unspentCents > 0n && t.receivedOn < riskCutoff);
    const riskRows: ReportRow[] = atRisk.map((t) => {
      const spendBy = addMonths(t.receivedOn, PA_SPEND_WITHIN_MONTHS);
      return {
        key: t.receiptId === null ? 'opening' : `receipt-${t.receiptId}`,
        cells: {
          receivedOn: date(t.receivedOn),
          source: text(t.label),
          received: money(t.amountCents, t.receiptId === null ? { fund: true } : { receipts: [t.receiptId] }),
          unspent: money(t.unspentCents, t.receiptId === null ? { fund: true } : { receipts: [t.receiptId] }),
          spendBy: date(spendBy),
          status: text(spendBy <= period.end ? 'Past the 18 months' : 'At risk'),
        },
      };
    });
    let riskTotal = 0n;
    for (const t of atRisk) riskTotal += t.unspentCents;
    riskRows.push({
      key: 'total',
      total: true,
      cells: {
        receivedOn: date(null),
        source: text('Total at risk'),
        received: money(atRisk.reduce((sum, t) => sum + t.amountCents, 0n), { receipts: atRisk.flatMap((t) => (t.receiptId === null ? [] : [t.receiptId])) }),
        unspent: money(riskTotal, { receipts: atRisk.flatMap((t) => (t.receiptId === null ? [] : [t.receiptId])), fund: atRisk.some((t) => t.receiptId === null) }),
        spendBy: date(null),
        status: text(''),
      },
    });

    const categories = groupParts(parts, { notCovered: 'Not covered by Exhibit E', withGroup: true });
    return {
      key: KEY,
      title: TITLE,
      state: 'PA',
      locality: { slug: locality.slug, name: locality.name, stateCode: locality.stateCode },
      fiscalYear,
      period,
      dueOn: paAnnualReport.dueDate(fiscalYear, locality.fyStartMonth),
      sections: [
        {
          key: 'summary',
          title: 'Received and spent',
          columns: [
            { key: 'item', label: 'Item', kind: 'text' },
            { key: 'amount', label: 'Amount', kind: 'money' },
          ],
          rows: summary,
        },
        {
          key: 'categories',
          title: 'Spent by Schedule A/B category (Exhibit E)',
          columns: [
            { key: 'category', label: 'Category', kind: 'text' },
            { key: 'amount', label: 'Amount', kind: 'money' },
          ],
          rows: categories.map((c) => ({ key: c.key, cells: { category: text(c.label), amount: c.cell }, ...(c.total ? { total: true } : {}) })),
          note: 'A payment on a line split across categories is divided by the line’s shares.',
        },
        {
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
        },
      ],
    };
  },
};
