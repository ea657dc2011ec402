/**
 * Every locality's money for a category in a year: the year's navigation, the sentence that sums it up, and the
 * same numbers as a chart and a table. A server component (Category messages).
 */
import { getTranslations } from 'next-intl/server';
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { ChartAndTable } from '@/app/_components/chart-and-table';
import type { ColumnSpec } from '@/app/_components/data-table';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/routes';
import type { CategoryLocalityRow } from './category-view';

function columns(t: (key: string) => string): ColumnSpec[] {
  return [
    { id: 'name', header: t('columnLocality'), kind: 'link', hrefKey: 'href' },
    { id: 'allocated', header: t('columnAllocated'), kind: 'money', total: true },
    { id: 'spent', header: t('columnSpent'), kind: 'money', total: true },
    { id: 'share', header: t('columnShare'), kind: 'percent' },
  ];
}

export async function CategoryLocalitiesSection({
  label,
  path,
  years,
  fiscalYear,
  summary,
  rows,
  locale,
}: {
  /** The category's name in the reader's language. */
  label: string;
  /** The category page's English path (the year links are made in the reader's language here). */
  path: string;
  years: number[];
  fiscalYear: number;
  summary: string;
  rows: CategoryLocalityRow[];
  locale: Locale;
}) {
  const t = await getTranslations('Category');
  const year = String(fiscalYear);
  return (
    <section aria-labelledby="localities-heading">
      <h2 id="localities-heading">{t('localitiesHeading', { year })}</h2>
      <FiscalYearNav years={years} current={fiscalYear} basePath={localizedHref(locale, path)} />
      <p>{summary}</p>
      <ChartAndTable
        table={{
          caption: t('caption', { category: label, year }),
          columns: columns(t),
          rows,
          totalsLabel: t('totals'),
          testId: 'category-localities-table',
          emptyMessage: t('empty'),
        }}
      >
        <CategoryBarChart
          title={t('chartTitle', { category: label, year })}
          summary={summary}
          data={rows.map((r) => ({ key: r.key, label: r.name, allocatedCents: r.allocated, spentCents: r.spent }))}
          testId="category-localities-chart"
        />
      </ChartAndTable>
    </section>
  );
}
