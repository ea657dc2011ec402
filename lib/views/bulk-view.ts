/**
 * Words and form fields of working in bulk (the allocations list's "Submit N selected", the review queue's
 * "Approve N selected" / "Return N selected"): pure, so the wording and the fields the bulk verbs read are tested
 * without a browser.
 */
import type { ActionFailure } from '@/lib/errors';

/** A line as the bulk forms send it: the version it was listed at, for the optimistic lock. */
export interface BulkLine {
  id: string;
  version: string;
  program: string;
}

export type BulkVerb = 'submit' | 'approve' | 'return' | 'post';

/** What a receipt's or payment's posting is called, in lists and filters. */
export const POSTING_LABELS = { draft: 'Draft', posted: 'Posted' } as const;

/** What a bulk form's server action answers: nothing yet, what it did, or why it changed nothing. */
export type BulkFormState = ActionFailure | { ok: true; message: string } | null;

/** Statuses a person who may submit can send to the board from the list. */
export function isSubmittable(status: string | null | undefined): boolean {
  return status === 'draft' || status === 'returned';
}

function lines(count: number): string {
  return count === 1 ? '1 line' : `${count} lines`;
}

/** The button: "Submit 3 selected for review", "Approve 1 selected", "Return 2 selected", "Post 4 selected". */
export function bulkButtonLabel(verb: BulkVerb, count: number): string {
  if (verb === 'submit') return `Submit ${count} selected for review`;
  if (verb === 'post') return `Post ${count} selected`;
  return `${verb === 'approve' ? 'Approve' : 'Return'} ${count} selected`;
}

/** After the action: "Submitted 3 lines for review.", "Approved 1 line.", "Returned 2 lines, with the reasons given." */
export function bulkDoneMessage(verb: BulkVerb, count: number): string {
  if (verb === 'submit') return `Submitted ${lines(count)} for review.`;
  if (verb === 'post') return `Posted ${lines(count)}: ${count === 1 ? 'it counts' : 'they count'} on the public pages now.`;
  if (verb === 'approve') return `Approved ${lines(count)}.`;
  return `Returned ${lines(count)}, with the reasons given.`;
}

/**
 * The fields the bulk verbs read (`lines.0.id`, `lines.0.version`, and with a reason each `lines.0.reason`), in the
 * order of the selection. `reasons` maps a line id to its own reason.
 */
export function bulkLineFields(selected: readonly BulkLine[], reasons?: Readonly<Record<string, string>>): [string, string][] {
  return selected.flatMap((line, index): [string, string][] => {
    const fields: [string, string][] = [
      [`lines.${index}.id`, line.id],
      [`lines.${index}.version`, line.version],
    ];
    if (reasons) fields.push([`lines.${index}.reason`, reasons[line.id] ?? '']);
    return fields;
  });
}

/** A failure for the person: its message, and the field messages (which name the line) that say more. */
export function bulkFailureText(failure: ActionFailure): string {
  const extra = Object.values(failure.fieldErrors ?? {})
    .flat()
    .filter((message) => message !== failure.message && !failure.message.endsWith(message.replace(/^“[^”]*”: /, '')));
  return [failure.message, ...extra].join(' ');
}
