import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { DemoBadge } from '@/app/_components/demo-badge';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { LocaleLink } from '@/app/_components/locale-link';
import { searchString, type SearchParams } from '@/app/_components/search-params';
import { languageMetadata, viewWords } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { localizedHref } from '@/lib/i18n/routes';
import { decisionRows, decisionsHref, decisionsSummary, parseDecisionsQuery } from './decisions-view';

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: PageProps): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const [locality, t, tLocality] = await Promise.all([
    publicReads.locality(await getDb(), slug),
    getTranslations('Decisions'),
    getTranslations('LocalityPages'),
  ]);
  if (!locality) return { title: tLocality('notFound') };
  return { title: t('metaTitle', { locality: locality.name }), ...languageMetadata(`/l/${locality.slug}/decisions`, searchString(await searchParams)) };
}

/** Column ids and their header messages (Decisions namespace). */
const COLUMNS = [
  { id: 'date', message: 'columnDate' },
  { id: 'program', message: 'columnLine' },
  { id: 'fiscal-year', message: 'columnFiscalYear' },
  { id: 'amount', message: 'columnAmount', money: true },
  { id: 'decision', message: 'columnDecision' },
  { id: 'decided-by', message: 'columnDecidedBy' },
  { id: 'reason', message: 'columnReason' },
] as const;

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
  const label = (id: (typeof COLUMNS)[number]['id']) => t(COLUMNS.find((c) => c.id === id)!.message);
  const href = (filter: Parameters<typeof decisionsHref>[1]) => localizedHref(locale, decisionsHref(locality.slug, filter));
  const result = await publicReads.decisions(db, {
    localityId: locality.id,
    ...(filter.fiscalYear === undefined ? {} : { fiscalYear: filter.fiscalYear }),
    ...(filter.decision === undefined ? {} : { decision: filter.decision }),
    page: filter.page,
  });
  const rows = decisionRows(locality.slug, result, words);
  const shown = { ...filter, page: result.page };
  const filtered = filter.fiscalYear !== undefined || filter.decision !== undefined;
  // A year asked for that has no decision stays selectable, so the form shows what the table shows.
  const years = filter.fiscalYear !== undefined && !result.years.includes(filter.fiscalYear) ? [...result.years, filter.fiscalYear] : result.years;
  const caption = filter.fiscalYear === undefined ? t('caption') : t('captionYear', { year: String(filter.fiscalYear) });

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

      <form className="lines-filter no-print" method="get" action={href({ page: 1 })} role="search" aria-label={t('filterLabel')}>
        <div className="field">
          <label htmlFor="decisions-fy">{t('fiscalYear')}</label>
          <select id="decisions-fy" name="fy" defaultValue={filter.fiscalYear === undefined ? '' : String(filter.fiscalYear)}>
            <option value="">{t('allYears')}</option>
            {years.map((fy) => (
              <option key={fy} value={String(fy)}>
                {t('year', { year: String(fy) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="decisions-decision">{t('decision')}</label>
          <select id="decisions-decision" name="decision" defaultValue={filter.decision ?? ''}>
            <option value="">{t('approvalsAndReturns')}</option>
            <option value="approve">{t('approvals')}</option>
            <option value="return">{t('returns')}</option>
          </select>
        </div>
        <div className="lines-filter__actions">
          <button type="submit" className="button button--secondary">
            {t('submit')}
          </button>
          {filtered ? (
            <Link href={href({ page: 1 })} className="lines-filter__clear">
              {t('clear')}
            </Link>
          ) : null}
        </div>
      </form>

      <p className="lines-count" data-testid="decisions-count">
        {decisionsSummary(result, filter, words)}
      </p>

      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        {/* Explicit table roles: on phones the rows are laid out as cards (display: block). */}
        <table role="table" className="data-table decisions-table" data-testid="decisions-table">
          <caption>{caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {COLUMNS.map((column) => (
                <th key={column.id} role="columnheader" scope="col" className={'money' in column ? 'th--end' : undefined}>
                  {t(column.message)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.length === 0 ? (
              <tr role="row">
                <td role="cell" colSpan={COLUMNS.length} className="table-empty">
                  {filtered ? t('emptyFiltered') : t('emptyNone')}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr role="row" key={row.id} data-decision={row.decisionKey}>
                  <td role="cell" data-column="date" data-label={label('date')} className="cell--date">
                    {row.date}
                  </td>
                  <td role="cell" data-column="program" data-label={label('program')} className="cell--program">
                    {row.href ? (
                      <LocaleLink locale={locale} href={row.href}>
                        {row.program}
                      </LocaleLink>
                    ) : (
                      row.program
                    )}
                  </td>
                  <td role="cell" data-column="fiscal-year" data-label={label('fiscal-year')}>
                    {row.fiscalYear}
                  </td>
                  <td role="cell" data-column="amount" data-label={label('amount')} className="cell--money" data-cents={row.amountCents}>
                    {row.amount}
                  </td>
                  <td role="cell" data-column="decision" data-label={label('decision')}>
                    <span className={`status status--${row.decisionKey === 'approve' ? 'ok' : 'warn'}`}>
                      <span className="status__icon" aria-hidden="true">
                        {row.decisionKey === 'approve' ? '✓' : '⚠'}
                      </span>{' '}
                      {row.decision}
                    </span>
                  </td>
                  <td role="cell" data-column="decided-by" data-label={label('decided-by')}>
                    {row.decidedBy}
                  </td>
                  <td role="cell" data-column="reason" data-label={label('reason')} className={row.reason ? 'cell--reason' : 'cell--reason cell--empty'}>
                    {row.reason ?? t('noReason')}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      {result.pageCount > 1 ? (
        <nav className="pagination no-print" aria-label={t('pagerLabel')} data-testid="decisions-pager">
          {result.page > 1 ? (
            <Link href={href({ ...shown, page: result.page - 1 })} rel="prev">
              ← {t('previous')}
              <span className="visually-hidden">{t('previousHidden')}</span>
            </Link>
          ) : (
            <span className="muted" aria-disabled="true">
              ← {t('previous')}
            </span>
          )}
          <span aria-current="page">{t('pageOf', { page: result.page, count: result.pageCount })}</span>
          {result.page < result.pageCount ? (
            <Link href={href({ ...shown, page: result.page + 1 })} rel="next">
              {t('next')}
              <span className="visually-hidden">{t('nextHidden')}</span> →
            </Link>
          ) : (
            <span className="muted" aria-disabled="true">
              {t('next')} →
            </span>
          )}
        </nav>
      ) : null}

      <p>{t('closing')}</p>
    </div>
  );
}
