/**
 * A line's categories: its split in one sentence, each category's stance (a recommendation held back while a flag
 * says the money goes to the criminal-legal system), and the split as a table. A server component (Line messages).
 */
import { getTranslations } from 'next-intl/server';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { StanceBadge } from '@/app/_components/stance-badge';
import type { PublicLineDetail } from '@/lib/data/public-line';
import { holdsBackRecommendation } from '@/lib/equity/line-flags';
import type { ViewWords } from '@/lib/i18n/messages';
import { lineCategoriesSentence, lineSplitRows, splitLabel } from './line-view';

function splitColumns(t: (key: string) => string): ColumnSpec[] {
  return [
    { id: 'label', header: t('columnCategory'), kind: 'link', hrefKey: 'href' },
    { id: 'framework', header: t('columnFramework'), kind: 'text' },
    { id: 'share', header: t('columnShare'), kind: 'percent' },
    { id: 'allocated', header: t('columnAllocated'), kind: 'money', total: true },
    { id: 'spent', header: t('columnSpent'), kind: 'money', total: true },
  ];
}

export async function LineCategoriesSection({ line, words }: { line: PublicLineDetail; words: ViewWords }) {
  const t = await getTranslations('Line');
  const { locale } = words;
  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('categoriesHeading')}</h2>
      <p>{lineCategoriesSentence(line, words)}</p>
      {line.splits.length > 0 ? (
        <ul className="stance-list">
          {line.splits.map((s) =>
            s.stance === 'recommended' && holdsBackRecommendation(line.flags) ? (
              <li key={s.categoryId} data-testid="stance-held-back">
                {t('heldBack', { category: splitLabel(locale, s), recipients: line.criminalLegalRecipients.join(', ') })}
              </li>
            ) : s.stance ? (
              <li key={s.categoryId}>
                {splitLabel(locale, s)}: <StanceBadge stance={s.stance} locale={locale} />
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      <DataTable
        caption={t('splitCaption')}
        columns={splitColumns(t)}
        rows={lineSplitRows(line, locale)}
        totalsLabel={t('total')}
        testId="split-table"
        emptyMessage={t('splitEmpty')}
      />
    </section>
  );
}
