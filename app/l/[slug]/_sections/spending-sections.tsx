import { getTranslations } from 'next-intl/server';
import { Flag } from '@/app/_components/flag';
import type { Locale } from '@/lib/i18n/locales';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import type { LocalitySpendingView } from '@/lib/views/locality-spending-view';
import { SpendingChartAndTable, type SpendingWords } from './spending-chart-and-table';

/**
 * "Spending by category" (with the flag for uses the evidence discourages) and "Spending by group", in the page's
 * language (the Locality messages; the view's names and sentences are in the reader's words already).
 */
export async function SpendingSections({ view, fiscalYear, locale }: { view: LocalitySpendingView; fiscalYear: number; locale: Locale }) {
  const t = await getTranslations('Locality');
  const year = String(fiscalYear);
  const summary = `${view.allocatedSummary} ${view.spentSummary}`;
  const words: SpendingWords = {
    columnCategory: t('columnCategory'),
    columnGroup: t('columnGroup'),
    columnAllocated: t('columnAllocated'),
    columnSpent: t('columnSpent'),
    total: t('total'),
    empty: t('noSpending'),
  };
  const categoryTitle = t('categoryChartTitle', { year });
  const groupTitle = t('groupChartTitle', { year });
  return (
    <>
      <section aria-labelledby="by-category-heading">
        <h2 id="by-category-heading">{t('byCategoryHeading')}</h2>
        <p>{view.allocatedSummary}</p>
        {view.discouraged ? (
          <p>
            <Flag testId="discouraged-flag">
              {t('discouraged', {
                share: formatPercentFromBasisPoints(view.discouraged.shareBasisPoints, locale),
                amount: formatCents(view.discouraged.cents, { locale }),
                labels: view.discouraged.labels.join('; '),
              })}
            </Flag>
          </p>
        ) : null}
        <SpendingChartAndTable
          kind="category"
          title={categoryTitle}
          caption={t('dataTable', { title: categoryTitle })}
          summary={summary}
          rows={view.categoryRows}
          words={words}
        />
      </section>
      <section aria-labelledby="by-group-heading">
        <h2 id="by-group-heading">{t('byGroupHeading')}</h2>
        <SpendingChartAndTable kind="group" title={groupTitle} caption={t('dataTable', { title: groupTitle })} summary={summary} rows={view.groupRows} words={words} />
      </section>
    </>
  );
}
