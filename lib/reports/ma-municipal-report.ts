import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { PUBLIC_ALLOCATION } from '@/lib/data/api-allocations';
import { getFundYear } from '@/lib/data/fund';
import { queryRows, toCents } from '@/lib/data/rows';
import { fiscalYearBounds } from '@/lib/fiscal-year';
import { costTypeLabel } from '@/lib/services/cost-type';
import { itemAmountColumns, itemAmountRow, ofYear, startReport } from './document';
import { money, percentOf, readReceiptsThrough, sumOf, text } from './ledger';
import type { FigureSources, ReportCell, ReportDefinition, ReportRow } from './types';
import { countedMoneySql } from '@/lib/data/sql/posted';

/**
 * The Massachusetts municipal report (DPH, FY25 codebook): funds available (the year's disbursement plus the
 * carryover, which is the fund's beginning balance), line items with their cost type and status — expended (paid in
 * the year) and encumbered (approved and not yet paid: allocated − spent to the end of the year, never negative) —
 * and the totals, with the percent remaining as an exact decimal.
 *
 * Line items are the approved lines whose years include this one (a multi-year authorization in each of its years)
 * and any approved line paid in this year, so total expended is the fund's spent for the year to the cent.
 *
 * Due date: DPH does not publish a fixed day in the sources Abate holds; the Massachusetts Municipal Association
 * wrote that the fiscal 2023 reports "will be due next August" (mma.org, "New online DPH resource helps
 * municipalities use opioid abatement funds"). Abate therefore uses the last day of the second month after the
 * fiscal year ends — 31 August for Massachusetts' July–June year — so the report is never shown as due later than
 * the state asked. Change MA_DUE_MONTHS_AFTER_YEAR_END when DPH names a day.
 */

const MA_DUE_MONTHS_AFTER_YEAR_END = 2;

interface LineItemRow {
  id: number;
  program: string;
  recipient: string | null;
  costType: string | null;
  amount: string;
  expended: string;
  expendedIds: number[] | null;
  spentToDate: string;
  spentIds: number[] | null;
}

function readLineItems(db: Executor, localityId: number, fiscalYear: number): Promise<LineItemRow[]> {
  return queryRows<LineItemRow>(
    db,
    sql`
      with counted as (
        select x.id, x.allocation_id, x.fiscal_year, x.amount_cents
        from expenditures x join allocations a on a.id = x.allocation_id
        where x.locality_id = ${localityId} and ${countedMoneySql(sql`x`)} and ${PUBLIC_ALLOCATION(sql.raw('a'))}
          and x.fiscal_year <= ${fiscalYear}
      )
      select a.id, a.program, r.name as recipient, a.cost_type::text as "costType", a.amount_cents::text as amount,
        coalesce((select sum(c.amount_cents) from counted c where c.allocation_id = a.id and c.fiscal_year = ${fiscalYear}), 0)::text as expended,
        (select array_agg(c.id order by c.id) from counted c where c.allocation_id = a.id and c.fiscal_year = ${fiscalYear}) as "expendedIds",
        coalesce((select sum(c.amount_cents) from counted c where c.allocation_id = a.id), 0)::text as "spentToDate",
        (select array_agg(c.id order by c.id) from counted c where c.allocation_id = a.id) as "spentIds"
      from allocations a left join recipients r on r.id = a.recipient_id
      where a.locality_id = ${localityId} and ${PUBLIC_ALLOCATION(sql.raw('a'))}
        and ((a.fiscal_year <= ${fiscalYear} and coalesce(a.last_fiscal_year, a.fiscal_year) >= ${fiscalYear})
          or exists (select 1 from counted c where c.allocation_id = a.id and c.fiscal_year = ${fiscalYear}))
      order by a.program, a.id`,
  );
}

const ids = (value: number[] | null) => (value ?? []).map(Number);

/** A row of the totals: an amount and its percent of what was available. */
function totalsRow(key: string, label: string, cents: bigint, from: Partial<FigureSources>, availableCents: bigint, total = false): ReportRow {
  const row = itemAmountRow(key, label, money(cents, from), total);
  return { ...row, cells: { ...row.cells, percent: { kind: 'percent', value: percentOf(cents, availableCents) } } };
}

function statusOf(expended: bigint, encumbered: bigint): string {
  if (encumbered > 0n && expended !== 0n) return 'Expended and encumbered';
  if (encumbered > 0n) return 'Encumbered';
  return 'Expended';
}

export const maMunicipalReport: ReportDefinition = {
  key: 'ma-municipal-report',
  title: 'Massachusetts municipal opioid abatement report (DPH)',
  state: 'MA',
  dueRule: 'the last day of the second month after the fiscal year ends (31 August for a July–June year)',
  dueDate(fiscalYear, fyStartMonth) {
    const end = fiscalYearBounds(fiscalYear, fyStartMonth).end;
    const [y, m] = end.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m + MA_DUE_MONTHS_AFTER_YEAR_END, 0));
    return last.toISOString().slice(0, 10);
  },
  async build(db, { localityId, fiscalYear }) {
    const { period, head } = await startReport(db, maMunicipalReport, { localityId, fiscalYear });
    const [fund, receipts, lines] = await Promise.all([
      getFundYear(db, { localityId, fiscalYear }),
      readReceiptsThrough(db, localityId, fiscalYear),
      readLineItems(db, localityId, fiscalYear),
    ]);
    const carryover = fund?.beginningCents ?? 0n;
    const disbursement = sumOf(ofYear(receipts, fiscalYear), 'receipts') as Extract<ReportCell, { kind: 'money' }>;
    const availableCents = carryover + disbursement.cents;

    let expendedTotal = 0n;
    let encumberedTotal = 0n;
    const expendedIds: number[] = [];
    const encumberedLines: number[] = [];
    const lineRows: ReportRow[] = lines.map((line) => {
      const amount = toCents(line.amount);
      const expended = toCents(line.expended);
      const remaining = amount - toCents(line.spentToDate);
      const encumbered = remaining > 0n ? remaining : 0n;
      expendedTotal += expended;
      encumberedTotal += encumbered;
      expendedIds.push(...ids(line.expendedIds));
      if (encumbered > 0n) encumberedLines.push(line.id);
      return {
        key: `line-${line.id}`,
        cells: {
          name: text(line.program),
          recipient: text(line.recipient ?? ''),
          costType: text(costTypeLabel(line.costType)),
          amount: money(amount, { lines: [line.id] }),
          expended: money(expended, { payments: ids(line.expendedIds), lines: [line.id] }),
          encumbered: money(encumbered, { payments: ids(line.spentIds), lines: [line.id] }),
          status: text(statusOf(expended, encumbered)),
        },
      };
    });
    const remainingCents = availableCents - expendedTotal - encumberedTotal;

    return {
      ...head,
      sections: [
        {
          key: 'funds',
          title: 'Funds',
          columns: itemAmountColumns(),
          rows: [
            itemAmountRow('disbursement', `FY${fiscalYear} disbursement (received in the fiscal year)`, disbursement),
            itemAmountRow('carryover', `Carryover (balance on ${period.start})`, money(carryover, { fund: true })),
            itemAmountRow('available', 'Total available', money(availableCents, { fund: true, receipts: disbursement.sources.receipts }), true),
          ],
        },
        {
          key: 'line-items',
          title: 'Line items',
          columns: [
            { key: 'name', label: 'Line item', kind: 'text' },
            { key: 'recipient', label: 'Recipient', kind: 'text' },
            { key: 'costType', label: 'Category (cost type)', kind: 'text' },
            { key: 'amount', label: 'Amount approved', kind: 'money' },
            { key: 'expended', label: 'Expended', kind: 'money' },
            { key: 'encumbered', label: 'Encumbered', kind: 'money' },
            { key: 'status', label: 'Status', kind: 'text' },
          ],
          rows: lineRows,
          note:
            'Expended: paid in the fiscal year. Encumbered: approved and not yet paid by the end of the fiscal year ' +
            '(amount approved − paid to date, never below zero).',
        },
        {
          key: 'totals',
          title: 'Totals',
          columns: [...itemAmountColumns(), { key: 'percent', label: 'Percent of total available', kind: 'percent' }],
          rows: [
            totalsRow('expended', 'Total expended', expendedTotal, { payments: expendedIds }, availableCents),
            totalsRow('encumbered', 'Total encumbered', encumberedTotal, { lines: encumberedLines }, availableCents),
            totalsRow('remaining', 'Remaining (available − expended − encumbered)', remainingCents, { fund: true }, availableCents, true),
          ],
        },
      ],
    };
  },
};
