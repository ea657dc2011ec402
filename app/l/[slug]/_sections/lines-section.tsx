import { getTranslations } from 'next-intl/server';
import { Flag } from '@/app/_components/flag';
import { LinesTable } from '@/app/_components/lines-table';
import { PageSection } from '@/app/_components/page-section';
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
  // The table takes this page of lines as the view has it (rows, their categories' labels, counts and totals).
  const { filters, options, notes, ...shown } = view;
  const flags = [
    { testId: 'missing-descriptions', text: notes.missingDescriptions },
    { testId: 'criminal-legal-lines', text: notes.criminalLegal },
    { testId: 'unclassified-lines', text: notes.unclassified },
  ];
  return (
    <PageSection headingId="lines-heading" heading={t('linesHeading')} id="lines" className="lines-section">
      <p>
        {t('linesLede')}
        {flags.map((flag) =>
          flag.text ? (
            <span key={flag.testId}>
              {' '}
              <Flag testId={flag.testId}>{flag.text}</Flag>
            </span>
          ) : null,
        )}
      </p>
      <LinesTable
        caption={t('linesCaption', { year: String(fiscalYear) })}
        {...shown}
        totalCount={totalCount}
        basePath={basePath}
        filters={{ fy: String(fiscalYear), framework: frameworkKey, ...filters }}
        defaultFramework={DEFAULT_FRAMEWORK_KEY}
        options={{ ...options, years: years.map((fy) => ({ value: String(fy), label: tYear('year', { year: String(fy) }) })) }}
        noDescriptionText={noDescriptionFlag(words)}
      />
    </PageSection>
  );
}
