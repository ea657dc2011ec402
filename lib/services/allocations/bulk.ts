/**
 * Work in bulk: submit many draft (or returned) lines for review at once, and approve or return many submitted lines
 * at once. Each request is all or nothing — one transaction; the first line refused rolls every line back — and each
 * line goes through the same rule as the single verbs (`submitInTransaction`, `decideInTransaction`), so the
 * status moves, the optimistic lock, separation of duties and the one audit row per line are exactly theirs. A
 * refusal names the line (its program) and says why.
 */
import { z } from 'zod';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { readAllocationSnapshot } from '@/lib/data/staff-snapshots';
import { AppError, Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { parseDecision, type Decision } from '../decision';
import { idField, reasonField, versionField } from '../input-fields';
import { decideInTransaction, submitInTransaction } from './change-status';
import { withTransaction, type ServiceContext, type ServiceTransaction } from '../context';

/** The most lines one request may carry: a page of the review queue, with room to spare. */
export const MAX_BULK_LINES = 200;

const lineRef = z.object({
  id: idField('A selected line has no id; reload the page.'),
  version: versionField,
  /** Bulk decisions only: this line's own reason, used instead of the one for all when given. */
  reason: reasonField(null).optional(),
});

const linesField = z
  .array(lineRef, { error: 'Select at least one line.' })
  .min(1, { error: 'Select at least one line.' })
  .max(MAX_BULK_LINES, { error: `Select at most ${MAX_BULK_LINES} lines at a time.` })
  .refine((lines) => new Set(lines.map((line) => line.id)).size === lines.length, { error: 'A line is selected twice; reload the page.' });

const localityField = idField('The form does not say which locality this is for; reload the page.');

const bulkSubmitInput = z.object({ localityId: localityField, lines: linesField });

const bulkDecideInput = z.object({
  localityId: localityField,
  decision: z.enum(['approve', 'return'], { error: 'Choose approve or return.' }),
  /** The reason for every line that has none of its own. */
  reason: reasonField(null),
  lines: linesField,
});

export interface BulkResult {
  /** How many lines changed (all of them: a bulk action is all or nothing). */
  count: number;
  lines: { id: number; program: string; version: number; status: string }[];
}

/** The same kind of error, its message prefixed with the line it is about. */
function aboutLine(error: unknown, program: string): unknown {
  if (!(error instanceof AppError)) return error;
  const message = `“${program}”: ${error.message}`;
  if (error instanceof Invalid) {
    const fields = Object.fromEntries(Object.entries(error.fieldErrors).map(([key, messages]) => [key, messages.map((m) => `“${program}”: ${m}`)]));
    return new Invalid(message, fields);
  }
  if (error instanceof Conflict) return new Conflict(message, error.current);
  if (error instanceof Forbidden) return new Forbidden(message);
  return error;
}

/**
 * Runs `change` on every line in one transaction. A line that is not there, or not in this locality, is "not
 * found" by its number (it may be another locality's: its name is not told).
 */
async function eachLine(
  ctx: ServiceContext<unknown>,
  localityId: number,
  lines: { id: number; version: number; reason?: string }[],
  change: (tx: ServiceTransaction, line: { id: number; version: number; reason?: string }, program: string) => Promise<{ version: number; status: string }>,
): Promise<BulkResult> {
  return withTransaction(ctx, async ({ db: tx }) => {
    const done: BulkResult['lines'] = [];
    for (const [index, line] of lines.entries()) {
      const snapshot = await readAllocationSnapshot(tx, line.id);
      if (!snapshot || snapshot.deletedAt || snapshot.localityId !== localityId) throw new NotFound(`Selected line ${index + 1} (no. ${line.id})`);
      try {
        const result = await change(tx, line, snapshot.program);
        done.push({ id: line.id, program: snapshot.program, version: result.version, status: result.status });
      } catch (error) {
        throw aboutLine(error, snapshot.program);
      }
    }
    return { count: done.length, lines: done };
  });
}

/** Submits every selected draft or returned line for review, or none. */
export async function submitAllocations(ctx: ServiceContext<Actor | null>, input: unknown): Promise<BulkResult> {
  const { actor } = ctx;
  const { localityId, lines } = parseInput(bulkSubmitInput, input);
  requireScope(actor, 'allocation.submit', localityId);
  return eachLine(ctx, localityId, lines, (tx, line) => submitInTransaction(tx, actor, line));
}

/**
 * Approves or returns every selected submitted line, or none. A line's own reason wins over the reason for all; a
 * return needs one or the other for every line (`parseDecision`, the same rule as a single decision).
 */
export async function decideAllocations(ctx: ServiceContext<Actor | null>, input: unknown): Promise<BulkResult> {
  const { actor } = ctx;
  const parsed = parseInput(bulkDecideInput, input);
  requireScope(actor, 'allocation.decide', parsed.localityId);
  return eachLine(ctx, parsed.localityId, parsed.lines, (tx, line) => {
    const decision: Decision = parseDecision({ decision: parsed.decision, reason: line.reason || parsed.reason });
    return decideInTransaction(tx, actor, line, decision);
  });
}
