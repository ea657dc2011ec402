/**
 * The flags one line (allocation) carries wherever it is shown — its public page, the locality's list, the board's
 * review and the API's `flags` list — with stable codes a program can rely on. Pure: the facts come from
 * lineFlagFactsSql (line-flags-sql.ts), so every reader raises the same flags from the same rule.
 *
 * Words: a flag's `title` and `detail` are English, as the API and the staff pages have always shown them. A public
 * page in another language writes them again from the flag's code, severity and names with lineFlagWords and the
 * reader's words (the LineFlags messages); the English messages say exactly what this file says (line-flags.test.ts).
 */
import { HEALTH_FIRST } from '@/db/reference/health-first';
import { categoryName } from '@/lib/categories/localized';
import type { ViewWords } from '@/lib/i18n/messages';

export const LINE_FLAG_CODES = ['criminal-legal-recipient', 'discouraged-use', 'unclassified', 'missing-description'] as const;
export type LineFlagCode = (typeof LINE_FLAG_CODES)[number];

export interface LineFlag {
  code: LineFlagCode;
  severity: 'high' | 'medium';
  /** One line: what was found. */
  title: string;
  /** Plain language: who, what, and why it matters. */
  detail: string;
  /**
   * What the title names, as the database has it: the criminal-legal-system recipients, or the labels of the
   * discouraged health-first uses; [] for the other flags. Kept to write the words again (lineFlagWords).
   */
  names: readonly string[];
}

/** What the database says about a line, for its flags. */
export interface LineFlagFacts {
  description: string;
  /** Criminal-legal-system recipients of the line: its own recipient and those its live payments name. */
  criminalLegalRecipients: readonly string[];
  /** Labels of the discouraged health-first uses the line's money falls in (through the crosswalk). */
  discouragedUses: readonly string[];
  /** A part of the line is filed under "Other / not yet classified". */
  unclassified: boolean;
  /** Every part of the line is filed under an evidence-backed use in jails and at release (MOUD, reentry). */
  custodyCareOnly: boolean;
}

/**
 * Medications for opioid use disorder in jails and prisons, and treatment and naloxone at release, are what the
 * seeds ask for (seeds/000: medications "should be widely available, including in jails and prisons"; seeds/004:
 * release is when overdose kills most). Money for them paid to a sheriff or a jail is still named, but not shamed.
 * Keys by framework; the same list is used in SQL.
 */
export const CUSTODY_CARE_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  'health-first': ['moud', 'reentry'],
  'exhibit-e': ['core-f'],
  'nc-high-impact': ['incarcerated-treatment', 'reentry'],
};

const SEVERITY_ORDER = { high: 0, medium: 1 } as const;
const CODE_ORDER: Readonly<Record<LineFlagCode, number>> = {
  'criminal-legal-recipient': 0,
  'discouraged-use': 1,
  unclassified: 2,
  'missing-description': 3,
};

/** "A", "A and B", "A, B and C"; with the reader's words, in their language ("A, B y C"). */
export function listInWords(names: readonly string[], words?: ViewWords): string {
  if (names.length <= 1) return names[0] ?? '';
  const first = names.slice(0, -1).join(', ');
  const last = names[names.length - 1]!;
  return words ? words.t('LineFlags.list', { first, last }) : `${first} and ${last}`;
}

/** The criminal-legal-recipient flag's words, shared by the line and the locality's flags. */
export function criminalLegalRecipientWords(
  recipients: readonly string[],
  custodyCareOnly: boolean,
): Omit<LineFlag, 'code' | 'names'> {
  const who = listInWords(recipients);
  if (custodyCareOnly) {
    return {
      severity: 'medium',
      title: `Paid to a criminal-legal-system recipient: ${who}`,
      detail:
        `This money goes to ${who}, part of the criminal-legal system, for medications for opioid use disorder in ` +
        'custody or care at release from jail. That is an evidence-backed use: medications cut the risk of overdose ' +
        'in half and should be available in jails and prisons, and the weeks after release are when overdose kills ' +
        'most. It is named here so readers can see it reaches people as care, voluntarily, and continues after release.',
    };
  }
  return {
    severity: 'high',
    title: `Paid to a criminal-legal-system recipient: ${who}`,
    detail:
      `This money goes to ${who}, part of the criminal-legal system (police, sheriff, jail, courts or prosecution), ` +
      'whatever category it is filed under. The evidence behind Abate asks for scrutiny: drug enforcement has not ' +
      'lowered overdose deaths and may worsen them, and it is applied unequally — Black people are almost twice as ' +
      'likely as White people to be arrested for drugs. Overdose is a medical emergency; settlement money should go ' +
      'to health care, harm reduction and community (non-police) responses. Medications in jails and care at ' +
      'release are the evidence-backed exceptions.',
  };
}

export function lineFlags(facts: LineFlagFacts): LineFlag[] {
  const flags: LineFlag[] = [];
  if (facts.criminalLegalRecipients.length > 0) {
    flags.push({
      code: 'criminal-legal-recipient',
      ...criminalLegalRecipientWords(facts.criminalLegalRecipients, facts.custodyCareOnly),
      names: facts.criminalLegalRecipients.slice(),
    });
  }
  if (facts.discouragedUses.length > 0) {
    flags.push({
      code: 'discouraged-use',
      severity: 'high',
      names: facts.discouragedUses.slice(),
      title: `A use the health-first framework discourages: ${listInWords(facts.discouragedUses)}`,
      detail:
        'Money in this line falls in a use the seeds ask localities not to fund: enforcement, coerced treatment, ' +
        'incarceration, or spending that is not opioid remediation at all.',
    });
  }
  if (facts.unclassified) {
    flags.push({
      code: 'unclassified',
      severity: 'medium',
      names: [],
      title: 'Not yet classified',
      detail:
        'The report filed this money as “Other” or gave no category, so Abate does not guess what it is for. Until ' +
        'the locality says which use it pays for, it is counted as not yet classified in every framework.',
    });
  }
  if (!/\S/.test(facts.description)) {
    flags.push({
      code: 'missing-description',
      severity: 'medium',
      names: [],
      title: 'No plain-language description',
      detail: 'Every public line needs a description a resident can read, saying what the money pays for and whom it helps.',
    });
  }
  return flags.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || CODE_ORDER[a.code] - CODE_ORDER[b.code]);
}

/** The stable codes of a line's flags, in LINE_FLAG_CODES order (the API's `flags`). */
export function lineFlagCodes(facts: LineFlagFacts): LineFlagCode[] {
  const codes = new Set(lineFlags(facts).map((flag) => flag.code));
  return LINE_FLAG_CODES.filter((code) => codes.has(code));
}

/**
 * A category's "recommended" stance judges a use of the money, not who receives it: on a line paid to a
 * criminal-legal-system recipient for anything but custody care (the high-severity flag), showing "Recommended by
 * the evidence" beside the police department would say the opposite of the flag above it, so it is held back.
 */
export function holdsBackRecommendation(flags: readonly LineFlag[]): boolean {
  return flags.some((flag) => flag.code === 'criminal-legal-recipient' && flag.severity === 'high');
}

/** Health-first category keys by their English label: the discouraged uses arrive as labels (line-flags-sql.ts). */
const HEALTH_FIRST_KEY_BY_LABEL: ReadonlyMap<string, string> = new Map(HEALTH_FIRST.categories.map((c) => [c.label, c.key]));

/** A discouraged use's label in the reader's language (a label the shipped framework does not have stays as it is). */
function discouragedUseName(label: string, words: ViewWords): string {
  const key = HEALTH_FIRST_KEY_BY_LABEL.get(label);
  return key === undefined ? label : categoryName(words.locale, HEALTH_FIRST.key, { key, label });
}

/**
 * A flag's title and detail in the reader's language, from its code, severity and names (the LineFlags messages).
 * The English messages give back exactly the flag's own `title` and `detail`.
 */
export function lineFlagWords(flag: Pick<LineFlag, 'code' | 'severity' | 'names'>, words: ViewWords): { title: string; detail: string } {
  const t = (key: string, values?: Record<string, string | number>) => words.t(`LineFlags.${key}`, values);
  switch (flag.code) {
    case 'criminal-legal-recipient': {
      const who = listInWords(flag.names, words);
      return {
        title: t('criminalLegal.title', { who }),
        detail: t(flag.severity === 'high' ? 'criminalLegal.detail' : 'criminalLegal.detailCustody', { who }),
      };
    }
    case 'discouraged-use':
      return {
        title: t('discouraged.title', { uses: listInWords(flag.names.map((name) => discouragedUseName(name, words)), words) }),
        detail: t('discouraged.detail'),
      };
    case 'unclassified':
      return { title: t('unclassified.title'), detail: t('unclassified.detail') };
    case 'missing-description':
      return { title: t('missingDescription.title'), detail: t('missingDescription.detail') };
  }
}
