import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FiscalYearNav } from './_components/fiscal-year-nav';
import { Flag } from './_components/flag';
import { HomeLocalitiesTable } from './_components/home-localities-table';
import { HomePager } from './_components/home-pager';
import { homeHref, readHomeParams } from './_components/home-query';
import { HomeSearchForm } from './_components/home-search-form';
import { LanguageSwitch } from './_components/language-switch';
import { LocaleLink } from './_components/locale-link';
import { LocalityMap } from './_components/locality-map';
import { openPublicYearPage, publicPageMetadata, type PublicPageProps } from './_components/public-page';
import { searchString } from './_components/search-params';
import { publicReads } from '@/lib/data/public-reads';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { localizedHref } from '@/lib/i18n/routes';
import { projectedState } from '@/lib/map/state-shapes';
import { localityMapView } from '@/lib/views/locality-map-view';
import { formatInteger } from '@/lib/i18n/numbers';

const PATH = '/';

export function generateMetadata(props: PublicPageProps): Promise<Metadata> {
  return publicPageMetadata(props, PATH, 'Home');
}

/** Every locality's money in the year, and the state map. In English at /, in Spanish at /es (ADR 0016). */
export default async function HomePage(props: PublicPageProps) {
  const { db, query: params, words, locale, years, fiscalYear } = await openPublicYearPage(props);
  const t = await getTranslations('Home');
  // Links to this page's other settings, in the page's language.
  const here = (href: string) => localizedHref(locale, href);
  const year = String(fiscalYear);
  const requested = readHomeParams(params);
  const data = await publicReads.homeLocalities(db, { ...requested, fiscalYear });
  const query = { ...requested, page: data.page };
  const { all } = data;
  const map = localityMapView({
    fiscalYear,
    localities: (await publicReads.compare(db, fiscalYear, DEFAULT_FRAMEWORK_KEY)).localities,
    query: params,
    shapesOf: projectedState,
    hrefFor: (change) => here(`${homeHref(fiscalYear, query)}&${new URLSearchParams(change).toString()}#map-heading`),
    words,
  });

  const filtered = query.q !== '' || query.reported !== 'all';
  const first = (data.page - 1) * query.pageSize + 1;
  const shown =
    data.matching === 0
      ? t('shownNone')
      : data.pageCount > 1
        ? t('shownRange', {
            first: formatInteger(first, locale),
            last: formatInteger(first + data.rows.length - 1, locale),
            total: formatInteger(data.matching, locale),
          })
        : formatInteger(data.matching, locale);
  const which = [
    query.q !== '' ? t('namesContaining', { q: query.q }) : null,
    query.reported === 'no' ? t('filterNotReported') : query.reported === 'yes' ? t('filterReported') : null,
  ]
    .filter(Boolean)
    .join(', ');
  const caption = which ? t('captionFiltered', { year, which, shown }) : t('caption', { year, shown });

  return (
    <>
      <LanguageSwitch locale={locale} path={PATH} search={searchString(params)} />
      <h1>{t('heading')}</h1>
      <p className="lede">{t('lede', { year })}</p>
      <FiscalYearNav years={years} current={fiscalYear} basePath={here(PATH)} />
      {all.notReported > 0 ? (
        <p className="notice" role="note" data-testid="not-reported-notice">
          <Flag>{t('notReportedFlag')}</Flag>{' '}
          {all.notReported <= all.notReportedNames.length
            ? t('notReportedNames', { names: all.notReportedNames.join(', '), count: all.notReported, year })
            : t('notReportedCount', { shown: formatInteger(all.notReported, locale), total: formatInteger(all.localities, locale), year })}{' '}
          {query.reported !== 'no' ? (
            <Link href={here(homeHref(fiscalYear, query, { reported: 'no', q: '', page: 1 }))}>
              {t('showOnly', { count: all.notReported })}
            </Link>
          ) : null}
        </p>
      ) : null}
      <HomeSearchForm fiscalYear={fiscalYear} query={query} />
      {filtered ? (
        <p>
          <Link href={here(homeHref(fiscalYear, query, { q: '', reported: 'all', page: 1 }))}>{t('showEvery')}</Link>
        </p>
      ) : null}
      {all.localities === 0 ? (
        <p>{t('noLocalities')}</p>
      ) : (
        <HomeLocalitiesTable data={data} fiscalYear={fiscalYear} sort={query.sort} caption={caption} />
      )}
      <HomePager fiscalYear={fiscalYear} query={query} pageCount={data.pageCount} />
      {/* Only where a locality has a Census FIPS code: the demo's fictional ones have none. */}
      {map.map ? <LocalityMap view={map} /> : null}
      <p>
        {t.rich('seeAlso', {
          compare: (chunks) => (
            <LocaleLink locale={locale} href={`/compare?fy=${fiscalYear}`}>
              {chunks}
            </LocaleLink>
          ),
          categories: (chunks) => (
            <LocaleLink locale={locale} href="/categories">
              {chunks}
            </LocaleLink>
          ),
        })}
      </p>
    </>
  );
}
