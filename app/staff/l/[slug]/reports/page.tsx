import type { Metadata } from 'next';
import Link from 'next/link';
import { fiscalYearOptions, Options } from '@/app/_components/forms/bound-fields';
import { FieldBox } from '@/app/_components/forms/field';
import { can } from '@/lib/auth/authorize';
import { getFundYears } from '@/lib/data/fund';
import { countMoneyDrafts } from '@/lib/data/money-drafts';
import { currentFiscalYear, todayIso } from '@/lib/fiscal-year';
import { findReport, REPORTS } from '@/lib/reports';
import { listReportFilings } from '@/lib/services/localities/mark-report-filed';
import { reportDraftsNotice } from '@/lib/views/money-drafts-view';
import { markReportFiledAction } from './actions';
import { FilingForm } from './filing-form';
import { PrintReportButton } from './print-button';
import { ReportView } from './report-view';
import { openLocalityPage, type LocalityRoute } from '../_lib/locality-page';

export const metadata: Metadata = { title: 'State reports' };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The report to show: the one asked for, else the first of the locality's state, else the first. */
function chooseReport(asked: string | undefined, stateCode: string) {
  return (asked ? findReport(asked) : null) ?? REPORTS.find((r) => r.state === stateCode) ?? REPORTS[0]!;
}

export default async function StaffReportsPage(route: LocalityRoute) {
  const { actor, locality, query, db } = await openLocalityPage(route, 'reports');
  const report = chooseReport(one(query.report), locality.stateCode);
  const lastEnded = currentFiscalYear(locality.fyStartMonth) - 1;
  const fund = await getFundYears(db, { localityId: locality.id });
  const years = [...new Set([...fund.years.map((y) => y.fiscalYear), lastEnded])].sort((a, b) => b - a);
  const askedFy = Number(one(query.fy));
  const fiscalYear = years.includes(askedFy) ? askedFy : lastEnded;
  const [document, filings, drafts] = await Promise.all([
    report.build(db, { localityId: locality.id, fiscalYear }),
    listReportFilings(db, locality.id),
    countMoneyDrafts(db, { localityId: locality.id, fiscalYear }),
  ]);
  const draftsNotice = reportDraftsNotice(drafts, fiscalYear);
  const filing = filings.find((f) => f.report === report.key && f.fiscalYear === fiscalYear);
  const mayFile = can(actor, 'money.write', locality.id);
  const xlsxHref = `/api/v1/localities/${locality.slug}/reports/${report.key}?fy=${fiscalYear}&format=xlsx`;

  return (
    <div>
      <h1 className="no-print">State reports</h1>
      <p className="lede no-print">
        The reports states ask of a locality, built from the same ledger as everything else: approved lines, their payments and
        the money received. Every figure links to the lines it sums.
      </p>
      <form method="get" className="form no-print" aria-label="Choose a report">
        <div className="field-row">
          <FieldBox id="report" label="Report">
            <select id="report" name="report" defaultValue={report.key}>
              <Options options={REPORTS.map((r) => ({ value: r.key, label: r.title }))} />
            </select>
          </FieldBox>
          <FieldBox id="fy" label="Fiscal year">
            <select id="fy" name="fy" defaultValue={String(fiscalYear)}>
              <Options options={fiscalYearOptions(years)} />
            </select>
          </FieldBox>
        </div>
        <button type="submit" className="button">
          Show the report
        </button>
      </form>

      {draftsNotice ? (
        <p className="notice no-print" data-testid="report-drafts">
          {draftsNotice}{' '}
          {drafts.receipts > 0 ? <Link href={`/staff/l/${locality.slug}/receipts?posting=draft&fy=${fiscalYear}`}>Draft receipts</Link> : null}
          {drafts.receipts > 0 && drafts.payments > 0 ? ' · ' : null}
          {drafts.payments > 0 ? <Link href={`/staff/l/${locality.slug}/expenditures?posting=draft&fy=${fiscalYear}`}>Draft payments</Link> : null}
        </p>
      ) : null}
      <p className="no-print">
        Due {document.dueOn} ({report.dueRule}).{' '}
        {filing ? <strong>Marked as filed on {filing.filedOn}.</strong> : document.dueOn < todayIso() ? <strong>Late: not marked as filed.</strong> : 'Not yet filed.'}
      </p>
      {one(query.filed) ? (
        <p className="notice no-print" role="status">
          Marked as filed.
        </p>
      ) : null}
      <p className="no-print">
        <a className="button button--secondary" href={xlsxHref} download>
          Download as XLSX
        </a>{' '}
        <PrintReportButton />
      </p>

      <ReportView report={document} slug={locality.slug} />

      {mayFile && !filing ? (
        <FilingForm action={markReportFiledAction} slug={locality.slug} localityId={locality.id} report={report.key} fiscalYear={fiscalYear} today={todayIso()} />
      ) : null}
    </div>
  );
}
