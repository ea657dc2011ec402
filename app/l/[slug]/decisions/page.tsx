import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { viewWords } from '@/app/_lib/page-locale';
import { publicReads } from '@/lib/data/public-reads';
import { localizedHref } from '@/lib/i18n/routes';
import type { LocalityPageProps } from '../_lib/load-locality';
import { localitySubpageMetadata } from '../_sections/locality-metadata';
import { LocalitySubpage, openLocalitySubpage } from '../_sections/locality-subpage';
import { DecisionsFilterForm } from './decisions-filter-form';
import { DecisionsPager } from './decisions-pager';
import { DecisionsTable } from './decisions-table';
import { decisionRows, decisionYears, decisionsHref, decisionsPagerHrefs, decisionsSummary, parseDecisionsQuery } from './decisions-view';

export function generateMetadata(props: LocalityPageProps): Promise<Metadata> {
  return localitySubpageMetadata(props, 'Decisions', 'decisions');
}

/**
 * Every approval and return by the locality's oversight board, from the audit log, newest first: the line and its
 * amount as decided, the reason, and who decided by role only. Rendered on the server with plain links and a GET
 * form, so it reads and filters without JavaScript.
 */
export default async function DecisionsPage(props: LocalityPageProps) {
  const page = await openLocalitySubpage(props, 'decisions');
  const { db, locality, query } = page;
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
    <LocalitySubpage page={page} reportHref={`/l/${locality.slug}`} title={t('title')} heading={t('heading', { locality: locality.name })}>
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
    </LocalitySubpage>
  );
}
