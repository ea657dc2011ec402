/** A line's payments: how many and how much in one sentence, then each payment in a table. A server component (Line messages). */
import { getTranslations } from 'next-intl/server';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import type { PublicLineDetail } from '@/lib/data/public-line';
import type { ViewWords } from '@/lib/i18n/messages';
import { formatCents } from '@/lib/money';
import { lineSpendingRows } from './line-view';

function spendingColumns(t: (key: string) => string, overspent: boolean): ColumnSpec[] {
  return [
    { id: 'paidOn', header: t('columnPaidOn'), kind: 'text' },
    { id: 'period', header: t('columnPeriod'), kind: 'text' },
    { id: 'description', header: t('columnDescription'), kind: 'text', sortable: false },
    // Shown only when a payment of the line went beyond what remained of it: the reason given is public.
    ...(overspent ? [{ id: 'overspendReason', header: t('columnOverspend'), kind: 'text', sortable: false } as const] : []),
    { id: 'amount', header: t('columnAmount'), kind: 'money', total: true },
  ];
}

export async function LineSpendingSection({ line, fyStartMonth, words }: { line: PublicLineDetail; fyStartMonth: number; words: ViewWords }) {
  const t = await getTranslations('Line');
  return (
    <section aria-labelledby="spending-heading">
      <h2 id="spending-heading">{t('spendingHeading')}</h2>
      <p>
        {line.expenditures.length === 0
          ? t('noPayments')
          : t('payments', { count: line.expenditures.length, amount: formatCents(line.spentToDateCents, { locale: words.locale }) })}
      </p>
      <DataTable
        caption={t('spendingCaption')}
        columns={spendingColumns(t, line.expenditures.some((x) => x.overspendReason !== null))}
        rows={lineSpendingRows(line, fyStartMonth, words)}
        totalsLabel={t('total')}
        testId="spending-table"
        emptyMessage={t('spendingEmpty')}
      />
    </section>
  );
}
