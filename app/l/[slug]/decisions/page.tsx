import type { Metadata } from 'next';
import { localitySubpageMetadata } from '../_sections/locality-metadata';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { DemoBadge } from '@/app/_components/demo-badge';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { LocaleLink } from '@/app/_components/locale-link';
import { searchString, type SearchParams } from '@/app/_components/search-params';
import { viewWords } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { localizedHref } from '@/lib/i18n/routes';
import { DecisionsFilterForm } from './decisions-filter-form';
import { DecisionsPager } from './decisions-pager';
import { DecisionsTable } from './decisions-table';
import { decisionRows, decisionYears, decisionsHref, decisionsPagerHrefs, decisionsSummary, parseDecisionsQuery } from './decisions-view';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export function generateMetadata(props: PageProps): Promise<Metadata> {
  return localitySubpageMetadata(props, 'Decisions', 'decisions');
}

/**
 * Every approval and return by the locality's oversight board, from the audit log, newest first: the line and its
 * amount as decided, the reason, and who decided by role only. Rendered on the server with plain links and a GET
 * form, so it reads and filters without JavaScript.
 */
export default async function DecisionsPage({ params, searchParams }: PageProps) {
  await connection();
  const db = await getDb();
  const locality = await publicReads.locality(db, (await params).slug);
  if (!locality) notFound();
  const query = await searchParams;
  const filter = parseDecisionsQuery(query);
  const words = await viewWords();
  const { locale } = words;
  const t = await getTranslations('Decisions');
  const result = await publicReads.decisions(db, {
    localityId: locality.id,
    ...(filter.fiscalYear === undefined ? {} : { fiscalYear: filter.fiscalYear }),
    ...(filter.decision === undefined ? {} : { decision: filter.decision }),
    page: filter.page,
  });
  const filtered = filter.fiscalYear !== undefined || filter.decision !== undefined;
  const caption = filter.fiscalYear === undefined ? t('caption') : t('captionYear', { year: String(filter.fiscalYear) });
  const pager = decisionsPagerHrefs(locality.slug, filter, result, locale);

  return (
    <div className="locality-page">
      <LanguageSwitch locale={locale} path={`/l/${locality.slug}/decisions`} search={searchString(query)} />
      <p className="breadcrumbs">
        <LocaleLink locale={locale} href={`/l/${locality.slug}`}>
          {locality.name}
        </LocaleLink>{' '}
        / <span>{t('title')}</span> {locality.isDemo ? <DemoBadge /> : null}
      </p>
      <h1>{t('heading', { locality: locality.name })}</h1>
      <p className="lede">{t('lede')}</p>

      <DecisionsFilterForm
        action={localizedHref(locale, decisionsHref(locality.slug, { page: 1 }))}
        filter={filter}
        years={decisionYears(filter, result.years)}
        filtered={filtered}
      />

      <p className="lines-count" data-testid="decisions-count">
        {decisionsSummary(result, filter, words)}
      </p>

      <DecisionsTable rows={decisionRows(locality.slug, result, words)} caption={caption} filtered={filtered} locale={locale} />

      <DecisionsPager page={result.page} pageCount={result.pageCount} previous={pager.previous} next={pager.next} />

      <p>{t('closing')}</p>
    </div>
  );
}
