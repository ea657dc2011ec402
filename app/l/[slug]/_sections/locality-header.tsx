'use client';

// A client component with no hooks of its own: its props travel in the flight data, not its rendered tree a second
// time (ADR 0014).
import Link from 'next/link';
import { DemoBadge } from '@/app/_components/demo-badge';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { FrameworkSwitch } from '@/app/_components/framework-switch';
import { OnThisPage } from '@/app/_components/on-this-page';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { monthName } from '@/lib/categories/summaries';

interface Framework {
  key: string;
  name: string;
}

/** The locality page's header: what it shows and counts, links to its other pages, the year and framework, and its sections. */
export function LocalityHeader({
  locality,
  fiscalYear,
  residents,
  overduePayments,
  years,
  frameworks,
  frameworkKey,
  hasEquity,
}: {
  locality: { name: string; slug: string; isDemo: boolean; fyStartMonth: number };
  fiscalYear: number;
  /** " · population 412,300 (FY2026)", or ''. */
  residents: string;
  overduePayments: number;
  years: number[];
  frameworks: Framework[];
  frameworkKey: string;
  hasEquity: boolean;
}) {
  const basePath = `/l/${locality.slug}`;
  const framework = frameworks.find((f) => f.key === frameworkKey);
  return (
    <>
      <div className="page-header">
        <h1>{locality.name}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
        <p className="lede">
          Opioid-settlement money received, allocated and spent in fiscal year {fiscalYear}
          {residents}. Fiscal years end in the year named and start in {monthName(locality.fyStartMonth)}. Only lines the
          oversight board approved, and receipts and payments staff posted, are counted.
        </p>
        <p className="no-print" data-testid="money-in-link">
          <Link href={`${basePath}/money-in`}>Money coming in</Link>: what each settlement should pay, what has arrived,
          and the fund&apos;s balance year by year.
          {overduePayments > 0 ? (
            <strong> ⚠ {overduePayments === 1 ? '1 settlement payment is overdue.' : `${overduePayments} settlement payments are overdue.`}</strong>
          ) : null}
        </p>
        <p className="no-print" data-testid="decisions-link">
          <Link href={`${basePath}/decisions`}>Board decisions</Link>: every approval and return by the oversight board,
          with its reason.
        </p>
        <p className="no-print" data-testid="feed-link">
          Follow: <a href={`${basePath}/feed.xml`} type="application/atom+xml">Atom feed</a> of board decisions, approved
          lines and posted money, for a feed reader; no account needed.
        </p>
        <p className="print-only">
          Categories shown as: {framework?.name ?? frameworkKey}. Printed from Abate; figures are exact to the cent.
        </p>
      </div>
      <FiscalYearNav
        years={years}
        current={fiscalYear}
        basePath={basePath}
        extraQuery={frameworkKey === DEFAULT_FRAMEWORK_KEY ? undefined : { framework: frameworkKey }}
      />
      <FrameworkSwitch
        frameworks={frameworks}
        current={frameworkKey}
        basePath={basePath}
        keepQuery={{ fy: String(fiscalYear) }}
        defaultKey={DEFAULT_FRAMEWORK_KEY}
      />
      <OnThisPage
        items={[
          { id: 'totals-heading', label: 'Totals' },
          { id: 'by-category-heading', label: 'By category' },
          { id: 'by-group-heading', label: 'By group' },
          { id: 'over-time-heading', label: 'Over the year' },
          { id: 'flows-heading', label: 'Sources' },
          ...(hasEquity ? [{ id: 'equity-panel-heading', label: 'Equity goals' }] : []),
          { id: 'outcomes-heading', label: 'Outcomes' },
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
    </>
  );
}
