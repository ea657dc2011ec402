import { getTranslations } from 'next-intl/server';
import { EmptyTableRow, ScrollTable } from '@/app/_components/table-parts';
import type { ReconciliationRow } from '@/lib/data/reconciliation';
import type { Locale } from '@/lib/i18n/locales';
import { moneyOrDash, type MoneyInView } from './money-in-view';

/**
 * What each settlement should have paid and what arrived, one row per settlement and payment year, with its status
 * (overdue in bold) and the estimate's source. A plain server-rendered table that carries every figure the chart
 * draws. Words from the MoneyIn messages, statuses from the view (MoneyInView messages), money per `locale`.
 */
export async function ReconciliationTable({
  rows,
  statusLabel,
  caption,
  locale,
}: {
  rows: readonly ReconciliationRow[];
  statusLabel: MoneyInView['statusLabel'];
  caption: string;
  locale: Locale;
}) {
  const t = await getTranslations('MoneyIn');
  const money = (cents: bigint | null) => moneyOrDash(cents, locale);
  return (
    <ScrollTable caption={caption} className="data-table" data-testid="reconciliation-table">
      <thead>
        <tr>
          <th scope="col">{t('columnSettlement')}</th>
          <th scope="col">{t('columnPaymentYear')}</th>
          <th scope="col" className="cell--money">
            {t('columnExpected')}
          </th>
          <th scope="col" className="cell--money">
            {t('columnReceived')}
          </th>
          <th scope="col" className="cell--money">
            {t('columnDifference')}
          </th>
          <th scope="col">{t('columnStatus')}</th>
          <th scope="col" className="cell--text">
            {t('columnEstimate')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyTableRow colSpan={7}>{t('empty')}</EmptyTableRow>
        ) : (
          rows.map((row) => (
            <tr key={`${row.sourceKey}-${row.paymentYear}`} data-status={row.status}>
              <th scope="row">{row.sourceName}</th>
              <td>{row.paymentYear}</td>
              <td className="cell--money" data-cents={row.expectedCents?.toString()}>{money(row.expectedCents)}</td>
              <td className="cell--money" data-cents={row.receivedCents.toString()}>{money(row.receivedCents)}</td>
              <td className="cell--money">{money(row.differenceCents)}</td>
              <td>{row.status === 'overdue' ? <strong>⚠ {statusLabel(row)}</strong> : statusLabel(row)}</td>
              <td className="cell--estimate">
                {row.estimate ? (
                  <>
                    {row.estimate.source}
                    <small>{t('estimatedOn', { date: row.estimate.estimatedOn })}</small>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </ScrollTable>
  );
}
