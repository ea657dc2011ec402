/**
 * The review page's queue: one row a submitted line — program, amount, flags, equity effect, status — searched,
 * filtered by flag, sorted and paged on the server from the URL (the staff lists' parameters: q, sort, dir, page,
 * size, and `flag`). The flags and the equity effect are computed per line in JavaScript (board-review.ts), so the
 * queue is shaped here, from the lines of one fiscal year, not in SQL. Pure: tested without a database.
 */
import type { GoalImpact, ReviewImpact, ReviewLine } from '@/lib/data/board-review';
import { parseStaffListQuery, type SearchParamsInput, type SortSpec, type StaffListQuery } from '@/lib/data/staff-list-query';
import type { FlagKind } from '@/lib/equity/flags';
import type { GoalStatus } from '@/lib/equity/types';
import { separationOfDutiesConflict } from '@/lib/services/separation-of-duties';

export const REVIEW_QUEUE_SORT: SortSpec = {
  sortable: ['program', 'amount', 'flags', 'equity', 'submittedAt'],
  defaultSort: 'submittedAt',
  defaultDesc: false,
};

export const FLAG_KIND_LABELS: Readonly<Record<FlagKind, string>> = {
  criminal_legal_recipient: 'Criminal-legal recipient',
  discouraged_use: 'Discouraged use',
  idle_money: 'Idle money',
  dominant_recipient: 'One recipient dominates',
  oversized_line: 'Oversized line',
  unclassified: 'Not yet classified',
  missing_description: 'No description',
};

/** `flag=` values besides a kind: lines with any flag, and lines with none. */
export const FLAG_FILTER_ANY = 'any';
export const FLAG_FILTER_NONE = 'none';

export interface ReviewQueueQuery extends StaffListQuery {
  /** A flag kind, 'any', 'none', or null for every line. */
  flag: string | null;
}

export function parseReviewQueueQuery(params: SearchParamsInput): ReviewQueueQuery {
  const base = parseStaffListQuery(params, REVIEW_QUEUE_SORT);
  const raw = params instanceof URLSearchParams ? params.get('flag') : (Array.isArray(params.flag) ? params.flag[0] : params.flag);
  const flag = raw === FLAG_FILTER_ANY || raw === FLAG_FILTER_NONE || (raw !== undefined && raw !== null && raw in FLAG_KIND_LABELS) ? raw : null;
  return { ...base, flag };
}

const STATUS_RANK: Readonly<Record<GoalStatus, number | null>> = { met: 3, close: 2, missed: 1, not_enough_data: null };

export interface EquityEffect {
  goals: number;
  better: number;
  worse: number;
  /** "No goals set", "No goal changes status (3 goals)", "1 goal better, 2 worse". */
  text: string;
  /** better − worse, for sorting. */
  score: number;
}

/** What approving a line does to the goals' statuses, in a few words. */
export function equityEffect(goals: readonly Pick<GoalImpact, 'before' | 'after'>[] | null | undefined): EquityEffect {
  const list = goals ?? [];
  let better = 0;
  let worse = 0;
  for (const goal of list) {
    const before = STATUS_RANK[goal.before.status];
    const after = STATUS_RANK[goal.after.status];
    if (before === null || after === null || before === after) continue;
    if (after > before) better += 1;
    else worse += 1;
  }
  const goalsWord = (n: number) => (n === 1 ? '1 goal' : `${n} goals`);
  let text: string;
  if (list.length === 0) text = 'No goals set';
  else if (better === 0 && worse === 0) text = `No goal changes status (${goalsWord(list.length)})`;
  else text = [better > 0 ? `${goalsWord(better)} better` : '', worse > 0 ? `${goalsWord(worse)} worse` : ''].filter(Boolean).join(', ');
  return { goals: list.length, better, worse, text, score: better - worse };
}

export interface QueueLine {
  line: ReviewLine;
  impact: ReviewImpact | null;
  /** The person looking created or submitted it: they may not decide it (separation of duties). */
  mine: boolean;
}

/** The loaded lines as the queue takes them, each marked when the person looking may not decide it. */
export function toQueueLines(loaded: readonly { line: ReviewLine; impact: ReviewImpact | null }[], actorUserId: number | null): QueueLine[] {
  return loaded.map(({ line, impact }) => ({
    line,
    impact,
    mine: separationOfDutiesConflict({ createdBy: line.createdById, submittedBy: line.submittedBy?.id ?? null }, actorUserId) !== null,
  }));
}

/** The flag filter's choices: any flag, no flag, then only the kinds present among the lines. */
export function flagFilterOptions(flagKinds: readonly FlagKind[]): { value: string; label: string; group?: string }[] {
  return [
    { value: FLAG_FILTER_ANY, label: 'Any flag' },
    { value: FLAG_FILTER_NONE, label: 'No flag' },
    ...flagKinds.map((kind) => ({ value: kind, label: FLAG_KIND_LABELS[kind], group: 'Only this flag' })),
  ];
}

export interface ReviewQueueRow {
  [key: string]: string | null;
  id: string;
  version: string;
  href: string;
  program: string;
  amount: string;
  flags: string | null;
  flagCount: string;
  equity: string;
  status: string;
  submittedAt: string | null;
  /** "true" when the person may decide it (select it). */
  selectable: string | null;
}

export interface ReviewQueueView {
  rows: ReviewQueueRow[];
  /** Lines after search and filter, before paging. */
  rowCount: number;
  page: number;
  /** Sum of the filtered lines' amounts, in cents. */
  totalCents: string;
  /** Flag kinds present among the lines, for the filter. */
  flagKinds: FlagKind[];
}

function flagKindsOf(impact: ReviewImpact | null): FlagKind[] {
  return [...new Set((impact?.flags ?? []).map((flag) => flag.kind))];
}

function matches(entry: QueueLine, q: string): boolean {
  if (q === '') return true;
  const needle = q.toLocaleLowerCase('en-US');
  const haystack = [entry.line.program, entry.line.description, entry.line.recipient?.name ?? '', ...entry.line.categories.map((c) => c.label)];
  return haystack.some((text) => text.toLocaleLowerCase('en-US').includes(needle));
}

function matchesFlag(kinds: FlagKind[], flag: string | null): boolean {
  if (flag === null) return true;
  if (flag === FLAG_FILTER_ANY) return kinds.length > 0;
  if (flag === FLAG_FILTER_NONE) return kinds.length === 0;
  return kinds.includes(flag as FlagKind);
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Search, flag filter, sort (ties by id, so pages never overlap) and one page of the queue. */
export function buildReviewQueue(entries: readonly QueueLine[], query: ReviewQueueQuery, base: string): ReviewQueueView {
  const shaped = entries.map((entry) => ({ entry, kinds: flagKindsOf(entry.impact), effect: equityEffect(entry.impact?.goals) }));
  const filtered = shaped.filter(({ entry, kinds }) => matches(entry, query.q) && matchesFlag(kinds, query.flag));
  const direction = query.desc ? -1 : 1;
  const sorted = [...filtered].sort((a, b) => {
    let order = 0;
    switch (query.sort) {
      case 'program':
        order = a.entry.line.program.localeCompare(b.entry.line.program, 'en-US', { sensitivity: 'base' });
        break;
      case 'amount':
        order = compareBig(a.entry.line.amountCents, b.entry.line.amountCents);
        break;
      case 'flags':
        order = (a.entry.impact?.flags.length ?? 0) - (b.entry.impact?.flags.length ?? 0);
        break;
      case 'equity':
        order = a.effect.score - b.effect.score;
        break;
      default:
        order = (a.entry.line.submittedAt ?? '\uffff').localeCompare(b.entry.line.submittedAt ?? '\uffff');
    }
    return order * direction || (a.entry.line.id - b.entry.line.id) * direction;
  });
  const pageCount = Math.max(1, Math.ceil(sorted.length / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const slice = sorted.slice((page - 1) * query.pageSize, page * query.pageSize);
  const kinds = new Set(shaped.flatMap(({ kinds: k }) => k));
  return {
    rows: slice.map(({ entry, effect }) => {
      const flags = entry.impact?.flags ?? [];
      return {
        id: String(entry.line.id),
        version: String(entry.line.version),
        href: `${base}/allocations/${entry.line.id}`,
        program: entry.line.program,
        amount: entry.line.amountCents.toString(),
        flags: flags.length === 0 ? null : [...new Set(flags.map((flag) => FLAG_KIND_LABELS[flag.kind]))].join('; '),
        flagCount: String(flags.length),
        equity: effect.text,
        status: 'submitted',
        submittedAt: entry.line.submittedAt,
        selectable: entry.mine ? null : 'true',
      };
    }),
    rowCount: sorted.length,
    page,
    totalCents: filtered.reduce((sum, { entry }) => sum + entry.line.amountCents, 0n).toString(),
    flagKinds: (Object.keys(FLAG_KIND_LABELS) as FlagKind[]).filter((kind) => kinds.has(kind)),
  };
}
