import type { AllocationStatus, LineIdentity } from '@/lib/import';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { costTypeLabel, type CostType } from '../cost-type';
import type { ImportAuthority } from './actor';
import { separationOfDutiesConflict } from '../separation-of-duties';
import { EDITABLE_STATUSES } from '../allocations/conflict';
import { shortenText } from '@/lib/text/shorten';

/**
 * What a re-import changes on a line that is already stored, and whether the importer may make that change.
 *
 * The status rules are the web actions' rules (lib/services/allocations/submit.ts, decide.ts,
 * lib/services/allocations/return-to-draft.ts, lib/services/allocations/update.ts), applied to the row as a whole:
 * - amount, categories, description, source and years change only on a draft or returned line; a submitted or
 *   approved line is returned to draft first (in Abate, or by an import that changes only its status);
 * - a line moves only along the app's steps: draft or returned → submitted → approved or returned, and
 *   submitted or approved → draft;
 * - submitting needs a plain-language description;
 * - deciding (approved, returned) needs a reviewer of the locality who neither created nor submitted the line,
 *   so a person importing can never both create or submit a line and decide on it. The command line is not a
 *   person: it records decisions taken outside Abate (a published report), as it always could for new lines.
 */

/** A line of the locality as stored, with what a re-import compares. */
export interface StoredLine extends LineIdentity {
  id: number;
  version: number;
  /** Null for a line typed in the app (never matched by line key: only lines that came from an import are). */
  importKey: string | null;
  sourceId: number | null;
  costType: CostType | null;
  amountCents: bigint;
  status: AllocationStatus;
  createdBy: number | null;
  submittedBy: number | null;
  splits: { categoryId: number; shareBasisPoints: number }[];
}

export type ChangedField = 'amount' | 'categories' | 'description' | 'cost type' | 'source' | 'years' | 'status';

/** One field of one line, as the preview shows it: "amount: $56,700.00 → $60,000.00". */
export interface LineChange {
  field: ChangedField;
  before: string;
  after: string;
}

export type StatusStep = 'submit' | 'decide' | 'return-to-draft';

/** The web actions that take a line from one status to another, in order; null when no sequence of them does. */
export function statusSteps(from: AllocationStatus, to: AllocationStatus): StatusStep[] | null {
  if (from === to) return [];
  if (to === 'draft') return from === 'submitted' || from === 'approved' ? ['return-to-draft'] : null;
  if (to === 'submitted') return from === 'draft' || from === 'returned' ? ['submit'] : null;
  // approved or returned: a decision on a submitted line.
  if (from === 'submitted') return ['decide'];
  if (from === 'draft' || from === 'returned') return ['submit', 'decide'];
  return null;
}

export function isEditableStatus(status: AllocationStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** "Medications for opioid use disorder 100%" or "A 40%; B 60%", by category id → label. */
export function describeSplits(
  splits: readonly { categoryId: number; shareBasisPoints: number }[],
  labelOf: (categoryId: number) => string,
): string {
  return [...splits]
    .sort((a, b) => a.categoryId - b.categoryId)
    .map((split) => `${labelOf(split.categoryId)} ${formatPercentFromBasisPoints(split.shareBasisPoints)}`)
    .join('; ');
}

function sameSplits(
  a: readonly { categoryId: number; shareBasisPoints: number }[],
  b: readonly { categoryId: number; shareBasisPoints: number }[],
): boolean {
  const key = (splits: typeof a) =>
    [...splits]
      .sort((x, y) => x.categoryId - y.categoryId)
      .map((split) => `${split.categoryId}:${split.shareBasisPoints}`)
      .join(',');
  return key(a) === key(b);
}

function yearsOf(fiscalYear: number, lastFiscalYear: number | null): string {
  return lastFiscalYear === null ? `FY${fiscalYear}` : `FY${fiscalYear}–FY${lastFiscalYear}`;
}

/** The row's values for the fields a re-import may change; undefined where the file has no column for it. */
export interface IncomingValues {
  amountCents: bigint;
  splits: { categoryId: number; shareBasisPoints: number }[];
  lastFiscalYear: number | null;
  description: string | undefined;
  sourceId: number | null | undefined;
  costType: CostType | null | undefined;
  status: AllocationStatus | undefined;
}

/** Every difference between the stored line and the row, in the order the preview lists them. */
export function lineChanges(
  stored: StoredLine,
  incoming: IncomingValues,
  names: { category: (id: number) => string; source: (id: number | null) => string },
): LineChange[] {
  const changes: LineChange[] = [];
  // A field the file has no column for (undefined) is not changed.
  const compare = <T>(field: ChangedField, before: T, after: T | undefined, show: (value: T) => string) => {
    if (after !== undefined && after !== before) changes.push({ field, before: show(before), after: show(after) });
  };
  compare('amount', stored.amountCents, incoming.amountCents, formatCents);
  if (!sameSplits(stored.splits, incoming.splits)) {
    changes.push({
      field: 'categories',
      before: describeSplits(stored.splits, names.category),
      after: describeSplits(incoming.splits, names.category),
    });
  }
  compare('description', stored.description, incoming.description, (text) => text);
  compare('cost type', stored.costType, incoming.costType, (type) => costTypeLabel(type) || '(none)');
  compare('source', stored.sourceId, incoming.sourceId, names.source);
  compare('years', stored.lastFiscalYear, incoming.lastFiscalYear, (last) => yearsOf(stored.fiscalYear, last));
  compare('status', stored.status, incoming.status, (status) => status);
  return changes;
}

/** "amount $56,700.00 → $60,000.00; status draft → submitted", for the command line and the audit reason. */
export function describeLineChanges(changes: readonly LineChange[]): string {
  return changes
    .map((change) =>
      change.field === 'description'
        ? `description ${quote(change.before)} → ${quote(change.after)}`
        : `${change.field} ${change.before} → ${change.after}`,
    )
    .join('; ');
}

function quote(text: string): string {
  if (text === '') return '(none)';
  return `"${shortenText(text, 58)}"`;
}

/** Why the importer may not make these changes to this line, or null when it may. */
export interface ChangeRefusal {
  field: ChangedField;
  value: string;
  reason: string;
}

export function refusalOf(
  stored: StoredLine,
  changes: readonly LineChange[],
  descriptionAfter: string,
  authority: ImportAuthority,
): ChangeRefusal | null {
  const line = `line #${stored.id}`;
  const content = changes.filter((change) => change.field !== 'status');
  const status = changes.find((change) => change.field === 'status');
  if (content.length > 0 && !isEditableStatus(stored.status)) {
    const first = content[0]!;
    return {
      field: first.field,
      value: first.after,
      reason:
        `${line} is ${stored.status}, so its ${content.map((change) => change.field).join(', ')} cannot be changed ` +
        'by an import; return it to draft first (in Abate, or by importing it with status draft and nothing else ' +
        'changed), then import the change',
    };
  }
  if (!status) return null;
  const to = status.after as AllocationStatus;
  const steps = statusSteps(stored.status, to);
  if (steps === null) {
    return {
      field: 'status',
      value: to,
      reason:
        `${line} is ${stored.status} and cannot become ${to}: a line moves from draft or returned to submitted, ` +
        'from submitted to approved or returned, and from submitted or approved back to draft',
    };
  }
  if (steps.includes('submit') && descriptionAfter.trim() === '') {
    return {
      field: 'status',
      value: to,
      reason: `${line} has no description, and a line goes to the board only with a plain-language description; fill in its description`,
    };
  }
  if (steps.includes('decide')) {
    if (!authority.mayDecide) {
      return {
        field: 'status',
        value: to,
        reason: `only a reviewer of the locality can mark ${line} ${to}; import it as submitted and let the board decide in Abate`,
      };
    }
    if (authority.userId !== null) {
      const conflict = separationOfDutiesConflict(stored, authority.userId);
      const who = steps.includes('submit') ? 'this import would submit it' : conflict ? `you ${conflict} it` : null;
      if (who !== null) {
        return {
          field: 'status',
          value: to,
          reason: `${line} cannot be marked ${to} by you: ${who}, so another member of the board must decide on it`,
        };
      }
    }
  }
  return null;
}

/** Why a new line cannot arrive with this status, or null when it can. */
export function newLineStatusRefusal(status: AllocationStatus, description: string, authority: ImportAuthority): string | null {
  if (status === 'submitted' && description.trim() === '') {
    return 'a line goes to the board only with a plain-language description; fill in its description or import it as draft';
  }
  if (status !== 'approved' && status !== 'returned') return null;
  if (!authority.mayDecide) {
    return `only the oversight board can mark a line ${status}; import it as draft or submitted and submit it for review`;
  }
  // The importer creates the line: separation of duties (separation-of-duties.ts) leaves the decision to another.
  if (authority.userId !== null) {
    return (
      `this import creates the line, so you cannot also mark it ${status}: another member of the board must decide ` +
      'on it; import it as submitted'
    );
  }
  return null;
}
