import type { Metadata } from 'next';
import { localitySubpageMetadata } from '../_sections/locality-metadata';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { DemoBadge } from '@/app/_components/demo-badge';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { LocaleLink } from '@/app/_components/locale-link';
import { searchString, type SearchParams } from '@/app/_components/search-params';
import { viewWords } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { todayIso } from '@/lib/fiscal-year';
import { publicFund } from '@/lib/open-data/fund-answer';
import { FundTable } from './fund-table';
import { MoneyInChart } from './money-in-chart';
import { buildMoneyInView, moneyOrDash } from './money-in-view';
import { ReconciliationTable } from './reconciliation-table';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export function generateMetadata(props: PageProps): Promise<Metadata> {
  return localitySubpageMetadata(props, 'MoneyIn', 'money-in');
}

/**
 * "Money coming in": what each settlement should have paid the locality and what arrived, and the fund's balance
 * year by year. Public data only: receipts that are not deleted, spending against approved lines (lib/data/fund.ts).
 * Rendered on the server; the chart's SVG is the only part that needs JavaScript, and the tables carry every figure.
 * In English at /l/{slug}/money-in and in Spanish at /es/l/{slug}/money-in (ADR 0016); settlement names and the
 * estimates' sources are the locality's own words.
 */
export default async function MoneyInPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const [t, words] = await Promise.all([getTranslations('MoneyIn'), viewWords()]);
  const { locale } = words;
  const money = (cents: bigint | null) => moneyOrDash(cents, locale);
  const today = todayIso();
  const { fund, reconciliation } = await publicFund(db, locality, today);
  const view = buildMoneyInView(reconciliation, Number(today.slice(0, 4)), words);

  return (
    <div className="locality-page">
      <LanguageSwitch locale={locale} path={`/l/${locality.slug}/money-in`} search={searchString(await searchParams)} />
      <p className="breadcrumbs">
        <LocaleLink locale={locale} href={`/l/${locality.slug}`}>
          {locality.name}
        </LocaleLink>{' '}
        / <span>{t('title')}</span> {locality.isDemo ? <DemoBadge /> : null}
      </p>
      <h1>{t('heading', { locality: locality.name })}</h1>
      <p className="lede">{view.summary}</p>

      <section aria-labelledby="expected-heading">
        <h2 id="expected-heading">{t('expectedHeading')}</h2>
        <p>{t('expectedExplanation')}</p>
        <MoneyInChart title={t('chartTitle')} summary={view.summary} {...view.chart} />
        <ReconciliationTable rows={reconciliation} statusLabel={view.statusLabel} caption={t('tableCaption')} locale={locale} />
      </section>

      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{t('overdueHeading')}</h2>
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
      </section>

      <section aria-labelledby="fund-heading">
        <h2 id="fund-heading">{t('fundHeading')}</h2>
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
      </section>
    </div>
  );
}
