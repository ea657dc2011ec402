/**
 * The public decisions page, shaped for display: which filters the URL asks for, the table's rows in words, and the
 * links that keep the filters. Pure: the page fetches (lib/data/public-decisions.ts) and renders.
 */
import type { SearchParams } from '@/app/_components/search-params';
import { param } from '@/app/_components/search-params';
import type { Decision } from '@/lib/data/board-decisions';
import { PUBLIC_ACTOR_LABEL } from '@/lib/data/public-actor';
import type { PublicDecisionsPage } from '@/lib/data/public-decisions';
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

/** The page's address with these filters; the defaults (every year, both decisions, page 1) are left out. */
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
  decision: 'Approved' | 'Returned';
  decisionKey: Decision;
  decidedBy: string;
  reason: string | null;
}

export const NO_REASON_TEXT = 'No reason given';

export function decisionRows(slug: string, page: PublicDecisionsPage): DecisionRowView[] {
  return page.rows.map((d) => ({
    id: d.id,
    date: d.decidedOn,
    program: d.program,
    href: d.linePublic ? `/l/${slug}/lines/${d.allocationId}` : null,
    fiscalYear: d.fiscalYear === null ? '—' : `FY${d.fiscalYear}`,
    amountCents: d.amountCents.toString(),
    amount: formatCents(d.amountCents),
    decision: d.decision === 'approve' ? 'Approved' : 'Returned',
    decisionKey: d.decision,
    decidedBy: PUBLIC_ACTOR_LABEL[d.decidedBy],
    reason: d.reason,
  }));
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "3 decisions in FY2026: 2 approvals and 1 return. Showing 1–3." */
export function decisionsSummary(page: PublicDecisionsPage, filter: DecisionsFilter): string {
  const where = filter.fiscalYear === undefined ? '' : ` on FY${filter.fiscalYear} lines`;
  if (page.approvals + page.returns === 0) {
    return filter.fiscalYear === undefined
      ? 'The board has not approved or returned any line yet.'
      : `The board has not approved or returned any FY${filter.fiscalYear} line.`;
  }
  const kinds = `${plural(page.approvals, 'approval', 'approvals')} and ${plural(page.returns, 'return', 'returns')}${where}.`;
  if (page.total === 0) return `${kinds} None matches the filter.`;
  const shown = filter.decision === 'approve' ? 'approvals' : filter.decision === 'return' ? 'returns' : 'decisions';
  if (page.pageCount === 1) return `${kinds} Showing ${filter.decision === undefined ? 'all' : `the ${shown}`}, newest first.`;
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  return `${kinds} Showing ${shown} ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')}, newest first.`;
}
