/**
 * An equity goal's words in the reader's language, for the public equity page (and any page that shows goals in
 * Spanish): its name, target, value, status, thresholds, why it matters, what is missing and the small-count note.
 * Each takes the reader's words (ViewWords: the EquityGoals, GoalStatus and EquityThresholds messages and the
 * locale); the English messages say exactly what lib/data/board-words.ts and the public API say in English
 * (goal-words.test.ts), so English pages read the same either way.
 *
 * What staff typed stays in their words: a goal's own reason, a subject the reference data does not name, a
 * category or race/ethnicity group a locality named itself. Abate's own words are translated: the reasons of the
 * goals Abate suggests (default-goals.ts), the groups and categories of the shipped frameworks, and the texts the
 * measures write about what is missing (matched by their English form, which measures.ts writes).
 */
import { type GoalNameParts, type SubjectLabels, countWords, decimalToUnits, goalValueOf } from '@/lib/data/board-words';
import { categoryGroup, categoryName } from '@/lib/categories/localized';
import type { ViewWords } from '@/lib/i18n/messages';
import { suggestedGoals } from './default-goals';
import { isRecipientSubject } from './measure-info';
import { SUPPRESSION_NOTE } from './public-notes';
import { describeThresholds } from './status';
import { SMALL_COUNT_TEXT } from './suppress';
import type { ActualUnit, EquityComparator, EquityMeasure, GoalStatus, Thresholds } from './types';
import { formatInteger } from '@/lib/i18n/numbers';

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A goal's name parts, with the framework its subject belongs to (the public shape's `framework_key`). */
export type LocalizableGoal = GoalNameParts & { framework_key?: string };

/** "Harm reduction share of allocated money" / "Reducción de daños: proporción del dinero asignado". */
export function goalTitleIn(goal: LocalizableGoal, labels: SubjectLabels, words: ViewWords): string {
  const t = (key: string, values?: Record<string, string>) => words.t(`EquityGoals.title.${key}`, values);
  const framework = goal.framework_key ?? 'health-first';
  const money = t(goal.basis === 'spent' ? 'moneySpent' : 'moneyAllocated');
  const subject = goal.subject ?? '';
  switch (goal.measure) {
    case 'group_share':
      return t('groupShare', { group: capitalizeFirst(categoryGroup(words.locale, framework, subject)), money });
    case 'category_share': {
      const label = labels.categories?.[subject] ?? subject;
      return t('categoryShare', { category: categoryName(words.locale, framework, { key: subject, label }), money });
    }
    case 'recipient_share':
      return t('recipientShare', { recipients: isRecipientSubject(goal.subject) ? t(`recipients.${goal.subject}`) : subject, money });
    case 'dollars_per_death':
      return t(goal.basis === 'spent' ? 'spentPerDeath' : 'allocatedPerDeath');
    case 'dollars_per_resident':
      return t(goal.basis === 'spent' ? 'spentPerResident' : 'allocatedPerResident');
    case 'reach_parity':
      return t('reachParity', { group: raceGroupIn(subject, labels.raceGroups?.[subject] ?? subject, words) });
    case 'spend_down':
      return t('spendDown');
    case 'completeness':
      return t('completeness');
  }
}

/** "22.10%", "$1,234.56" (money per locale), "0.7326"; `whenNull` for a value not known. */
export function goalValueIn(value: string | null, unit: ActualUnit, words: ViewWords, whenNull = words.t('EquityGoals.notEnoughData')): string {
  return goalValueOf(value, unit, whenNull, words.locale);
}


/** "at least 25.00%" / "al menos 25.00%". */
export function targetIn(comparator: EquityComparator, target: string, unit: ActualUnit, words: ViewWords): string {
  return `${words.t(`EquityGoals.comparator.${comparator}`)} ${goalValueIn(target, unit, words)}`;
}

/** "Met (green)" / "Cumplida (verde)"; "Not enough data". */
export function statusLabelIn(status: GoalStatus, words: ViewWords): string {
  return words.t(`GoalStatus.${status}`);
}

/** "3 of 8 goals met, 1 close, 3 missed, 1 without enough data." in the reader's words. */
export function goalsCountIn(statuses: readonly GoalStatus[], words: ViewWords): string {
  const count = (status: GoalStatus) => statuses.filter((s) => s === status).length;
  const t = (key: string, values: Record<string, number>) => words.t(`EquityGoals.count.${key}`, values);
  const parts = [t('met', { met: count('met'), total: statuses.length })];
  if (count('close') > 0) parts.push(t('close', { count: count('close') }));
  if (count('missed') > 0) parts.push(t('missed', { count: count('missed') }));
  if (count('not_enough_data') > 0) parts.push(t('notEnoughData', { count: count('not_enough_data') }));
  return `${parts.join(', ')}.`;
}

/** The green and amber thresholds of a public goal (exact decimal strings), written again in the reader's words. */
export function thresholdsIn(
  goal: { measure: EquityMeasure; comparator: EquityComparator; unit: ActualUnit; target: string; amber_margin: string; thresholds: Thresholds },
  words: ViewWords,
): Thresholds {
  const target = decimalToUnits(goal.target, goal.unit);
  const margin = decimalToUnits(goal.amber_margin, goal.unit);
  // Targets are stored in basis points or cents, which is what decimalToUnits gives back; anything else keeps its words.
  if (target === null || margin === null) return goal.thresholds;
  return describeThresholds(goal.measure, goal.comparator, target, margin, words);
}

/** Keys of the reasons Abate writes for the goals it suggests, by the English text a goal still carries unedited. */
const SUGGESTED_REASON_KEYS: ReadonlyMap<string, string> = new Map(
  suggestedGoals(0).map((goal) => [goal.reason, `${goal.measure}.${(goal.subject ?? 'all').replace(/[^a-zA-Z]+/g, '_')}`]),
);

/** Why a goal matters: Abate's suggested reason in the reader's words; a reason staff wrote, as they wrote it. */
export function reasonIn(reason: string, words: ViewWords): string {
  const key = SUGGESTED_REASON_KEYS.get(reason);
  return key ? words.t(`EquityGoals.reason.${key}`) : reason;
}

/** The small-count note, in the reader's words. */
export function suppressionIn(note: string | null, words: ViewWords): string | null {
  return note === SUPPRESSION_NOTE ? words.t('EquityGoals.suppression') : note;
}

/**
 * What a measure says is missing (lib/equity/measures.ts, reach.ts), in the reader's words: each form Abate writes,
 * matched by its English; anything else as it is.
 */
const MISSING_FORMS: readonly [RegExp, string, readonly string[]][] = [
  [/^approved allocations for FY(\d+)$/, 'approvedAllocations', ['year']],
  [/^a total allocated above zero for FY(\d+)$/, 'totalAllocated', ['year']],
  [/^spending recorded for FY(\d+) up to (\S+)$/, 'spendingUpTo', ['year', 'date']],
  [/^spending recorded for FY(\d+)$/, 'spending', ['year']],
  [/^money received in FY(\d+) \(the receipts recorded add up to (\S+)\)$/, 'receivedNegative', ['year', 'amount']],
  [/^money received in FY(\d+)$/, 'received', ['year']],
  [/^overdose deaths for FY(\d+) above zero \(0 is recorded, and money cannot be divided by zero\)$/, 'deathsZeroDivide', ['year']],
  [/^population for FY(\d+) above zero \(0 is recorded, and money cannot be divided by zero\)$/, 'populationZeroDivide', ['year']],
  [/^overdose deaths for FY(\d+) above zero$/, 'deathsZero', ['year']],
  [/^population for FY(\d+) above zero$/, 'populationZero', ['year']],
  [/^overdose deaths for FY(\d+)$/, 'deaths', ['year']],
  [/^population for FY(\d+)$/, 'population', ['year']],
  [/^people served by race\/ethnicity for FY(\d+)$/, 'servedByRace', ['year']],
  [/^overdose deaths by race\/ethnicity for FY(\d+)$/, 'deathsByRace', ['year']],
  [/^overdose deaths of (.+) residents for FY(\d+) above zero \(parity cannot be measured against no deaths\)$/, 'groupDeathsZero', ['group', 'year']],
  [/^overdose deaths of (.+) residents for FY(\d+)$/, 'groupDeaths', ['group', 'year']],
  [/^a kind of recipient: community-based organizations, organizations led by people with lived experience, or criminal-legal-system recipients$/, 'recipientKind', []],
];

export function missingIn(text: string, words: ViewWords): string {
  for (const [form, key, names] of MISSING_FORMS) {
    const match = form.exec(text);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
    return words.t(`EquityGoals.missing.${key}`, values);
  }
  return text;
}

/** The race/ethnicity groups Abate's demo data and documentation name, with the English label they carry. */
const RACE_GROUP_LABELS: Readonly<Record<string, string>> = {
  black: 'Black',
  hispanic: 'Hispanic or Latino',
  white: 'White',
  asian: 'Asian',
  native: 'American Indian or Alaska Native',
  multiracial: 'Two or more races, or another race',
};

/** A race/ethnicity group's name: Abate's own label in the reader's words; a locality's own label as it is. */
export function raceGroupIn(key: string, label: string, words: ViewWords): string {
  return Object.hasOwn(RACE_GROUP_LABELS, key) && RACE_GROUP_LABELS[key] === label ? words.t(`EquityGoals.raceGroup.${key}`) : label;
}

/** A public count ("107734" → "107,734", per locale), "fewer than 11" in the reader's words; null stays null. */
export function countIn(text: string | null, words: ViewWords): string | null {
  if (text === SMALL_COUNT_TEXT) return words.t('EquityGoals.fewerThan11');
  if (text === null || !/^\d+$/.test(text)) return countWords(text);
  return formatInteger(BigInt(text), words.locale);
}
