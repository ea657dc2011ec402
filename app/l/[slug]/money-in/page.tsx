import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageSection } from '@/app/_components/page-section';
import { viewWords } from '@/app/_lib/page-locale';
import { todayIso } from '@/lib/fiscal-year';
import { publicFund } from '@/lib/open-data/fund-answer';
import type { LocalityPageProps } from '../_lib/load-locality';
import { localitySubpageMetadata } from '../_sections/locality-metadata';
import { LocalitySubpage, openLocalitySubpage } from '../_sections/locality-subpage';
import { FundTable } from './fund-table';
import { MoneyInChart } from './money-in-chart';
import { buildMoneyInView, moneyOrDash } from './money-in-view';
import { ReconciliationTable } from './reconciliation-table';

export function generateMetadata(props: LocalityPageProps): Promise<Metadata> {
  return localitySubpageMetadata(props, 'MoneyIn', 'money-in');
}

/**
 * "Money coming in": what each settlement should have paid the locality and what arrived, and the fund's balance
 * year by year. Public data only: receipts that are not deleted, spending against approved lines (lib/data/fund.ts).
 * Rendered on the server; the chart's SVG is the only part that needs JavaScript, and the tables carry every figure.
 * In English at /l/{slug}/money-in and in Spanish at /es/l/{slug}/money-in (ADR 0016); settlement names and the
 * estimates' sources are the locality's own words.
 */
export default async function MoneyInPage(props: LocalityPageProps) {
  const page = await openLocalitySubpage(props, 'money-in');
  const { db, locality } = page;
  const [t, words] = await Promise.all([getTranslations('MoneyIn'), viewWords()]);
  const { locale } = words;
  const money = (cents: bigint | null) => moneyOrDash(cents, locale);
  const today = todayIso();
  const { fund, reconciliation } = await publicFund(db, locality, today);
  const view = buildMoneyInView(reconciliation, Number(today.slice(0, 4)), words);

  return (
    <LocalitySubpage page={page} reportHref={`/l/${locality.slug}`} title={t('title')} heading={t('heading', { locality: locality.name })}>
      <p className="lede">{view.summary}</p>

      <PageSection headingId="expected-heading" heading={t('expectedHeading')}>
        <p>{t('expectedExplanation')}</p>
        <MoneyInChart title={t('chartTitle')} summary={view.summary} {...view.chart} />
        <ReconciliationTable rows={reconciliation} statusLabel={view.statusLabel} caption={t('tableCaption')} locale={locale} />
      </PageSection>

      <PageSection headingId="overdue-heading" heading={t('overdueHeading')}>
        {view.overdue.length === 0 ? (
          <p>{t('noneOverdue')}</p>
        ) : (
          <ul data-testid="overdue-list">
            {view.overdue.map((row) => {
              const values = {
                settlement: row.sourceName,
                year: String(row.paymentYear),
                expected: money(row.expectedCents),
                received: money(row.receivedCents),
              };
              return (
                <li key={`${row.sourceKey}-${row.paymentYear}`}>
                  {row.expectedOn ? t('overdueItemOn', { ...values, date: row.expectedOn }) : t('overdueItem', values)}
                </li>
              );
            })}
          </ul>
        )}
      </PageSection>

      <PageSection headingId="fund-heading" heading={t('fundHeading')}>
        <p>
          {t('fundExplanation')}
          {fund.opening ? ` ${t('fundOpening', { year: String(fund.opening.fiscalYear), amount: money(fund.opening.amountCents) })}` : ''}
        </p>
        <FundTable years={fund.years} caption={t('fundCaption', { locality: locality.name })} />
        <p>
          {t.rich('dataLinks', {
            json: (chunks: ReactNode) => <a href={`/api/v1/localities/${locality.slug}/fund`}>{chunks}</a>,
            fundYears: (chunks: ReactNode) => <a href={`/data/${locality.slug}/fund-years.csv`}>{chunks}</a>,
            reconciliation: (chunks: ReactNode) => <a href={`/data/${locality.slug}/reconciliation.csv`}>{chunks}</a>,
          })}
        </p>
      </PageSection>
    </LocalitySubpage>
  );
}
