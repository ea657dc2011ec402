/**
 * "What the money did": each approved program's reported outcomes beside the dollars — how many, over what period,
 * from what source, what the program spent in that period and the cost per unit — "not reported" where a program
 * spent money and reports nothing, and the counts by quarter: the body of the outcomes page (/l/{slug}/outcomes). A
 * server component that reads its own data through lib (cached public reads); its tables are DataTables (ADR 0014).
 */
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { notReportedTableRows, outcomeQuarterTableRows, outcomeTableRows } from '@/lib/views/outcomes-view';
import { loadOutcomesView, OutcomesSentence } from './outcomes-summary';

const PROGRAM_COLUMNS: ColumnSpec[] = [
  { id: 'program', header: 'Program', kind: 'text' },
  { id: 'measure', header: 'Measure', kind: 'text' },
  { id: 'units', header: 'How many', kind: 'text', sortable: false },
  { id: 'period', header: 'Period', kind: 'text', sortable: false },
  { id: 'spent', header: 'Spent in the period', kind: 'money' },
  { id: 'costPerUnit', header: 'Cost per unit', kind: 'text', sortable: false },
  { id: 'source', header: 'Source', kind: 'text' },
];

const NOT_REPORTED_COLUMNS: ColumnSpec[] = [
  { id: 'program', header: 'Program', kind: 'text' },
  { id: 'spent', header: 'Spent in the year', kind: 'money' },
  { id: 'outcomes', header: 'Outcomes', kind: 'text', sortable: false },
];

export async function OutcomesSection({ localityId, fiscalYear, fyStartMonth }: { localityId: number; fiscalYear: number; fyStartMonth: number }) {
  const view = await loadOutcomesView(localityId, fiscalYear, fyStartMonth);
  const quarterColumns: ColumnSpec[] = [
    { id: 'measure', header: 'Measure', kind: 'text' },
    ...view.quarters.map((quarter) => ({ id: quarter.key, header: quarter.label, kind: 'number' as const })),
    { id: 'total', header: 'Year', kind: 'number' },
  ];
  return (
    <section aria-labelledby="outcomes-heading" className="section" data-testid="outcomes-section">
      <h2 id="outcomes-heading">What the money did, FY{fiscalYear}</h2>
      <OutcomesSentence view={view} />
      <p className="muted">
        Outcomes are what each program reports it did, checked by the oversight board. An outcome counts in the fiscal
        year its period ends in. <strong>Cost per unit</strong> is what the program spent in that outcome&apos;s own
        period (posted payments dated inside it) divided by the number reported, to the cent; a program reporting
        several measures has its whole spending set against each. Counts of 1 to 10 people are shown as &ldquo;fewer
        than 11&rdquo;, and their cost per unit is withheld so the count cannot be worked out from it.
      </p>
      <DataTable
        caption={`Outcomes reported by programs for FY${fiscalYear}, with what they spent`}
        columns={PROGRAM_COLUMNS}
        rows={outcomeTableRows(view)}
        testId="outcomes-table"
        emptyMessage={`No program has an approved outcome for FY${fiscalYear}.`}
      />
      {view.notReported.length > 0 ? (
        <>
          <h3 id="outcomes-not-reported-heading">Programs that report no outcome</h3>
          <p className="muted">These programs spent money in FY{fiscalYear} and have reported nothing about what it did.</p>
          <DataTable
            caption={`Programs that spent money in FY${fiscalYear} and report no outcome`}
            columns={NOT_REPORTED_COLUMNS}
            rows={notReportedTableRows(view)}
            testId="outcomes-not-reported-table"
          />
        </>
      ) : null}
      {view.quarterRows.length > 0 ? (
        <>
          <h3 id="outcomes-quarter-heading">Outcomes by quarter</h3>
          <DataTable
            caption={`Outcomes reported for each quarter of FY${fiscalYear}, by the quarter their period ends in`}
            columns={quarterColumns}
            rows={outcomeQuarterTableRows(view)}
            testId="outcomes-quarter-table"
          />
          {view.quarterTotalsLeaveOutSmallCounts ? (
            <p className="muted" data-testid="outcomes-small-counts-note">
              Counts of 1 to 10 people are left out of these totals, so that they cannot be worked out by subtraction.
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
