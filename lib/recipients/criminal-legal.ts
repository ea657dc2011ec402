import { sql, type SQL } from 'drizzle-orm';
import type { RecipientType } from '@/lib/categories/labels';

/**
 * Who receives the money counts as much as what the line is called: a payment to a police department filed under
 * "Connections to care" is still police money. This module is the one place that says which recipients belong to
 * the criminal-legal system, by their recorded type and, where no type was given ("other"), by the words in their
 * name. The same word list renders a JavaScript RegExp (import previews, forms) and a PostgreSQL pattern (flags and
 * the crosswalk rule in SQL), so the two can never disagree.
 */

export const CRIMINAL_LEGAL_RECIPIENT_TYPES = ['law_enforcement', 'courts_corrections'] as const satisfies readonly RecipientType[];
export type CriminalLegalRecipientType = (typeof CRIMINAL_LEGAL_RECIPIENT_TYPES)[number];

/**
 * Words (as regular-expression pieces, lower case, ASCII) that name a criminal-legal agency, each matched as a whole
 * word. Kept to words that name an agency, not an activity: "diversion" or "reentry" programs are often run by health
 * departments and nonprofits, so they say nothing about who receives the money.
 */
const NAME_WORDS: Readonly<Record<CriminalLegalRecipientType, readonly string[]>> = {
  law_enforcement: [
    'police', 'policing', 'sheriffs?', 'constables?', 'marshals?', 'troopers?', 'state patrol', 'highway patrol',
    'law enforcement', 'task force', 'narcotics (unit|bureau|division)', 'drug enforcement',
  ],
  courts_corrections: [
    'jails?', 'detention', 'corrections?', 'correctional', 'house of correction', 'penitentiary', 'prisons?',
    'probation', 'parole', 'courts?', 'judicial', 'judiciary', 'district attorneys?', "(state|commonwealth)'?s? attorneys?",
    'prosecutors?', 'prosecuting attorneys?', 'solicitor general',
  ],
};

// [^a-z0-9] on both sides instead of \b: PostgreSQL's regular expressions spell word boundaries differently.
const wordsPattern = (words: readonly string[]): string => `(^|[^a-z0-9])(${words.join('|')})([^a-z0-9]|$)`;

const PATTERNS = (Object.keys(NAME_WORDS) as CriminalLegalRecipientType[]).map((type) => ({
  type,
  regExp: new RegExp(wordsPattern(NAME_WORDS[type])),
}));

/** Every criminal-legal word in one pattern, for SQL (`~*`, case-insensitive). */
export const CRIMINAL_LEGAL_NAME_PATTERN = wordsPattern(Object.values(NAME_WORDS).flat());

/** Curly apostrophes and accents do not hide a word: "Sheriff’s Office" reads as "sheriff's office". */
function foldForMatch(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}

/** The criminal-legal type a recipient's name announces ("Springfield Police Department" → law_enforcement), or null. */
export function recipientTypeFromName(name: string): CriminalLegalRecipientType | null {
  const folded = foldForMatch(name);
  return PATTERNS.find((pattern) => pattern.regExp.test(folded))?.type ?? null;
}

export function isCriminalLegalType(type: string | null | undefined): type is CriminalLegalRecipientType {
  return (CRIMINAL_LEGAL_RECIPIENT_TYPES as readonly string[]).includes(type ?? '');
}

/**
 * A criminal-legal-system recipient: its type says so, or it has no type of its own ("other", or none recorded) and
 * its name does. A type chosen by a person (a "Police Athletic League" recorded as a community organization) wins.
 */
export function isCriminalLegalRecipient(type: string | null | undefined, name: string | null | undefined): boolean {
  if (isCriminalLegalType(type)) return true;
  if (type && type !== 'other') return false;
  return name ? recipientTypeFromName(name) !== null : false;
}

/**
 * The same rule in SQL, over a recipient's type and name columns (either may be null when there is no recipient).
 * Interpolate the columns, e.g. `criminalLegalRecipientSql(sql`r.type`, sql`r.name`)`.
 */
export function criminalLegalRecipientSql(type: SQL, name: SQL): SQL {
  return sql`coalesce(${type}::text in (${sql.join(
    CRIMINAL_LEGAL_RECIPIENT_TYPES.map((value) => sql`${value}`),
    sql`, `,
  )}) or (${type}::text = 'other' and translate(${name}, ${'\u2018\u2019\u02bc'}, ${"'''"}) ~* ${CRIMINAL_LEGAL_NAME_PATTERN}), false)`;
}
