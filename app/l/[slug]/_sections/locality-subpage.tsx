// A server component and its loaders: the frame of a locality's sub-page (/l/{slug}/equity, /outcomes, /decisions,
// /money-in) in the page's language, and the choice of the year a page shows, with the page that says a year has
// nothing counted.
import type { ReactElement, ReactNode } from 'react';
import { DemoBadge } from '@/app/_components/demo-badge';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { LocaleLink } from '@/app/_components/locale-link';
import { searchString, type SearchParams } from '@/app/_components/search-params';
import { pageLocale } from '@/app/_lib/page-locale';
import { publicReads } from '@/lib/data/public-reads';
import { chooseLocalityFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/routes';
import { loadLocality, type LocalityPageProps } from '../_lib/load-locality';
import { NotReported } from './not-reported';

/** A sub-page's request: the database, the locality, the query, the page's language and its English path. */
export async function openLocalitySubpage(props: LocalityPageProps, page: string) {
  const { db, locality } = await loadLocality(props.params);
  const [query, locale] = await Promise.all([props.searchParams, pageLocale()]);
  return { db, locality, query, locale, path: `/l/${locality.slug}/${page}` };
}

type Subpage = Awaited<ReturnType<typeof openLocalitySubpage>>;

/**
 * A sub-page that shows one year (`?fy=`): the years with counted data, the year shown and the page's address in the
 * reader's language (where the year links lead); or, for a year with nothing counted, the page that says so.
 */
export async function openLocalityYearPage(
  props: LocalityPageProps,
  page: string,
): Promise<(Subpage & { kind: 'shown'; years: number[]; fiscalYear: number; basePath: string }) | { kind: 'not-reported'; element: ReactElement }> {
  const subpage = await openLocalitySubpage(props, page);
  const years = await publicReads.fiscalYears(subpage.db, subpage.locality.id);
  const shown = chooseShownYear({ ...subpage, years });
  return shown.kind === 'shown' ? { ...subpage, ...shown, years } : shown;
}

/**
 * The year the locality page or a sub-page at `path` (English) shows; or, for a year with nothing counted, the page
 * that says so, with the language switch above it.
 */
export function chooseShownYear({
  locality,
  locale,
  path,
  query,
  years,
}: Pick<Subpage, 'locality' | 'locale' | 'path' | 'query'> & { years: number[] }):
  | { kind: 'shown'; fiscalYear: number; basePath: string }
  | { kind: 'not-reported'; element: ReactElement } {
  const basePath = localizedHref(locale, path);
  const choice = chooseLocalityFiscalYear(query.fy, years, locality.fyStartMonth);
  if (choice.kind === 'shown') return { kind: 'shown', fiscalYear: choice.fiscalYear, basePath };
  return {
    kind: 'not-reported',
    element: (
      <>
        <LanguageSwitch locale={locale} path={path} search={searchString(query)} />
        <NotReported locality={locality} fiscalYear={choice.fiscalYear} years={years} basePath={basePath} />
      </>
    ),
  };
}

/**
 * The sub-page: the language switch, the breadcrumb back to the locality's report (`reportHref`) with the page's
 * `title`, its <h1> `heading`, then the page itself.
 */
export function LocalitySubpage({
  page: { locality, locale, path, query },
  reportHref,
  title,
  heading,
  children,
}: {
  page: { locality: { name: string; isDemo: boolean }; locale: Locale; path: string; query: SearchParams };
  reportHref: string;
  title: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <div className="locality-page">
      <LanguageSwitch locale={locale} path={path} search={searchString(query)} />
      <p className="breadcrumbs">
        <LocaleLink locale={locale} href={reportHref}>
          {locality.name}
        </LocaleLink>{' '}
        / <span>{title}</span> {locality.isDemo ? <DemoBadge /> : null}
      </p>
      <h1>{heading}</h1>
      {children}
    </div>
  );
}
