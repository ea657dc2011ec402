/**
 * Words for equity goals, shared by the board's pages and the public equity panel: a goal's name in plain language,
 * its values with their unit, its status as an icon AND a word (never colour alone), and how an actual would move.
 * Pure functions on the JSON-ready shapes: safe in server and client components.
 */
import { RECIPIENT_SUBJECTS, isRecipientSubject } from '@/lib/equity/measure-info';
import type { ActualUnit, EquityBasis, EquityComparator, EquityMeasure, GoalStatus } from '@/lib/equity/types';
import type { Locale } from '@/lib/i18n/locales';
import { formatCents } from '@/lib/money';

/** What a goal is about, for its name: the parts every goal shape (internal or public) has. */
export interface GoalNameParts {
  measure: EquityMeasure;
  subject: string | null;
  basis: EquityBasis;
}

/** Names for subjects stored as keys: category keys ("non-remediation") and race/ethnicity group keys ("black"). */
export interface SubjectLabels {
  categories?: Readonly<Record<string, string>>;
  raceGroups?: Readonly<Record<string, string>>;
}

const UNIT_PLACES: Readonly<Record<ActualUnit, number>> = { percent: 2, dollars: 2, ratio: 4 };

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Harm reduction share of allocated money", "Money spent per overdose death", … */
export function goalTitle(goal: GoalNameParts, labels: SubjectLabels = {}): string {
  const money = goal.basis === 'spent' ? 'money spent' : 'allocated money';
  const subject = goal.subject ?? '';
  switch (goal.measure) {
    case 'group_share':
      return `${capitalize(subject)} share of ${money}`;
    case 'category_share':
      return `Share of ${money} in “${labels.categories?.[subject] ?? subject}”`;
    case 'recipient_share':
      return `Share of ${money} to ${isRecipientSubject(goal.subject) ? RECIPIENT_SUBJECTS[goal.subject] : subject}`;
    case 'dollars_per_death':
      return `${capitalize(goal.basis === 'spent' ? 'money spent' : 'money allocated')} per overdose death`;
    case 'dollars_per_resident':
      return `${capitalize(goal.basis === 'spent' ? 'money spent' : 'money allocated')} per resident`;
    case 'reach_parity':
      return `Reach of ${labels.raceGroups?.[subject] ?? subject} residents against their share of overdose deaths`;
    case 'spend_down':
      return 'Money spent out of money received';
    case 'completeness':
      return 'Lines with a description, a recipient and a category';
  }
}

export const COMPARATOR_WORDS: Readonly<Record<EquityComparator, string>> = {
  at_least: 'at least',
  at_most: 'at most',
  exactly: 'exactly',
};

/**
 * An exact decimal string ("27.41", "-3.5", "0.8000") → integer units at the unit's places (2741n, 8000n), without
 * floats; null for anything else (a suppressed or missing value).
 */
export function decimalToUnits(text: string | null, unit: ActualUnit): bigint | null {
  if (text === null) return null;
  const match = /^(-)?(\d{1,18})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const places = UNIT_PLACES[unit];
  const decimals = (match[3] ?? '').padEnd(places, '0');
  if (decimals.length > places) return null;
  const units = BigInt(match[2] ?? '0') * 10n ** BigInt(places) + BigInt(decimals || '0');
  return match[1] ? -units : units;
}

/** A count as text with thousands grouped ("107734" → "107,734"); anything else ("fewer than 11") as it is. */
export function countWords(text: string | null): string | null {
  if (text === null || !/^\d+$/.test(text)) return text;
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "22.10%", "$1,234.56", "0.7326" from an exact decimal string in the goal's unit. */
export function formatGoalValue(value: string | null, unit: ActualUnit, whenNull = 'not enough data'): string {
  return goalValueOf(value, unit, whenNull, 'en');
}

/** THE writing of a goal's value in its unit, money per locale: the staff pages' words above and the public ones (lib/equity/goal-words.ts). */
export function goalValueOf(value: string | null, unit: ActualUnit, whenNull: string, locale: Locale): string {
  if (value === null) return whenNull;
  switch (unit) {
    case 'percent':
      return `${value}%`;
    case 'dollars': {
      const cents = decimalToUnits(value, 'dollars');
      return cents === null ? value : formatCents(cents, { locale });
    }
    case 'ratio':
      return value;
  }
}

/** "at least 25.00%", "at most $0.00", "exactly 0.8000". */
export function describeTarget(comparator: EquityComparator, target: string, unit: ActualUnit): string {
  return `${COMPARATOR_WORDS[comparator]} ${formatGoalValue(target, unit)}`;
}

export interface StatusWords {
  icon: string;
  word: string;
  /** For the data table: ok (green), warn (amber or red), info (no data). */
  tone: 'ok' | 'warn' | 'info';
  /** The traffic-light colour, named in words. */
  colour: string;
}

export const STATUS_WORDS: Readonly<Record<GoalStatus, StatusWords>> = {
  met: { icon: '✓', word: 'Met', tone: 'ok', colour: 'green' },
  close: { icon: '!', word: 'Close', tone: 'warn', colour: 'amber' },
  missed: { icon: '✗', word: 'Missed', tone: 'warn', colour: 'red' },
  not_enough_data: { icon: '?', word: 'Not enough data', tone: 'info', colour: 'no colour' },
};

/** "Met (green)", "Missed (red)", "Not enough data". */
export function statusLabel(status: GoalStatus): string {
  const words = STATUS_WORDS[status];
  return status === 'not_enough_data' ? words.word : `${words.word} (${words.colour})`;
}

export type Direction = 'up' | 'down' | 'same' | 'unknown';

export function directionOf(before: string | null, after: string | null, unit: ActualUnit): Direction {
  const a = decimalToUnits(before, unit);
  const b = decimalToUnits(after, unit);
  if (a === null || b === null) return 'unknown';
  return b > a ? 'up' : b < a ? 'down' : 'same';
}

export const DIRECTION_ARROW: Readonly<Record<Direction, string>> = { up: '↑', down: '↓', same: '→', unknown: '·' };

/**
 * One sentence for the review page: "Harm reduction share of allocated money would rise from 22.10% to 24.35%
 * (missed → close)."
 */
export function changeSentence(
  title: string,
  unit: ActualUnit,
  before: { actual: string | null; status: GoalStatus },
  after: { actual: string | null; status: GoalStatus },
): string {
  const direction = directionOf(before.actual, after.actual, unit);
  const from = formatGoalValue(before.actual, unit);
  const to = formatGoalValue(after.actual, unit);
  let text: string;
  switch (direction) {
    case 'up':
      text = `${title} would rise from ${from} to ${to}`;
      break;
    case 'down':
      text = `${title} would fall from ${from} to ${to}`;
      break;
    case 'same':
      text = `${title} would stay at ${from}`;
      break;
    case 'unknown':
      text =
        before.actual === null && after.actual === null
          ? `${title} cannot be computed yet, approved or not`
          : `${title} would go from ${from} to ${to}`;
      break;
  }
  const statusChange =
    before.status === after.status ? `still ${statusLabel(after.status).toLowerCase()}` : `${statusLabel(before.status).toLowerCase()} → ${statusLabel(after.status).toLowerCase()}`;
  return `${text} (${statusChange}).`;
}

/** "3 of 8 goals met, 1 close, 3 missed, 1 without enough data." */
export function goalsCountSentence(statuses: readonly GoalStatus[]): string {
  const count = (status: GoalStatus) => statuses.filter((s) => s === status).length;
  const parts = [`${count('met')} of ${statuses.length} ${statuses.length === 1 ? 'goal' : 'goals'} met`];
  if (count('close') > 0) parts.push(`${count('close')} close`);
  if (count('missed') > 0) parts.push(`${count('missed')} missed`);
  if (count('not_enough_data') > 0) parts.push(`${count('not_enough_data')} without enough data`);
  return `${parts.join(', ')}.`;
}
