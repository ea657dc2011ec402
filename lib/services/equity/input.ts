/**
 * Input for the equity verbs: who may set goals, how targets are typed (in the unit a person reads — percent,
 * dollars, or a ratio where 1 is parity) and how counts of people are typed. Everything is parsed exactly, without
 * floats, into the basis points and cents the database stores.
 */
import { z } from 'zod';
import { can, type Actor } from '@/lib/auth/authorize';
import { parseDecimalUnits, toFixedDecimal, toTrimmedDecimal } from '@/lib/equity/decimal';
import { MEASURE_UNIT } from '@/lib/equity/measure-info';
import type { EquityGoal, EquityMeasure } from '@/lib/equity/types';
import type { SuggestedGoal } from '@/lib/equity/default-goals';
import { Forbidden, Unauthenticated } from '@/lib/errors';
import { parseMoney } from '@/lib/money';

/**
 * Goals are set by the locality's administrators and by its oversight board (reviewers). `users.manage` is the
 * admin-only verb; `allocation.decide` is the board's.
 */
export function requireGoalScope(actor: Actor | null, localityId: number): asserts actor is Actor {
  if (!actor) throw new Unauthenticated();
  if (!(can(actor, 'allocation.decide', localityId) || can(actor, 'users.manage', localityId))) {
    throw new Forbidden('Only the locality’s administrators and its oversight board set equity goals.');
  }
}

/** The largest target a measure accepts, in its stored unit. Shares stop at 100%; spend-down and parity may exceed it. */
const MAX_UNITS: Readonly<Record<EquityMeasure, bigint>> = {
  category_share: 10_000n,
  group_share: 10_000n,
  recipient_share: 10_000n,
  completeness: 10_000n,
  spend_down: 100_000n,
  reach_parity: 100_000n,
  dollars_per_death: 100_000_000_000n,
  dollars_per_resident: 100_000_000_000n,
};

/** How a target is typed for each measure, for messages. */
export const TARGET_HINT: Readonly<Record<EquityMeasure, string>> = {
  category_share: 'a percentage like 25 or 12.5',
  group_share: 'a percentage like 25 or 12.5',
  recipient_share: 'a percentage like 30',
  completeness: 'a percentage like 95',
  spend_down: 'a percentage like 60',
  reach_parity: 'a ratio like 0.8 (1 means people are served in proportion to deaths)',
  dollars_per_death: 'an amount in dollars like 25,000',
  dollars_per_resident: 'an amount in dollars like 5.50',
};

/**
 * A target or margin as typed ("25", "25%", "$1,500", "0.8") → basis points or cents, or an error message.
 * `what` names the field in the message ("target", "amber margin").
 */
export function parseGoalAmount(measure: EquityMeasure, raw: unknown, what: string): { units: bigint } | { error: string } {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { error: `Enter the ${what} as ${TARGET_HINT[measure]}.` };
  let units: bigint | null;
  switch (MEASURE_UNIT[measure]) {
    case 'percent':
      units = parseDecimalUnits(text.replace(/\s*%$/, ''), 2);
      break;
    case 'ratio':
      units = parseDecimalUnits(text, 4);
      break;
    case 'dollars': {
      const parsed = parseMoney(text);
      units = parsed.ok && parsed.cents >= 0n ? parsed.cents : null;
      break;
    }
  }
  if (units === null) return { error: `The ${what} must be ${TARGET_HINT[measure]}, not negative.` };
  if (units > MAX_UNITS[measure]) return { error: `The ${what} is larger than this measure allows.` };
  return { units };
}

/** The stored target or margin as a form shows it: 2500 bp → "25", 8000 bp ratio → "0.8", 150000 cents → "1500.00". */
export function goalAmountText(measure: EquityMeasure, units: bigint): string {
  switch (MEASURE_UNIT[measure]) {
    case 'percent':
      return toTrimmedDecimal(units, 2);
    case 'ratio':
      return toTrimmedDecimal(units, 4);
    case 'dollars':
      return toFixedDecimal(units, 2);
  }
}

export interface GoalFormValues {
  fiscalYear: string;
  measure: EquityMeasure;
  subject: string;
  frameworkKey: string;
  basis: EquityGoal['basis'];
  comparator: EquityGoal['comparator'];
  target: string;
  amberMargin: string;
  reason: string;
}

/** A goal's fields as the form shows them: a saved goal, or one Abate suggests (lib/equity/default-goals.ts). */
export function goalFormValues(goal: SuggestedGoal): GoalFormValues {
  return {
    fiscalYear: String(goal.fiscalYear),
    measure: goal.measure,
    subject: goal.subject ?? '',
    frameworkKey: goal.frameworkKey,
    basis: goal.basis,
    comparator: goal.comparator,
    target: goalAmountText(goal.measure, goal.target),
    amberMargin: goalAmountText(goal.measure, goal.amberMargin),
    reason: goal.reason,
  };
}

const MAX_COUNT = 2_147_483_647;

/**
 * A count of people (residents, deaths, people served) as typed: "12,345" → 12345; empty → null (not known). Zero
 * is a real count and kept as 0.
 */
export const optionalCountField = z.preprocess(
  (value) => (value === undefined || value === null ? '' : typeof value === 'number' ? String(value) : value),
  z.string({ error: 'Enter a whole number, or leave it empty if it is not known.' }).transform((text, ctx): number | null => {
    const trimmed = text.trim().replace(/,/g, '');
    if (trimmed === '') return null;
    if (!/^\d{1,10}$/.test(trimmed) || Number(trimmed) > MAX_COUNT) {
      ctx.addIssue({ code: 'custom', message: 'Enter a whole number of 0 or more, without decimals.' });
      return z.NEVER;
    }
    return Number(trimmed);
  }),
);

/** A group or area key: lowercase letters, digits and dashes, like "black" or "district-3". */
export const groupKeyField = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : value),
  z
    .string({ error: 'Enter a short key like "black" or "district-3".' })
    .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, { error: 'Use lowercase letters, digits and dashes only, like "district-3".' }),
);
