import Link from 'next/link';
import { DemoBadge } from '@/app/_components/demo-badge';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { Flag } from '@/app/_components/flag';

/** A year the locality has no counted data for: said plainly, with the years it has, and no other year's figures. */
export function NotReported({
  locality,
  fiscalYear,
  years,
  basePath,
}: {
  locality: { name: string; slug: string; isDemo: boolean };
  fiscalYear: number;
  years: number[];
  /** Where the year buttons lead: the locality page, or one of its sub-pages. */
  basePath: string;
}) {
  return (
    <div className="locality-report">
      <div className="page-header">
        <h1>{locality.name}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
        <p className="lede" data-testid="year-not-reported">
          <Flag>Not reported</Flag> {locality.name} has not reported for FY{fiscalYear}.
        </p>
        <p>{years.length > 0 ? 'Choose a year it has reported for:' : `${locality.name} has not reported for any year yet.`}</p>
      </div>
      <FiscalYearNav years={years} current={fiscalYear} basePath={basePath} />
      <p className="no-print">
        <Link href={`/l/${locality.slug}/money-in`}>Money coming in</Link>: what each settlement should pay and what has
        arrived, year by year.
      </p>
    </div>
  );
}
