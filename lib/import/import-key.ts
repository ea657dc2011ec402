import { createHash } from 'node:crypto';

/**
 * The import key makes re-importing idempotent: the database has a unique index on (locality, import_key), so a
 * row already imported is recognised instead of duplicated, whichever file it comes from and whatever order its
 * columns are in.
 *
 * What identifies a line: fiscal year, program and recipient (trimmed, case-folded, whitespace collapsed, so
 * "Naloxone  Kits" and "naloxone kits" are one program), the allocated amount in cents, and the category splits
 * (category ids, so "moud" and "Medications for opioid use disorder" are the same, sorted, with their shares).
 * Description, spent, source and status are NOT part of it: they are facts about the line that a re-import may
 * update.
 *
 * An edited amount (or split) therefore makes a new key, i.e. a new line, and that is deliberate. The alternative,
 * keying on year + program + recipient only, would merge two real lines that share them (two grants to the same
 * organisation for the same program in one year, a common pattern with tranches), and the second would silently
 * overwrite or be dropped as a "duplicate": money would disappear from the record without anyone deciding it.
 * A new line is visible, can be reviewed and deleted with an audit trail. To help with the edit case, `lineKey`
 * (year + program + recipient) lets the writer say "this looks like a change to the line imported on …".
 */

const VERSION = 'abate-import-v1';

export function normalizeIdentity(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function importKeyOf(input: {
  fiscalYear: number;
  /** Part of the key only when the line covers several years, so every one-year key stays what it was. */
  lastFiscalYear?: number | null;
  program: string;
  recipient: string | null;
  amountCents: bigint;
  splits: readonly { categoryId: number; shareBasisPoints: number }[];
}): string {
  const splits = [...input.splits]
    .sort((a, b) => a.categoryId - b.categoryId)
    .map((split) => [split.categoryId, split.shareBasisPoints]);
  const years = input.lastFiscalYear == null ? input.fiscalYear : `${input.fiscalYear}-${input.lastFiscalYear}`;
  return hash([
    VERSION,
    years,
    normalizeIdentity(input.program),
    normalizeIdentity(input.recipient ?? ''),
    input.amountCents.toString(),
    splits,
  ]);
}

export function lineKeyOf(input: { fiscalYear: number; program: string; recipient: string | null }): string {
  const { fiscalYear, program, recipient } = input;
  return hash(['abate-line-v1', fiscalYear, normalizeIdentity(program), normalizeIdentity(recipient ?? '')]);
}

// JSON of an array keeps the parts apart: no program text can make two different rows serialize the same.
function hash(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
