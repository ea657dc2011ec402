/**
 * The public decisions page, shaped for display: which filters the URL asks for, the table's rows in words, and the
 * links that keep the filters. Pure: the page fetches (lib/data/public-decisions.ts) and renders.
 */
import type { SearchParams } from '@/app/_components/search-params';
import { param } from '@/app/_components/search-params';
import type { Decision } from '@/lib/data/board-decisions';
import type { PublicDecisionsPage } from '@/lib/data/public-decisions';
import type { Locale } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';
import { localizedHref } from '@/lib/i18n/routes';
import { formatCents } from '@/lib/money';

export interface DecisionsFilter {
  fiscalYear?: number;
  decision?: Decision;
  page: number;
}

/** Filters from the URL; anything unknown is ignored, so a stale or mistyped link still shows every decision. */
export function parseDecisionsQuery(query: SearchParams): DecisionsFilter {
  const filter: DecisionsFilter = { page: 1 };
  const fy = param(query, 'fy', 10);
  if (/^\d{4}$/.test(fy)) filter.fiscalYear = Number(fy);
  const decision = param(query, 'decision', 10);
  if (decision === 'approve' || decision === 'return') filter.decision = decision;
  const page = param(query, 'page', 10);
  if (/^\d{1,6}$/.test(page) && Number(page) > 0) filter.page = Number(page);
  return filter;
}

/**
 * The page's address with these filters; the defaults (every year, both decisions, page 1) are left out. English;
 * a Spanish page passes it through localizedHref.
 */
export function decisionsHref(slug: string, filter: DecisionsFilter): string {
  const params = new URLSearchParams();
  if (filter.fiscalYear !== undefined) params.set('fy', String(filter.fiscalYear));
  if (filter.decision !== undefined) params.set('decision', filter.decision);
  if (filter.page > 1) params.set('page', String(filter.page));
  const search = params.toString();
  return `/l/${slug}/decisions${search ? `?${search}` : ''}`;
}

export interface DecisionRowView {
  id: string;
  date: string;
  program: string;
  /** The line's public page; null when the line is not public (returned, under review again, deleted). */
  href: string | null;
  fiscalYear: string;
  amountCents: string;
  amount: string;
  /** "Approved" or "Returned", in the reader's language. */
  decision: string;
  decisionKey: Decision;
  decidedBy: string;
  reason: string | null;
}

export function decisionRows(slug: string, page: PublicDecisionsPage, { t, locale }: ViewWords): DecisionRowView[] {
  return page.rows.map((d) => ({
    id: d.id,
    date: d.decidedOn,
    program: d.program,
    href: d.linePublic ? localizedHref(locale, `/l/${slug}/lines/${d.allocationId}`) : null,
    fiscalYear: d.fiscalYear === null ? '—' : t('Decisions.year', { year: String(d.fiscalYear) }),
    amountCents: d.amountCents.toString(),
    amount: formatCents(d.amountCents, { locale }),
    decision: t(d.decision === 'approve' ? 'Decisions.approved' : 'Decisions.returned'),
    decisionKey: d.decision,
    decidedBy: t(`PublicActor.${d.decidedBy}`),
    reason: d.reason,
  }));
}

/** "2 approvals and 1 return on FY2026 lines. Showing all, newest first." (Decisions.summary… messages). */
export function decisionsSummary(page: PublicDecisionsPage, filter: DecisionsFilter, { t }: ViewWords): string {
  const year = filter.fiscalYear === undefined ? undefined : String(filter.fiscalYear);
  if (page.approvals + page.returns === 0) {
    return year === undefined ? t('Decisions.summaryNoneEver') : t('Decisions.summaryNoneInYear', { year });
  }
  const counts = { approvals: page.approvals, returns: page.returns };
  const kinds = year === undefined ? t('Decisions.summaryKinds', counts) : t('Decisions.summaryKindsYear', { ...counts, year });
  if (page.total === 0) return `${kinds} ${t('Decisions.summaryNoneMatches')}`;
  const kind = filter.decision ?? 'all';
  if (page.pageCount === 1) return `${kinds} ${t('Decisions.summaryShowingAll', { kind })}`;
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  return `${kinds} ${t('Decisions.summaryShowingRange', { kind, first, last, total: page.total })}`;
}

/** The years the filter offers: a year asked for that has no decision stays selectable, so the form shows what the table shows. */
export function decisionYears(filter: DecisionsFilter, years: number[]): number[] {
  return filter.fiscalYear !== undefined && !years.includes(filter.fiscalYear) ? [...years, filter.fiscalYear] : years;
}

/** The pager's previous and next links, keeping the filters, in the reader's language; null at either end. */
export function decisionsPagerHrefs(
  slug: string,
  filter: DecisionsFilter,
  page: Pick<PublicDecisionsPage, 'page' | 'pageCount'>,
  locale: Locale,
): { previous: string | null; next: string | null } {
  const at = (n: number) => localizedHref(locale, decisionsHref(slug, { ...filter, page: n }));
  return {
    previous: page.page > 1 ? at(page.page - 1) : null,
    next: page.page < page.pageCount ? at(page.page + 1) : null,
  };
}
