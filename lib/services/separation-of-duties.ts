/**
 * Separation of duties on allocation lines: whoever created or submitted a line never decides on it (approves or
 * returns it). One rule for every path that writes a decision — the line page, the review page and its bulk
 * decisions (lib/services/allocations/decide.ts, also through bulk.ts), the spreadsheet import's plan
 * (lib/services/import/changes.ts) and its writes (lib/services/import/write.ts) — and the database refuses the same (trigger
 * `allocations_separation_of_duties`, drizzle/0011), so a path added later that forgets to ask still cannot store it.
 *
 * The command line is not a person (userId null): it records decisions taken outside Abate (a published report),
 * and the database stores no person on those lines.
 */

export interface LinePeople {
  createdBy: number | null;
  submittedBy: number | null;
}

/** Why `deciderId` may not decide on this line ('created' or 'submitted'), or null when they may. */
export function separationOfDutiesConflict(line: LinePeople, deciderId: number | null): 'created' | 'submitted' | null {
  if (deciderId === null) return null;
  if (line.submittedBy === deciderId) return 'submitted';
  if (line.createdBy === deciderId) return 'created';
  return null;
}

/** What the line page and the review page say (an import says it per row, in lib/services/import/changes.ts). */
export function separationOfDutiesMessage(conflict: 'created' | 'submitted', what: 'line' | 'outcome' = 'line'): string {
  return `You ${conflict === 'created' && what === 'outcome' ? 'recorded' : conflict} this ${what}, so another member of the board must decide on it.`;
}
