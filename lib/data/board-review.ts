/**
 * The oversight board's review page: the lines submitted for a fiscal year, and for each, what approving it would do
 * — how every goal's actual would move (the equity measures computed as if the line were approved) and the flags it
 * would raise. Only reads; the decision itself is `decideAllocation`.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { computeEquityGoals } from '@/lib/equity/evaluate-goal';
import { computeFlags, type EquityFlag } from '@/lib/equity/flags';
import type { ActualUnit, EquityComparator, GoalResult, GoalStatus } from '@/lib/equity/types';
import { changeSentence, directionOf, goalTitle, type Direction, type SubjectLabels } from './board-words';
import { queryRows, toCents } from './rows';
import { namedRecipient, RECIPIENT_COLUMNS, type NamedRecipient } from './line-refs';

export interface ReviewLine {
  id: number;
  version: number;
  fiscalYear: number;
  program: string;
  description: string;
  amountCents: bigint;
  recipient: NamedRecipient | null;
  categories: { label: string; group: string; frameworkName: string; shareBasisPoints: number }[];
  submittedBy: { id: number; name: string } | null;
  /** Who created the line (separation of duties: they may not decide it either). */
  createdById: number | null;
  /** "YYYY-MM-DD HH:MM UTC" */
  submittedAt: string | null;
}

/** Fiscal years with lines waiting for the board, newest first, with how many. */
export async function listReviewYears(executor: Executor, localityId: number): Promise<{ fiscalYear: number; submitted: number }[]> {
  return queryRows<{ fiscalYear: number; submitted: number }>(
    executor,
    sql`select fiscal_year::int as "fiscalYear", count(*)::int as submitted from allocations
        where locality_id = ${localityId} and status = 'submitted' and deleted_at is null
        group by fiscal_year order by fiscal_year desc`,
  );
}

/** The submitted (not deleted) lines of a locality's fiscal year, oldest submission first. */
export async function listSubmittedLines(executor: Executor, localityId: number, fiscalYear: number): Promise<ReviewLine[]> {
  const rows = await queryRows<{
    id: number;
    version: number;
    fiscalYear: number;
    program: string;
    description: string;
    amount: string;
    recipientName: string | null;
    recipientType: string | null;
    recipientLived: boolean | null;
    submittedById: number | null;
    submittedByName: string | null;
    createdById: number | null;
    submittedAt: string | null;
  }>(
    executor,
    sql`select a.id, a.version, a.fiscal_year::int as "fiscalYear", a.program, a.description, a.amount_cents::text as amount,
          ${RECIPIENT_COLUMNS},
          a.submitted_by as "submittedById", a.created_by as "createdById", coalesce(nullif(u.name, ''), u.email) as "submittedByName",
          to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') as "submittedAt"
        from allocations a
        left join recipients r on r.id = a.recipient_id
        left join users u on u.id = a.submitted_by
        where a.locality_id = ${localityId} and a.fiscal_year = ${fiscalYear} and a.status = 'submitted' and a.deleted_at is null
        order by a.submitted_at nulls last, a.id`,
  );
  if (rows.length === 0) return [];
  const splits = await queryRows<{ allocationId: number; label: string; group: string; frameworkName: string; bp: number }>(
    executor,
    sql`select s.allocation_id as "allocationId", c.label, c.group_label as "group", fw.name as "frameworkName", s.share_bp as bp
        from allocation_splits s
        join categories c on c.id = s.category_id
        join frameworks fw on fw.id = c.framework_id
        where s.allocation_id in (${sql.join(
          rows.map((row) => sql`${row.id}`),
          sql`, `,
        )})
        order by s.share_bp desc, s.category_id`,
  );
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    fiscalYear: row.fiscalYear,
    program: row.program,
    description: row.description,
    amountCents: toCents(row.amount),
    recipient: namedRecipient(row),
    categories: splits
      .filter((split) => split.allocationId === row.id)
      .map((split) => ({ label: split.label, group: split.group, frameworkName: split.frameworkName, shareBasisPoints: Number(split.bp) })),
    submittedBy: row.submittedById === null ? null : { id: row.submittedById, name: row.submittedByName ?? '' },
    createdById: row.createdById,
    submittedAt: row.submittedAt,
  }));
}

/** How one goal's actual would move if the line were approved. Values are exact decimal strings in `unit`. */
export interface GoalImpact {
  goalId: number;
  title: string;
  unit: ActualUnit;
  comparator: EquityComparator;
  target: string;
  before: { actual: string | null; status: GoalStatus };
  after: { actual: string | null; status: GoalStatus };
  direction: Direction;
  /** "Criminal-legal share of allocated money would rise from 1.50% to 9.83% (missed (red) → …)." */
  sentence: string;
  /** What is missing after approval, when the goal still cannot be computed. */
  missing: string[];
}

export interface ReviewImpact {
  goals: GoalImpact[];
  /** Flags about this line, or that approving it would raise; high severity first. */
  flags: EquityFlag[];
}

export interface ReviewBaseline {
  goals: GoalResult[];
  flags: EquityFlag[];
}

/** The goals and flags as they stand (approved lines only), computed once per page for every line's comparison. */
export async function computeReviewBaseline(executor: Executor, localityId: number, fiscalYear: number): Promise<ReviewBaseline> {
  const goals = await computeEquityGoals(executor, localityId, fiscalYear);
  const flags = await computeFlags(executor, localityId, fiscalYear);
  return { goals, flags };
}

/** What a flag is about (not its figures, which move when a line is added): new flags are new subjects. */
function flagKey(flag: EquityFlag): string {
  return `${flag.kind}|${flag.allocationId ?? ''}|${flag.recipientId ?? ''}|${flag.categoryKey ?? ''}`;
}

/**
 * Each goal now against the same goal with the line counted as approved, and the flags that concern the line: every
 * flag naming it, and every flag that appears only because of it (a recipient pushed over the board's limit).
 */
export async function computeReviewImpact(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  allocationId: number,
  baseline: ReviewBaseline,
  labels: SubjectLabels = {},
): Promise<ReviewImpact> {
  const after = await computeEquityGoals(executor, localityId, fiscalYear, { includeAllocationId: allocationId });
  const afterFlags = await computeFlags(executor, localityId, fiscalYear, { includeAllocationId: allocationId });
  const beforeById = new Map(baseline.goals.map((goal) => [goal.goal.id, goal]));
  const goals = after.map((result): GoalImpact => {
    const before = beforeById.get(result.goal.id);
    const title = goalTitle(result.goal, labels);
    const was = { actual: before?.actual ?? null, status: before?.status ?? 'not_enough_data' };
    const will = { actual: result.actual, status: result.status };
    return {
      goalId: result.goal.id,
      title,
      unit: result.actualUnit,
      comparator: result.goal.comparator,
      target: result.target,
      before: was,
      after: will,
      direction: directionOf(was.actual, will.actual, result.actualUnit),
      sentence: changeSentence(title, result.actualUnit, was, will),
      missing: result.missing,
    };
  });
  const existing = new Set(baseline.flags.map(flagKey));
  const flags = afterFlags.filter((flag) => flag.allocationId === allocationId || !existing.has(flagKey(flag)));
  return { goals, flags };
}

/**
 * The review page's lines of one fiscal year, each with what approving it would do. The baseline is computed once,
 * and only when a line waits; each line's impact is then computed one after the other on the same connection.
 */
export async function loadReviewLines(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
): Promise<{ line: ReviewLine; impact: ReviewImpact | null }[]> {
  const lines = await listSubmittedLines(executor, localityId, fiscalYear);
  const labels = await loadSubjectLabels(executor, localityId);
  const baseline = lines.length > 0 ? await computeReviewBaseline(executor, localityId, fiscalYear) : null;
  const loaded: { line: ReviewLine; impact: ReviewImpact | null }[] = [];
  for (const line of lines) {
    loaded.push({ line, impact: baseline ? await computeReviewImpact(executor, localityId, fiscalYear, line.id, baseline, labels) : null });
  }
  return loaded;
}

/** Category keys and race/ethnicity group keys of a locality, with their names, for goal titles. */
export async function loadSubjectLabels(executor: Executor, localityId: number): Promise<Required<SubjectLabels>> {
  const categoryRows = await queryRows<{ key: string; label: string }>(
    executor,
    sql`select c.key, c.label from categories c join frameworks f on f.id = c.framework_id
        where f.key = 'health-first' or f.locality_id = ${localityId}
        order by (f.key = 'health-first') asc, c.sort_order`,
  );
  const groupRows = await queryRows<{ key: string; label: string }>(
    executor,
    sql`select distinct on (group_key) group_key as key, group_label as label from context_breakdowns
        where locality_id = ${localityId} and dimension = 'race_ethnicity'
        order by group_key, fiscal_year desc`,
  );
  // Health-first names last, so they win over a locality's own framework that reuses a key.
  const categories: Record<string, string> = {};
  for (const row of categoryRows) categories[row.key] = row.label;
  const raceGroups: Record<string, string> = {};
  for (const row of groupRows) raceGroups[row.key] = row.label;
  return { categories, raceGroups };
}
