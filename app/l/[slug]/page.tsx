import { residentsPhrase } from './_lib/residents-view';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { DemoBadge } from '@/app/_components/demo-badge';
import { DownloadLinks } from '@/app/_components/download-links';
import { EquityPanel } from '@/app/_components/equity/equity-panel';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { Flag } from '@/app/_components/flag';
import { FlowSankey, type FlowLink, type FlowNode } from '@/app/_components/flow-sankey';
import { FrameworkSwitch } from '@/app/_components/framework-switch';
import { LinesTable, type LinesTableRow } from '@/app/_components/lines-table';
import { OnThisPage } from '@/app/_components/on-this-page';
import { QuarterChart } from '@/app/_components/quarter-chart';
import { param, type SearchParams } from '@/app/_components/search-params';
import { TotalsCards } from '@/app/_components/totals-cards';
import { getDb } from '@/db/runtime';
import { groupColors } from '@/lib/categories/group-colors';
import { reportedCategoryLabel } from '@/lib/data/public-lines';
import { listInWords } from '@/lib/equity/line-flags';
import {
  DEFAULT_FRAMEWORK_KEY,
  isRecipientType,
  NO_DESCRIPTION_FLAG,
  RECIPIENT_TYPE_LABEL,
  recipientTypeLabel,
} from '@/lib/categories/labels';
import { monthName, quarterLabel, summarizeFlows, summarizeQuarters } from '@/lib/categories/summaries';
import { shareBasisPoints, summarizeByGroup, totalsByGroup } from '@/lib/categories/summarize-spending';
import { filterLines, pageOfLines, parseLineSort, sortLines } from '@/lib/data/public-lines';
import { loadPublicEquityPanel } from '@/lib/data/public-equity';
import { publicReads } from '@/lib/data/public-reads';
import { UNCATEGORIZED_KEY, UNMAPPED_KEY } from '@/lib/data/spending-by-category';
import { multiYearNote } from '@/lib/fiscal-year';
import { chooseLocalityFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

const CATEGORY_COLUMNS: ColumnSpec[] = [
  { id: 'label', header: 'Category', kind: 'text' },
  { id: 'group', header: 'Group', kind: 'text' },
  { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
  { id: 'spent', header: 'Spent', kind: 'money', total: true },
];

const GROUP_COLUMNS: ColumnSpec[] = [
  { id: 'label', header: 'Group', kind: 'text' },
  { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
  { id: 'spent', header: 'Spent', kind: 'money', total: true },
];

const FLOW_COLUMNS: ColumnSpec[] = [
  { id: 'source', header: 'Funding source', kind: 'text' },
  { id: 'group', header: 'Category group', kind: 'text' },
  { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
];

const QUARTERS = [1, 2, 3, 4] as const;

export async function generateMetadata({ params, searchParams }: PageProps): Promise<Metadata> {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) return { title: 'Locality not found' };
  const choice = chooseLocalityFiscalYear((await searchParams).fy, await publicReads.fiscalYears(db, locality.id), locality.fyStartMonth);
  if (choice.kind === 'shown') return { title: locality.name };
  // A year without figures is not worth a search engine's index.
  return { title: `${locality.name}: FY${choice.fiscalYear} not reported`, robots: { index: false } };
}

/** A year the locality has no counted data for: said plainly, with the years it has, and no other year's figures. */
function NotReported({ locality, fiscalYear, years }: { locality: { name: string; slug: string; isDemo: boolean }; fiscalYear: number; years: number[] }) {
  return (
    <div className="locality-report">
      <div className="page-header">
        <h1>{locality.name}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
        <p className="lede" data-testid="year-not-reported">
          <Flag>Not reported</Flag> {locality.name} has not reported for FY{fiscalYear}.
        </p>
        <p>
          {years.length > 0
            ? 'Choose a year it has reported for:'
            : `${locality.name} has not reported for any year yet.`}
        </p>
      </div>
      <FiscalYearNav years={years} current={fiscalYear} basePath={`/l/${locality.slug}`} />
      <p className="no-print">
        <Link href={`/l/${locality.slug}/money-in`}>Money coming in</Link>: what each settlement should pay and what has
        arrived, year by year.
      </p>
    </div>
  );
}

export default async function LocalityPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const query = await searchParams;

  const [years, frameworks] = await Promise.all([publicReads.fiscalYears(db, locality.id), publicReads.frameworks(db)]);
  const choice = chooseLocalityFiscalYear(query.fy, years, locality.fyStartMonth);
  if (choice.kind === 'not-reported') return <NotReported locality={locality} fiscalYear={choice.fiscalYear} years={years} />;
  const fiscalYear = choice.fiscalYear;
  const offered = frameworks.filter((f) => f.localityId === null || f.localityId === locality.id);
  const requestedFramework = param(query, 'framework');
  const frameworkKey = offered.some((f) => f.key === requestedFramework) ? requestedFramework : DEFAULT_FRAMEWORK_KEY;
  const framework = offered.find((f) => f.key === frameworkKey);

  // Every read at once: the page waits for the slowest, not for their sum.
  const [totals, byCategory, allLines, flows, quarterCells, frameworkCategories, equityPanel, overduePayments, context] = await Promise.all([
    publicReads.localityTotals(db, locality.id, fiscalYear),
    publicReads.spendingByCategory(db, locality.id, fiscalYear, frameworkKey),
    publicReads.lines(db, locality.id, fiscalYear, frameworkKey),
    publicReads.sourceToGroup(db, locality.id, fiscalYear, frameworkKey),
    publicReads.quarterGroup(db, locality.id, fiscalYear, frameworkKey, locality.fyStartMonth),
    publicReads.categories(db, frameworkKey),
    loadPublicEquityPanel(db, locality.id, fiscalYear),
    publicReads.overduePayments(db, locality.id),
    publicReads.localityContext(db, fiscalYear),
  ]);

  // ----- filters from the URL (anything unknown is ignored, so a stale link still shows a sensible view)
  const knownCategories = new Set([...frameworkCategories.map((c) => c.key), UNMAPPED_KEY, UNCATEGORIZED_KEY]);
  const requestedCategory = param(query, 'category');
  const category = knownCategories.has(requestedCategory) ? requestedCategory : '';
  const requestedType = param(query, 'recipient_type');
  const recipientType = isRecipientType(requestedType) || requestedType === 'none' ? requestedType : '';
  const q = param(query, 'q');
  const lineSort = parseLineSort(param(query, 'sort', 30));
  const sort = lineSort ? `${lineSort.column}.${lineSort.desc ? 'desc' : 'asc'}` : '';
  const lines = sortLines(filterLines(allLines, { q, category, recipientType }), lineSort);
  // Only one page of lines goes into the page (and into the React payload that repeats it); the totals and the CSV
  // cover them all.
  const linesPage = pageOfLines(lines, param(query, 'page', 7));
  // A multi-year line that began in an earlier year is listed, but its amount counts in its first year only.
  const linesTotals = {
    allocated: lines.reduce((s, line) => (line.fiscalYear === fiscalYear ? s + line.allocatedCents : s), 0n).toString(),
    spent: lines.reduce((s, line) => s + line.spentToDateCents, 0n).toString(),
  };

  // ----- groups in the framework's order, with one colour each
  const groupOrder = [...new Set([...frameworkCategories.map((c) => c.group), ...byCategory.map((c) => c.group), 'Other'])];
  const colors = groupColors(groupOrder);
  const allocatedByGroup = totalsByGroup(byCategory, (row) => row.allocatedCents);
  const spentByGroup = totalsByGroup(byCategory, (row) => row.spentCents);
  const allocatedSummary = summarizeByGroup(allocatedByGroup, fiscalYear, 'allocated');
  const spentSummary = summarizeByGroup(spentByGroup, fiscalYear, 'spent');
  const totalAllocatedByCategory = byCategory.reduce((sum, row) => sum + row.allocatedCents, 0n);
  const discouraged = {
    cents: byCategory.filter((row) => row.stance === 'discouraged').reduce((sum, row) => sum + row.allocatedCents, 0n),
    labels: byCategory.filter((row) => row.stance === 'discouraged' && row.allocatedCents !== 0n).map((row) => row.label),
  };
  const presentGroups = groupOrder.filter((g) => byCategory.some((c) => c.group === g));

  const categoryRows = byCategory.map((row) => ({
    key: row.key,
    label: row.label,
    group: row.group,
    allocated: row.allocatedCents.toString(),
    spent: row.spentCents.toString(),
  }));
  const groupRows = presentGroups.map((group) => ({
    key: group,
    label: group,
    allocated: (allocatedByGroup.find((g) => g.group === group)?.cents ?? 0n).toString(),
    spent: (spentByGroup.find((g) => g.group === group)?.cents ?? 0n).toString(),
  }));

  // ----- spending by quarter, stacked by group
  const quarterGroups = groupOrder.filter((g) => quarterCells.some((c) => c.group === g));
  const quarterCents: Record<string, Record<string, string>> = {};
  for (const cell of quarterCells) (quarterCents[`Q${cell.quarter}`] ??= {})[cell.group] = cell.spentCents.toString();
  const quarterTotals = QUARTERS.map((quarter) => ({
    key: `Q${quarter}`,
    label: quarterLabel(fiscalYear, locality.fyStartMonth, quarter),
    cents: quarterCells.filter((c) => c.quarter === quarter).reduce((sum, c) => sum + c.spentCents, 0n),
  }));
  const quarterSummary = summarizeQuarters(quarterTotals, fiscalYear);
  const quarterColumns: ColumnSpec[] = [
    { id: 'group', header: 'Category group', kind: 'text' },
    ...quarterTotals.map((qt) => ({ id: qt.key, header: qt.label, kind: 'money' as const, total: true })),
    { id: 'total', header: 'Year', kind: 'money', total: true },
  ];
  const quarterRows = quarterGroups.map((group) => {
    const row: Record<string, string> = { group };
    let total = 0n;
    for (const qt of quarterTotals) {
      const cents = BigInt(quarterCents[qt.key]?.[group] ?? '0');
      row[qt.key] = cents.toString();
      total += cents;
    }
    row.total = total.toString();
    return row;
  });

  // ----- funding source → category group
  const sourceNames = [...new Set(flows.map((f) => f.source))];
  const flowGroups = groupOrder.filter((g) => flows.some((f) => f.group === g));
  const sum = (items: readonly { allocatedCents: bigint }[]) => items.reduce((s, f) => s + f.allocatedCents, 0n);
  const flowNodes: FlowNode[] = [
    ...sourceNames.map((name) => ({
      name,
      side: 'source' as const,
      color: '#4a5568',
      cents: sum(flows.filter((f) => f.source === name)).toString(),
    })),
    ...flowGroups.map((name) => ({
      name,
      side: 'group' as const,
      color: colors[name] ?? '#6b7280',
      cents: sum(flows.filter((f) => f.group === name)).toString(),
    })),
  ];
  const flowLinks: FlowLink[] = flows.map((f) => ({
    source: sourceNames.indexOf(f.source),
    target: sourceNames.length + flowGroups.indexOf(f.group),
    cents: f.allocatedCents.toString(),
  }));
  const flowSummary = summarizeFlows(
    sourceNames.map((name) => ({ name, cents: sum(flows.filter((f) => f.source === name)) })),
    flowGroups.map((name) => ({ name, cents: sum(flows.filter((f) => f.group === name)) })),
    fiscalYear,
  );
  const flowRows = flows.map((f) => ({ source: f.source, group: f.group, allocated: f.allocatedCents.toString() }));

  // ----- the lines table
  const basePath = `/l/${locality.slug}`;
  const lineRows: LinesTableRow[] = linesPage.rows.map((line) => ({
    id: String(line.id),
    program: line.program,
    description: line.description || null,
    recipientName: line.recipient?.name ?? null,
    recipientTypeLabel: line.recipient ? recipientTypeLabel(line.recipient.type) : null,
    livedExperienceLed: line.recipient?.livedExperienceLed ?? false,
    categories: line.categories.map((c) => ({ key: c.key, share: formatPercentFromBasisPoints(c.shareBasisPoints) })),
    years: multiYearNote(line, fiscalYear),
    allocated: line.allocatedCents.toString(),
    spent: line.spentToDateCents.toString(),
  }));
  const categoryLabels: Record<string, string> = {};
  for (const line of linesPage.rows) for (const c of line.categories) categoryLabels[c.key] = reportedCategoryLabel(c);
  const categoryCounts = new Map<string, { label: string; count: number }>();
  for (const line of allLines) {
    for (const c of line.categories) {
      const found = categoryCounts.get(c.key);
      categoryCounts.set(c.key, { label: reportedCategoryLabel(c), count: (found?.count ?? 0) + 1 });
    }
  }
  const categoryOrder = new Map(frameworkCategories.map((c, i) => [c.key, i]));
  const categoryOptions = [...categoryCounts.entries()]
    .sort(([a], [b]) => (categoryOrder.get(a) ?? 1e6) - (categoryOrder.get(b) ?? 1e6))
    .map(([value, { label, count }]) => ({ value, label: `${label} (${count})` }));
  if (category && !categoryCounts.has(category)) {
    const known = frameworkCategories.find((c) => c.key === category);
    categoryOptions.push({ value: category, label: `${known?.label ?? category} (0)` });
  }
  const typeCounts = new Map<string, number>();
  for (const line of allLines) {
    const type = line.recipient?.type ?? 'none';
    typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
  }
  if (recipientType && !typeCounts.has(recipientType)) typeCounts.set(recipientType, 0);
  const recipientTypeOptions = [...typeCounts.entries()]
    .map(([value, count]) => ({
      value,
      label: `${value === 'none' ? 'No recipient recorded' : isRecipientType(value) ? RECIPIENT_TYPE_LABEL[value] : value} (${count})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const missingDescriptions = allLines.filter((line) => !line.description).length;
  const criminalLegalLines = allLines.filter((line) => line.criminalLegalRecipients.length > 0);
  const unclassifiedLines = allLines.filter((line) => line.flags.some((flag) => flag.code === 'unclassified')).length;

  const keepQuery = { fy: String(fiscalYear) };

  return (
    <div className="locality-report">
      <div className="page-header">
        <h1>{locality.name}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
        <p className="lede">
          Opioid-settlement money received, allocated and spent in fiscal year {fiscalYear}
          {residentsPhrase(context.find((figures) => figures.localityId === locality.id), fiscalYear)}. Fiscal years
          end in the year named and start in {monthName(locality.fyStartMonth)}. Only lines the oversight board approved,
          and receipts and payments staff posted, are counted.
        </p>
        <p className="no-print" data-testid="money-in-link">
          <Link href={`/l/${locality.slug}/money-in`}>Money coming in</Link>: what each settlement should pay, what has
          arrived, and the fund&apos;s balance year by year.
          {overduePayments > 0 ? (
            <strong> ⚠ {overduePayments === 1 ? '1 settlement payment is overdue.' : `${overduePayments} settlement payments are overdue.`}</strong>
          ) : null}
        </p>
        <p className="no-print" data-testid="decisions-link">
          <Link href={`/l/${locality.slug}/decisions`}>Board decisions</Link>: every approval and return by the
          oversight board, with its reason.
        </p>
        <p className="print-only">
          Categories shown as: {framework?.name ?? frameworkKey}. Printed from Abate; figures are exact to the cent.
        </p>
      </div>
      <FiscalYearNav years={years} current={fiscalYear} basePath={basePath} extraQuery={frameworkKey === DEFAULT_FRAMEWORK_KEY ? undefined : { framework: frameworkKey }} />
      <FrameworkSwitch
        frameworks={offered}
        current={frameworkKey}
        basePath={basePath}
        keepQuery={keepQuery}
        defaultKey={DEFAULT_FRAMEWORK_KEY}
      />
      <OnThisPage
        items={[
          { id: 'totals-heading', label: 'Totals' },
          { id: 'by-category-heading', label: 'By category' },
          { id: 'by-group-heading', label: 'By group' },
          { id: 'over-time-heading', label: 'Over the year' },
          { id: 'flows-heading', label: 'Sources' },
          ...(equityPanel.equity.goals.length > 0 || equityPanel.equity.flags.length > 0
            ? [{ id: 'equity-panel-heading', label: 'Equity goals' }]
            : []),
          { id: 'lines', label: 'Every line' },
          { id: 'downloads-heading', label: 'Downloads' },
        ]}
      />
      {framework && frameworkKey !== DEFAULT_FRAMEWORK_KEY ? (
        <p className="muted framework-note">
          Showing the same money in the categories of {framework.name}, through Abate’s crosswalk: the totals do not
          change.
        </p>
      ) : null}

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">Totals for FY{fiscalYear}</h2>
        <TotalsCards
          items={[
            { label: 'Received', cents: totals.receivedCents.toString(), testId: 'total-received' },
            { label: 'Allocated (approved)', cents: totals.allocatedCents.toString(), testId: 'total-allocated' },
            { label: 'Spent', cents: totals.spentCents.toString(), testId: 'total-spent' },
            {
              label: 'Unspent',
              cents: totals.unspentCents.toString(),
              note: 'Received minus spent',
              testId: 'total-unspent',
            },
          ]}
        />
        {allLines.length === 0 ? (
          <p className="notice" role="note">
            <Flag testId="not-reported-flag">Not reported</Flag> {locality.name} has no approved lines for FY
            {fiscalYear} yet.
          </p>
        ) : null}
      </section>

      {/* No <Suspense> around these sections: React streams a large boundary separately and needs a script to
          reveal it, so without JavaScript the tables and lines would stay hidden. The page must read without it. */}
      <section aria-labelledby="by-category-heading">
        <h2 id="by-category-heading">Spending by category</h2>
        <p>{allocatedSummary}</p>
        {discouraged.cents > 0n ? (
          <p>
            <Flag testId="discouraged-flag">
              {formatPercentFromBasisPoints(shareBasisPoints(discouraged.cents, totalAllocatedByCategory))} of the
              allocated money ({formatCents(discouraged.cents)}) went to uses the evidence discourages:{' '}
              {discouraged.labels.join('; ')}.
            </Flag>
          </p>
        ) : null}
        <div className="chart-and-table">
          <CategoryBarChart
            title={`Allocated and spent by category, FY${fiscalYear}`}
            summary={`${allocatedSummary} ${spentSummary}`}
            data={categoryRows.map((row) => ({
              key: row.key,
              label: row.label,
              allocatedCents: row.allocated,
              spentCents: row.spent,
            }))}
            testId="category-chart"
          />
          <DataTable
            caption={`Allocated and spent by category, FY${fiscalYear} (data table)`}
            columns={CATEGORY_COLUMNS}
            rows={categoryRows}
            totalsLabel="Total"
            testId="category-table"
            emptyMessage="No approved spending for this year."
          />
        </div>
      </section>

      <section aria-labelledby="by-group-heading">
        <h2 id="by-group-heading">Spending by group</h2>
        <div className="chart-and-table">
          <CategoryBarChart
            title={`Allocated and spent by category group, FY${fiscalYear}`}
            summary={`${allocatedSummary} ${spentSummary}`}
            data={groupRows.map((row) => ({
              key: row.key,
              label: row.label,
              allocatedCents: row.allocated,
              spentCents: row.spent,
            }))}
            testId="group-chart"
          />
          <DataTable
            caption={`Allocated and spent by category group, FY${fiscalYear} (data table)`}
            columns={GROUP_COLUMNS}
            rows={groupRows}
            totalsLabel="Total"
            testId="group-table"
            emptyMessage="No approved spending for this year."
          />
        </div>
      </section>

      <section aria-labelledby="over-time-heading">
        <h2 id="over-time-heading">Spending over the year</h2>
        <div className="chart-and-table">
          <QuarterChart
            title={`Money spent each quarter of FY${fiscalYear}, by category group`}
            summary={quarterSummary}
            quarters={quarterTotals.map((qt) => ({ key: qt.key, label: qt.label }))}
            groups={quarterGroups.map((name) => ({ name, color: colors[name] ?? '#6b7280' }))}
            cents={quarterCents}
            testId="quarter-chart"
          />
          <DataTable
            caption={`Money spent each quarter of FY${fiscalYear}, by category group (data table)`}
            columns={quarterColumns}
            rows={quarterRows}
            totalsLabel="Total"
            testId="quarter-table"
            emptyMessage="No spending recorded for this year."
          />
        </div>
      </section>

      <section aria-labelledby="flows-heading">
        <h2 id="flows-heading">Where the money came from and where it went</h2>
        <div className="chart-and-table">
          <FlowSankey
            title={`Allocated money from funding source to category group, FY${fiscalYear}`}
            summary={flowSummary}
            nodes={flowNodes}
            links={flowLinks}
            testId="flow-chart"
          />
          <DataTable
            caption={`Allocated money by funding source and category group, FY${fiscalYear} (data table)`}
            columns={FLOW_COLUMNS}
            rows={flowRows}
            totalsLabel="Total"
            testId="flow-table"
            emptyMessage="No approved allocations for this year."
          />
        </div>
      </section>

      <EquityPanel
        equity={equityPanel.equity}
        localityName={locality.name}
        labels={equityPanel.labels}
        reach={equityPanel.reach}
        areas={equityPanel.areas}
        lineHrefBase={`/l/${locality.slug}/lines/`}
      />

      <section aria-labelledby="lines-heading" id="lines" className="lines-section">
        <h2 id="lines-heading">Every approved line</h2>
        <p>
          What each program is, who receives the money, and what it pays for. Open a program for its spending, its
          categories and its public history.
          {missingDescriptions > 0 ? (
            <>
              {' '}
              <Flag testId="missing-descriptions">
                {missingDescriptions === 1
                  ? '1 line has no plain-language description.'
                  : `${missingDescriptions} lines have no plain-language description.`}
              </Flag>
            </>
          ) : null}
          {criminalLegalLines.length > 0 ? (
            <>
              {' '}
              <Flag testId="criminal-legal-lines">
                {`${criminalLegalLines.length === 1 ? '1 line is' : `${criminalLegalLines.length} lines are`} paid to ` +
                  `criminal-legal-system recipients (${listInWords([...new Set(criminalLegalLines.flatMap((line) => line.criminalLegalRecipients))])}), ` +
                  'shown under the category they were filed in, never as non-police care.'}
              </Flag>
            </>
          ) : null}
          {unclassifiedLines > 0 ? (
            <>
              {' '}
              <Flag testId="unclassified-lines">
                {unclassifiedLines === 1 ? '1 line is not yet classified.' : `${unclassifiedLines} lines are not yet classified.`}
              </Flag>
            </>
          ) : null}
        </p>
        <LinesTable
          caption={`Approved lines, FY${fiscalYear}`}
          rows={lineRows}
          categoryLabels={categoryLabels}
          totalCount={allLines.length}
          matching={{ count: linesPage.total, first: linesPage.first, last: linesPage.last }}
          page={{ current: linesPage.page, count: linesPage.pageCount }}
          totals={linesTotals}
          basePath={basePath}
          filters={{
            fy: String(fiscalYear),
            framework: frameworkKey,
            category,
            recipientType,
            q,
            sort,
            page: String(linesPage.page),
          }}
          defaultFramework={DEFAULT_FRAMEWORK_KEY}
          options={{
            categories: categoryOptions,
            recipientTypes: recipientTypeOptions,
            years: years.map((fy) => ({ value: String(fy), label: `FY${fy}` })),
          }}
          noDescriptionText={NO_DESCRIPTION_FLAG}
        />
      </section>

      <section aria-labelledby="downloads-heading" className="no-print">
        <h2 id="downloads-heading">Download the data</h2>
        <p>
          The same figures as open data, for spreadsheets and research. See also how {locality.name} compares with{' '}
          <Link href={`/compare?fy=${fiscalYear}`}>other localities</Link>.
        </p>
        <DownloadLinks slug={locality.slug} />
      </section>
    </div>
  );
}
