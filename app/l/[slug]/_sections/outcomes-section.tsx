/**
 * "What the money did": each approved program's reported outcomes beside the dollars — how many, over what period,
 * from what source, what the program spent in that period and the cost per unit — "not reported" where a program
 * spent money and reports nothing, and the counts by quarter: the body of the outcomes page (/l/{slug}/outcomes). A
 * server component that reads its own data through lib (cached public reads); its tables are DataTables (ADR 0014).
 * Words from the Outcomes messages, in the page's language (English on /l/…, Spanish on /es/l/…).
 */
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { viewWords } from '@/app/_lib/page-locale';
import type { Translate } from '@/lib/i18n/messages';
import { notReportedTableRows, outcomeQuarterTableRows, outcomeTableRows } from '@/lib/views/outcomes-view';
import { loadOutcomesView, OutcomesSentence } from './outcomes-summary';

/** The program table's columns, headers from the Outcomes messages. */
function programColumns(t: Translate): ColumnSpec[] {
  return [
    { id: 'program', header: t('Outcomes.columnProgram'), kind: 'text' },
    { id: 'measure', header: t('Outcomes.columnMeasure'), kind: 'text' },
    { id: 'units', header: t('Outcomes.columnUnits'), kind: 'text', sortable: false },
    { id: 'period', header: t('Outcomes.columnPeriod'), kind: 'text', sortable: false },
    { id: 'spent', header: t('Outcomes.columnSpent'), kind: 'money' },
    { id: 'costPerUnit', header: t('Outcomes.columnCostPerUnit'), kind: 'text', sortable: false },
    { id: 'source', header: t('Outcomes.columnSource'), kind: 'text' },
  ];
}

/** The "not reported" table's columns. */
function notReportedColumns(t: Translate): ColumnSpec[] {
  return [
    { id: 'program', header: t('Outcomes.columnProgram'), kind: 'text' },
    { id: 'spent', header: t('Outcomes.columnSpentInYear'), kind: 'money' },
    { id: 'outcomes', header: t('Outcomes.columnOutcomes'), kind: 'text', sortable: false },
  ];
}

export async function OutcomesSection({ localityId, fiscalYear, fyStartMonth }: { localityId: number; fiscalYear: number; fyStartMonth: number }) {
  const words = await viewWords();
  const { t } = words;
  const view = await loadOutcomesView(localityId, fiscalYear, fyStartMonth, words);
  const year = String(fiscalYear);
  const quarterColumns: ColumnSpec[] = [
    { id: 'measure', header: t('Outcomes.columnMeasure'), kind: 'text' },
    ...view.quarters.map((quarter) => ({ id: quarter.key, header: quarter.label, kind: 'number' as const })),
    { id: 'total', header: t('Outcomes.columnYear'), kind: 'number' },
  ];
  const tOutcomes = await getTranslations('Outcomes');
  return (
    <section aria-labelledby="outcomes-heading" className="section" data-testid="outcomes-section">
      <h2 id="outcomes-heading">{t('Outcomes.sectionHeading', { year })}</h2>
      <OutcomesSentence view={view} words={words} />
      <p className="muted">{tOutcomes.rich('explanation', { strong: (chunks: ReactNode) => <strong>{chunks}</strong> })}</p>
      <DataTable
        caption={t('Outcomes.caption', { year })}
        columns={programColumns(t)}
        rows={outcomeTableRows(view)}
        testId="outcomes-table"
        emptyMessage={t('Outcomes.empty', { year })}
      />
      {view.notReported.length > 0 ? (
        <>
          <h3 id="outcomes-not-reported-heading">{t('Outcomes.notReportedHeading')}</h3>
          <p className="muted">{t('Outcomes.notReportedLede', { year })}</p>
          <DataTable
            caption={t('Outcomes.notReportedCaption', { year })}
            columns={notReportedColumns(t)}
            rows={notReportedTableRows(view, words)}
            testId="outcomes-not-reported-table"
          />
        </>
      ) : null}
      {view.quarterRows.length > 0 ? (
        <>
          <h3 id="outcomes-quarter-heading">{t('Outcomes.quarterHeading')}</h3>
          <DataTable
            caption={t('Outcomes.quarterCaption', { year })}
            columns={quarterColumns}
            rows={outcomeQuarterTableRows(view)}
            testId="outcomes-quarter-table"
          />
          {view.quarterTotalsLeaveOutSmallCounts ? (
            <p className="muted" data-testid="outcomes-small-counts-note">
              {t('Outcomes.smallCountsNote')}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
