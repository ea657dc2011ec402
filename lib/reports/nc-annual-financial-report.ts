import type { Executor } from '@/db/client';
import { getFundYear } from '@/lib/data/fund';
import { fiscalYearBounds } from '@/lib/fiscal-year';
import { itemAmountColumns, itemAmountRow, ofYear, startReport, strategyColumns, strategyTableRows } from './document';
import { addDays, money, readPaymentParts, readPaymentsThrough, readReceiptsThrough, sumOf, type PaymentPart } from './ledger';
import { groupParts } from './strategy-rows';
import type { ReportDefinition, ReportRow } from './types';

/**
 * North Carolina's annual financial report (Exhibit E of the state's Memorandum of Agreement): the opioid settlement
 * fund's beginning balance, what it received, what it disbursed by funded strategy, what went to audit costs
 * (MOA section F.3) and its ending balance. Due 90 days after the fiscal year ends, even when the money was only held.
 *
 * Strategies are NC Exhibit A's (framework nc-high-impact) through THE crosswalk; money the strategies do not cover is
 * listed as such. Audit costs are their own line and not a strategy's, so beginning + received − disbursed − audit =
 * ending, to the cent (the fund's spent is disbursed + audit).
 */

export const NC_NOT_COVERED_LABEL = 'Not covered by the NC strategies';

/** NC's rule: both annual reports are due 90 days after the last day of the fiscal year. */
export function ncReportDueDate(fiscalYear: number, fyStartMonth: number): string {
  return addDays(fiscalYearBounds(fiscalYear, fyStartMonth).end, 90);
}

/**
 * The year's payments divided among NC Exhibit A strategies (through THE crosswalk), without audit costs, which NC
 * reports on their own line (MOA section F.3) and not under a strategy. The annual impact report groups the same
 * parts, so its totals are these to the cent.
 */
export async function readNcStrategyParts(db: Executor, options: { localityId: number; fiscalYear: number }): Promise<PaymentPart[]> {
  const parts = await readPaymentParts(db, { ...options, frameworkKey: 'nc-high-impact' });
  return parts.filter((p) => p.costType !== 'audit');
}

export const ncAnnualFinancialReport: ReportDefinition = {
  key: 'nc-annual-financial-report',
  title: 'North Carolina annual financial report (MOA Exhibit E)',
  state: 'NC',
  dueRule: '90 days after the fiscal year ends',
  dueDate: ncReportDueDate,
  async build(db, { localityId, fiscalYear }) {
    const { period, head } = await startReport(db, ncAnnualFinancialReport, { localityId, fiscalYear });
    const [fund, receipts, payments, strategyParts] = await Promise.all([
      getFundYear(db, { localityId, fiscalYear }),
      readReceiptsThrough(db, localityId, fiscalYear),
      readPaymentsThrough(db, localityId, fiscalYear),
      readNcStrategyParts(db, { localityId, fiscalYear }),
    ]);
    const yearReceipts = ofYear(receipts, fiscalYear);
    const yearPayments = ofYear(payments, fiscalYear);
    const audit = yearPayments.filter((p) => p.costType === 'audit');
    const disbursed = yearPayments.filter((p) => p.costType !== 'audit');
    const interest = yearReceipts.filter((r) => r.sourceKind === 'interest');

    const summary: ReportRow[] = [
      itemAmountRow('beginning', `1. Beginning balance on ${period.start}`, money(fund?.beginningCents ?? 0n, { fund: true })),
      itemAmountRow('received', '2. Amount received during the fiscal year', sumOf(yearReceipts, 'receipts')),
      itemAmountRow('interest', '2a. Of which interest earned', sumOf(interest, 'receipts')),
      itemAmountRow('disbursed', '3. Amount disbursed or applied to funded strategies', sumOf(disbursed, 'payments')),
      itemAmountRow('audit', '4. Amount used for audit costs (MOA section F.3)', sumOf(audit, 'payments')),
      itemAmountRow('ending', `5. Ending balance on ${period.end}`, money(fund?.endingCents ?? 0n, { fund: true }), true),
    ];

    const strategies = groupParts(strategyParts, { notCovered: NC_NOT_COVERED_LABEL });

    return {
      ...head,
      sections: [
        {
          key: 'summary',
          title: 'Annual financial report',
          columns: itemAmountColumns(),
          rows: summary,
          note: 'Ending balance = beginning balance + received − disbursed − audit costs.',
        },
        {
          key: 'strategies',
          title: 'Amount disbursed by funded strategy (NC Exhibit A)',
          columns: strategyColumns('strategy', 'Strategy'),
          rows: strategyTableRows(strategies, 'strategy'),
          note:
            'A payment on a line split across strategies is divided by the line’s shares. Payments for audit costs are ' +
            'reported on line 4, not under a strategy.',
        },
      ],
    };
  },
};
