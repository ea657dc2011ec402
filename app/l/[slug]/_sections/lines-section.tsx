import { getTranslations } from 'next-intl/server';
import { Flag } from '@/app/_components/flag';
import { LinesTable } from '@/app/_components/lines-table';
import { DEFAULT_FRAMEWORK_KEY, noDescriptionFlag } from '@/lib/categories/labels';
import type { ViewWords } from '@/lib/i18n/messages';
import type { localityLinesView } from '@/lib/views/locality-lines-view';

type LinesView = ReturnType<typeof localityLinesView>;

/**
 * "Every approved line": the year's flags about the lines, then the filterable, paged table, in the page's language
 * (the Locality messages here, the LinesTable messages in the table; the view's words are the reader's already).
 * `basePath` is the locality page's address in that language.
 */
export async function LinesSection({
  view,
  totalCount,
  fiscalYear,
  frameworkKey,
  years,
  basePath,
  words,
}: {
  view: LinesView;
  totalCount: number;
  fiscalYear: number;
  frameworkKey: string;
  years: readonly number[];
  basePath: string;
  words: ViewWords;
}) {
  const [t, tYear] = await Promise.all([getTranslations('Locality'), getTranslations('FiscalYearNav')]);
  const notes = [
    { testId: 'missing-descriptions', text: view.notes.missingDescriptions },
    { testId: 'criminal-legal-lines', text: view.notes.criminalLegal },
    { testId: 'unclassified-lines', text: view.notes.unclassified },
  ];
  return (
    <section aria-labelledby="lines-heading" id="lines" className="lines-section">
      <h2 id="lines-heading">{t('linesHeading')}</h2>
      <p>
        {t('linesLede')}
        {notes.map((note) =>
          note.text ? (
            <span key={note.testId}>
              {' '}
              <Flag testId={note.testId}>{note.text}</Flag>
            </span>
          ) : null,
        )}
      </p>
      <LinesTable
        caption={t('linesCaption', { year: String(fiscalYear) })}
        rows={view.rows}
        categoryLabels={view.categoryLabels}
        totalCount={totalCount}
        matching={view.matching}
        page={view.page}
        totals={view.totals}
        basePath={basePath}
        filters={{ fy: String(fiscalYear), framework: frameworkKey, ...view.filters }}
        defaultFramework={DEFAULT_FRAMEWORK_KEY}
        options={{ ...view.options, years: years.map((fy) => ({ value: String(fy), label: tYear('year', { year: String(fy) }) })) }}
        noDescriptionText={noDescriptionFlag(words)}
      />
    </section>
  );
}
