import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { FrameworkSwitch } from '@/app/_components/framework-switch';
import { param, type SearchParams } from '@/app/_components/search-params';
import { StanceBadge } from '@/app/_components/stance-badge';
import { getDb } from '@/db/runtime';
import { DEFAULT_FRAMEWORK_KEY, STANCE_TEXT, type Stance } from '@/lib/categories/labels';
import { publicReads } from '@/lib/data/public-reads';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';

export const metadata: Metadata = { title: 'Categories' };

const COLUMNS: ColumnSpec[] = [
  { id: 'label', header: 'Category', kind: 'link', hrefKey: 'href' },
  { id: 'group', header: 'Group', kind: 'text' },
  { id: 'stance', header: 'Stance', kind: 'status', toneKey: 'tone' },
  { id: 'allocated', header: 'Allocated, all localities', kind: 'money', total: true },
  { id: 'spent', header: 'Spent, all localities', kind: 'money', total: true },
];

const TONE: Record<Stance, string> = { recommended: 'ok', neutral: 'info', discouraged: 'warn' };

export default async function CategoriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const db = await getDb();
  const query = await searchParams;
  const [frameworks, years] = await Promise.all([publicReads.frameworks(db), publicReads.fiscalYears(db)]);
  const shipped = frameworks.filter((f) => f.localityId === null);
  const requested = param(query, 'framework');
  const framework = shipped.find((f) => f.key === requested) ?? shipped.find((f) => f.key === DEFAULT_FRAMEWORK_KEY) ?? shipped[0];
  const fiscalYear = chooseFiscalYear(query.fy, years);
  if (!framework) {
    return (
      <>
        <h1>What the money is for</h1>
        <p>No category frameworks have been loaded yet.</p>
      </>
    );
  }

  const [categories, localities] = await Promise.all([
    publicReads.categories(db, framework.key),
    publicReads.localitiesWithTotals(db, fiscalYear),
  ]);
  const leaves = localities.filter((l) => l.childCount === 0);
  const spending = await Promise.all(leaves.map((l) => publicReads.spendingByCategory(db, l.id, fiscalYear, framework.key)));
  const sums = new Map<string, { allocated: bigint; spent: bigint }>();
  for (const rows of spending) {
    for (const row of rows) {
      const found = sums.get(row.key) ?? { allocated: 0n, spent: 0n };
      found.allocated += row.allocatedCents;
      found.spent += row.spentCents;
      sums.set(row.key, found);
    }
  }
  const rows = categories.map((c) => ({
    label: c.label,
    href: `/categories/${framework.key}/${c.key}?fy=${fiscalYear}`,
    group: c.group,
    stance: STANCE_TEXT[c.stance].short,
    tone: TONE[c.stance],
    allocated: (sums.get(c.key)?.allocated ?? 0n).toString(),
    spent: (sums.get(c.key)?.spent ?? 0n).toString(),
  }));
  const uncovered = [...sums.entries()].filter(([key]) => !categories.some((c) => c.key === key));
  for (const [key, value] of uncovered) {
    rows.push({
      label: key === 'uncategorized' ? 'Not yet categorized' : 'Not covered by this framework',
      href: '',
      group: 'Other',
      stance: 'No stance',
      tone: 'info',
      allocated: value.allocated.toString(),
      spent: value.spent.toString(),
    });
  }

  return (
    <>
      <div className="page-header">
        <h1>What the money is for</h1>
        <p className="lede">
          Every line of spending is tagged with categories. Abate’s health-first list says, from the evidence, which
          uses of the money save lives and which repeat the harms of criminalization. The same money can also be shown
          in the settlements’ Exhibit E or a state’s list, through a crosswalk, and the totals stay the same.
        </p>
      </div>
      <FrameworkSwitch
        frameworks={shipped}
        current={framework.key}
        basePath="/categories"
        keepQuery={{ fy: String(fiscalYear) }}
        defaultKey={DEFAULT_FRAMEWORK_KEY}
      />
      <FiscalYearNav
        years={years}
        current={fiscalYear}
        basePath="/categories"
        extraQuery={framework.key === DEFAULT_FRAMEWORK_KEY ? undefined : { framework: framework.key }}
      />
      <section aria-labelledby="framework-heading">
        <h2 id="framework-heading">{framework.name}</h2>
        {framework.description ? <p className="prose">{framework.description}</p> : null}
        <ul className="stance-legend" aria-label="What the stances mean">
          {(['recommended', 'neutral', 'discouraged'] as const).map((stance) => (
            <li key={stance}>
              <StanceBadge stance={stance} />: {STANCE_TEXT[stance].explanation}
            </li>
          ))}
        </ul>
        <DataTable
          caption={`Categories of ${framework.name}, with approved money of all localities in FY${fiscalYear}`}
          columns={COLUMNS}
          rows={rows.map((r) => ({ ...r, href: r.href || null }))}
          totalsLabel="All categories"
          testId="categories-table"
          emptyMessage="This framework has no categories."
        />
      </section>
    </>
  );
}
