import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { FrameworkSwitch } from '@/app/_components/framework-switch';
import type { SearchParams } from '@/app/_components/search-params';
import { StanceBadge } from '@/app/_components/stance-badge';
import { getDb } from '@/db/runtime';
import { DEFAULT_FRAMEWORK_KEY, STANCE_TEXT } from '@/lib/categories/labels';
import { shareBasisPoints } from '@/lib/categories/summarize-spending';
import { publicReads } from '@/lib/data/public-reads';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

interface PageProps {
  params: Promise<{ framework: string; key: string }>;
  searchParams: Promise<SearchParams>;
}

const COLUMNS: ColumnSpec[] = [
  { id: 'name', header: 'Locality', kind: 'link', hrefKey: 'href' },
  { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
  { id: 'spent', header: 'Spent', kind: 'money', total: true },
  { id: 'share', header: 'Share of the locality’s allocated money', kind: 'percent' },
];

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await connection();
  const { framework, key } = await params;
  const category = await publicReads.category(await getDb(), framework, key);
  return { title: category ? category.label : 'Category not found' };
}

export default async function CategoryPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const { framework: frameworkKey, key } = await params;
  const category = await publicReads.category(db, frameworkKey, key);
  if (!category) notFound();
  const query = await searchParams;
  const years = await publicReads.fiscalYears(db);
  const fiscalYear = chooseFiscalYear(query.fy, years);
  const localities = (await publicReads.localitiesWithTotals(db, fiscalYear)).filter((l) => l.childCount === 0);
  const spending = await Promise.all(
    localities.map((l) => publicReads.spendingByCategory(db, l.id, fiscalYear, frameworkKey)),
  );

  const frameworkParam = frameworkKey === DEFAULT_FRAMEWORK_KEY ? '' : `&framework=${encodeURIComponent(frameworkKey)}`;
  const rows = localities.map((l, i) => {
    const all = spending[i] ?? [];
    const row = all.find((r) => r.key === key);
    const allocated = row?.allocatedCents ?? 0n;
    const localityAllocated = all.reduce((sum, r) => sum + r.allocatedCents, 0n);
    return {
      key: l.slug,
      name: l.name,
      href: `/l/${l.slug}?fy=${fiscalYear}${frameworkParam}&category=${encodeURIComponent(key)}#lines`,
      allocated: allocated.toString(),
      spent: (row?.spentCents ?? 0n).toString(),
      share: localityAllocated === 0n ? null : shareBasisPoints(allocated, localityAllocated).toString(),
    };
  });
  const totalAllocated = rows.reduce((sum, r) => sum + BigInt(r.allocated), 0n);
  const totalSpent = rows.reduce((sum, r) => sum + BigInt(r.spent), 0n);
  const allAllocated = spending.flat().reduce((sum, r) => sum + r.allocatedCents, 0n);
  const most = [...rows].sort((a, b) => (BigInt(b.allocated) > BigInt(a.allocated) ? 1 : BigInt(b.allocated) < BigInt(a.allocated) ? -1 : 0))[0];
  const funded = rows.filter((r) => r.allocated !== '0').length;
  const summary =
    totalAllocated === 0n
      ? `No locality allocated approved money to this category in FY${fiscalYear}.`
      : `In FY${fiscalYear}, ${funded} of ${rows.length} localities allocated money to this category: ${formatCents(totalAllocated, { showCents: false })} in all, ${formatPercentFromBasisPoints(shareBasisPoints(totalAllocated, allAllocated))} of all approved money, and ${formatCents(totalSpent, { showCents: false })} was spent.${most ? ` ${most.name} allocated the most (${formatCents(BigInt(most.allocated), { showCents: false })}).` : ''}`;

  const stance = STANCE_TEXT[category.stance];
  const counterparts = [
    { key: category.framework.key, name: category.framework.name, href: `/categories/${category.framework.key}/${category.key}` },
    ...category.reportedAs.map((c) => ({ key: c.frameworkKey, name: c.frameworkName, href: `/categories/${c.frameworkKey}/${c.key}` })),
  ];

  return (
    <article>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/categories">Categories</Link>
          </li>
          <li>
            <Link
              href={category.framework.key === DEFAULT_FRAMEWORK_KEY ? '/categories' : `/categories?framework=${category.framework.key}`}
            >
              {category.framework.name}
            </Link>
          </li>
          <li>
            <span aria-current="page">{category.label}</span>
          </li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>{category.label}</h1>
        <p className="category-stance" data-testid="stance">
          <StanceBadge stance={category.stance} /> <span className="muted">Group: {category.group}</span>
        </p>
      </div>
      <CounterpartSwitch counterparts={counterparts} current={category.framework.key} fiscalYear={fiscalYear} />

      <section aria-labelledby="what-heading">
        <h2 id="what-heading">What it is</h2>
        <p className="prose">{category.description}</p>
      </section>
      <section aria-labelledby="why-heading">
        <h2 id="why-heading">Why it matters</h2>
        <p className="prose">{category.why ?? stance.explanation}</p>
        <p className="prose muted">
          {stance.label}. {category.why ? stance.explanation : ''}
        </p>
      </section>
      {category.reportedAs.length > 0 || category.reportedFrom.length > 0 ? (
        <section aria-labelledby="crosswalk-heading">
          <h2 id="crosswalk-heading">In the other frameworks</h2>
          <ul>
            {category.reportedAs.map((c) => (
              <li key={`as-${c.frameworkKey}-${c.key}`}>
                Reported in {c.frameworkName} as{' '}
                <Link href={`/categories/${c.frameworkKey}/${c.key}?fy=${fiscalYear}`}>{c.label}</Link>
              </li>
            ))}
            {category.reportedFrom
              .filter((c) => !category.reportedAs.some((a) => a.frameworkKey === c.frameworkKey && a.key === c.key))
              .map((c) => (
                <li key={`from-${c.frameworkKey}-${c.key}`}>
                  Also counts money tagged in {c.frameworkName} as{' '}
                  <Link href={`/categories/${c.frameworkKey}/${c.key}?fy=${fiscalYear}`}>{c.label}</Link>
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="localities-heading">
        <h2 id="localities-heading">Every locality’s money for this category, FY{fiscalYear}</h2>
        <FiscalYearNav years={years} current={fiscalYear} basePath={`/categories/${category.framework.key}/${category.key}`} />
        <p>{summary}</p>
        <div className="chart-and-table">
          <CategoryBarChart
            title={`Allocated and spent on ${category.label} by locality, FY${fiscalYear}`}
            summary={summary}
            data={rows.map((r) => ({ key: r.key, label: r.name, allocatedCents: r.allocated, spentCents: r.spent }))}
            testId="category-localities-chart"
          />
          <DataTable
            caption={`Allocated and spent on ${category.label} by locality, FY${fiscalYear} (data table)`}
            columns={COLUMNS}
            rows={rows}
            totalsLabel="All localities"
            testId="category-localities-table"
            emptyMessage="No localities yet."
          />
        </div>
      </section>
    </article>
  );
}

function CounterpartSwitch({
  counterparts,
  current,
  fiscalYear,
}: {
  counterparts: { key: string; name: string; href: string }[];
  current: string;
  fiscalYear: number;
}) {
  return (
    <FrameworkSwitch
      frameworks={counterparts.map((c) => ({ key: c.key, name: c.name }))}
      current={current}
      basePath=""
      label="Show this category in"
      hrefFor={Object.fromEntries(counterparts.map((c) => [c.key, `${c.href}?fy=${fiscalYear}`]))}
    />
  );
}
