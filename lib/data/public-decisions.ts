/**
 * The oversight board's decisions on a locality's lines, for the public: every approval and every return, newest
 * first, with the line's name and amount as decided, the reason, and the ROLE of who decided (never a name or an
 * e-mail address). A returned or deleted line is listed but not linked: only approved, live lines have a public page.
 */
import type { Executor } from '@/db/client';
import { countDecisions, queryDecisions, type DecidedLine, type Decision, type DecisionFilter, type DecisionRow } from './board-decisions';
import { toPublicActor, type PublicActor } from './public-actor';

export const DECISIONS_PAGE_SIZE = 50;

/** A decision as the public sees it: the line as decided, the ROLE of who decided, and whether the line is public. */
export interface PublicDecidedLine extends DecidedLine {
  decidedBy: PublicActor;
  /** True when the line is approved and not deleted now, so its public page exists. */
  linePublic: boolean;
}

/** The public's view of a decision row (the decisions page and the Atom feed). */
export function publicDecidedLine(row: DecisionRow): PublicDecidedLine {
  return {
    allocationId: row.allocationId,
    program: row.program,
    amountCents: row.amountCents,
    fiscalYear: row.fiscalYear,
    decision: row.decision,
    reason: row.reason,
    decidedBy: toPublicActor(row.who ?? 'system'),
    linePublic: row.currentStatus === 'approved',
  };
}

export interface PublicDecision extends PublicDecidedLine {
  /** Audit row id. */
  id: string;
  /** "YYYY-MM-DD", in UTC. */
  decidedOn: string;
}

export interface PublicDecisionsQuery {
  localityId: number;
  fiscalYear?: number;
  decision?: Decision;
  /** 1-based; a page past the last is the last. */
  page?: number;
  pageSize?: number;
}

export interface PublicDecisionsPage {
  rows: PublicDecision[];
  /** Decisions matching the filter, on every page. */
  total: number;
  /** Of those, approvals and returns. */
  approvals: number;
  returns: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** Fiscal years that have any decision, newest first (for the filter). */
  years: number[];
}

export async function listPublicDecisions(executor: Executor, query: PublicDecisionsQuery): Promise<PublicDecisionsPage> {
  const pageSize = Math.min(Math.max(1, Math.trunc(query.pageSize ?? DECISIONS_PAGE_SIZE)), 500);
  const counts = await countDecisions(executor, { localityId: query.localityId });
  const years = [...new Set(counts.flatMap((c) => (c.fiscalYear === null ? [] : [c.fiscalYear])))];
  const inYear = counts.filter((c) => query.fiscalYear === undefined || c.fiscalYear === query.fiscalYear);
  const approvals = inYear.filter((c) => c.decision === 'approve').reduce((sum, c) => sum + c.count, 0);
  const returns = inYear.filter((c) => c.decision === 'return').reduce((sum, c) => sum + c.count, 0);
  const total = query.decision === 'approve' ? approvals : query.decision === 'return' ? returns : approvals + returns;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pageCount);

  const filter: DecisionFilter = { localityId: query.localityId };
  if (query.fiscalYear !== undefined) filter.fiscalYear = query.fiscalYear;
  if (query.decision !== undefined) filter.decision = query.decision;
  const rows =
    total === 0
      ? []
      : await queryDecisions(executor, filter, { who: 'role', newestFirst: true, limit: pageSize, offset: (page - 1) * pageSize });
  return {
    rows: rows.map((row) => ({ id: row.id, ...publicDecidedLine(row), decidedOn: row.at.slice(0, 10) })),
    total,
    approvals,
    returns,
    page,
    pageCount,
    pageSize,
    years,
  };
}
