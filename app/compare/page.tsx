import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CategoryBarChart } from '@/app/_components/category-bar-chart';
import { ChartAndTable } from '@/app/_components/chart-and-table';
import { ChoiceLinks } from '@/app/_components/choice-links';
import { ChoiceSelect } from '@/app/_components/choice-select';
import { FiscalYearNav } from '@/app/_components/fiscal-year-nav';
import { Flag } from '@/app/_components/flag';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { LocalityMap } from '@/app/_components/locality-map';
import { openPublicYearPage, publicPageMetadata, type PublicPageProps } from '@/app/_components/public-page';
import { searchString } from '@/app/_components/search-params';
import { ShareBars } from '@/app/_components/share-bars';
import { groupColors } from '@/lib/categories/group-colors';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { publicReads } from '@/lib/data/public-reads';
import { localizedHref } from '@/lib/i18n/routes';
import { projectedState } from '@/lib/map/state-shapes';
import { compareHref, compareView } from '@/lib/views/compare-view';
import { localityMapView } from '@/lib/views/locality-map-view';
import { RankingTable } from './ranking-table';
import { shareTable } from './shares-view';

const PATH = '/compare';

export function generateMetadata(props: PublicPageProps): Promise<Metadata> {
  return publicPageMetadata(props, PATH, 'Compare');
}

/** The localities side by side, per resident and per overdose death. In English at /compare, in Spanish at /es/compare (ADR 0016). */
export default async function ComparePage(props: PublicPageProps) {
  const { db, query, words, locale, years, fiscalYear } = await openPublicYearPage(props);
  const t = await getTranslations('Compare');
  const year = String(fiscalYear);
  const { groups, localities } = await publicReads.compare(db, fiscalYear, DEFAULT_FRAMEWORK_KEY);
  const view = compareView({ fiscalYear, groups, localities, query, words });
  const map = localityMapView({
    fiscalYear,
    localities,
    query,
    shapesOf: projectedState,
    hrefFor: (change) => localizedHref(locale, compareHref(fiscalYear, { measure: view.measure.key, per: view.per, ...change }, '#map-heading')),
    words,
  });
  const colors = groupColors([...groups]);
  const shares = shareTable(view, t('locality'));
  const names = (list: string[]) => list.join(', ');

  return (
    <>
      <LanguageSwitch locale={locale} path={PATH} search={searchString(query)} />
      <div className="page-header">
        <h1>{t('heading')}</h1>
        <p className="lede">{t('lede')}</p>
      </div>
      <FiscalYearNav years={years} current={fiscalYear} basePath={localizedHref(locale, PATH)} />

      <section aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">{view.heading}</h2>
        <ChoiceSelect label={t('rankBy')} submitLabel={t('show')} {...view.measureForm} testId="compare-measure" />
        <ChoiceLinks label={t('dividedBy')} choices={view.perLinks} testId="compare-per" />
        <p data-testid="ranking-summary">{view.summary}</p>
        {view.withoutDenominator.length > 0 ? (
          <p>
            <Flag testId="denominator-missing">
              {view.per === 'resident'
                ? t('noPopulation', { names: names(view.withoutDenominator), notEnough: view.notEnough })
                : t('deathsUnknown', { names: names(view.withoutDenominator), notEnough: view.notEnough, year })}
            </Flag>
          </p>
        ) : null}
        {view.suppressed.length > 0 ? (
          <p data-testid="deaths-suppressed">{t('suppressed', { names: names(view.suppressed), fewer: view.fewerThan11, year })}</p>
        ) : null}
        <RankingTable view={view} locale={locale} />
        <p className="muted">{t('divisionNote', { notEnough: view.notEnough })}</p>
      </section>

      <LocalityMap view={map} />

      <section aria-labelledby="per-resident-heading">
        <h2 id="per-resident-heading">{t('perResidentHeading', { year })}</h2>
        <CategoryBarChart
          title={t('perResidentHeading', { year })}
          summary={view.rows.length === 0 ? t('noLocalities') : t('perResidentSummary', { year })}
          data={view.perResidentChart}
          testId="per-resident-chart"
        />
      </section>

      <section aria-labelledby="shares-heading">
        <h2 id="shares-heading">{t('sharesHeading', { year })}</h2>
        <p>{view.shareSummary}</p>
        <ChartAndTable
          table={{ caption: t('sharesCaption', { year }), columns: shares.columns, rows: shares.rows, testId: 'share-table', emptyMessage: t('noLocalities') }}
        >
          <ShareBars
            title={t('sharesTitle', { year })}
            summary={view.shareSummary}
            groups={view.groupsPresent.map((name) => ({ name, label: view.groupNames[name], color: colors[name] ?? '#6b7280' }))}
            bars={view.shareRows.map((r) => ({ label: r.name, shares: r.shares }))}
            testId="share-chart"
            locale={locale}
            words={{ noSpending: t('noSpendingRecorded'), nothingToCompare: t('noSpendingToCompare'), legend: t('legend') }}
          />
        </ChartAndTable>
      </section>
    </>
  );
}
