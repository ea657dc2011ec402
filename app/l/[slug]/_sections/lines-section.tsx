import { Flag } from '@/app/_components/flag';
import { LinesTable } from '@/app/_components/lines-table';
import { DEFAULT_FRAMEWORK_KEY, NO_DESCRIPTION_FLAG } from '@/lib/categories/labels';
import type { localityLinesView } from '@/lib/views/locality-lines-view';

type LinesView = ReturnType<typeof localityLinesView>;

/** "Every approved line": the year's flags about the lines, then the filterable, paged table. */
export function LinesSection({
  view,
  totalCount,
  fiscalYear,
  frameworkKey,
  years,
  basePath,
}: {
  view: LinesView;
  totalCount: number;
  fiscalYear: number;
  frameworkKey: string;
  years: readonly number[];
  basePath: string;
}) {
  const notes = [
    { testId: 'missing-descriptions', text: view.notes.missingDescriptions },
    { testId: 'criminal-legal-lines', text: view.notes.criminalLegal },
    { testId: 'unclassified-lines', text: view.notes.unclassified },
  ];
  return (
    <section aria-labelledby="lines-heading" id="lines" className="lines-section">
      <h2 id="lines-heading">Every approved line</h2>
      <p>
        What each program is, who receives the money, and what it pays for. Open a program for its spending, its
        categories and its public history.
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
        caption={`Approved lines, FY${fiscalYear}`}
        rows={view.rows}
        categoryLabels={view.categoryLabels}
        totalCount={totalCount}
        matching={view.matching}
        page={view.page}
        totals={view.totals}
        basePath={basePath}
        filters={{ fy: String(fiscalYear), framework: frameworkKey, ...view.filters }}
        defaultFramework={DEFAULT_FRAMEWORK_KEY}
        options={{ ...view.options, years: years.map((fy) => ({ value: String(fy), label: `FY${fy}` })) }}
        noDescriptionText={NO_DESCRIPTION_FLAG}
      />
    </section>
  );
}
