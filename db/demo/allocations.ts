import { HEALTH_FIRST } from '../reference/health-first';
import type { AllocationStatus, DemoAllocation, DemoReceipt, DemoSplit } from './demo-types';
import type { LocalityProfile, MixEntry, RecipientProfile } from './localities';
import { PROGRAMS, type ProgramTemplate } from './programs';
import { createRng, hashSeed, type Rng } from './prng';

/** The current, partial fiscal year of the demo: its budget is still being submitted, reviewed and returned. */
export const CURRENT_FISCAL_YEAR = 2027;

export const MIN_ALLOCATION_CENTS = 500_000n; // $5,000
export const MAX_ALLOCATION_CENTS = 150_000_000n; // $1.5 million

export interface GeneratedAllocation {
  allocation: DemoAllocation;
  /** A one-off purchase is paid in a single invoice; ongoing programs bill monthly or quarterly. */
  oneOff: boolean;
}

interface Line {
  entry: MixEntry;
  copy: number;
}

const DISCOURAGED = new Set(HEALTH_FIRST.categories.filter((c) => c.stance === 'discouraged').map((c) => c.key));

/**
 * The lines a locality funds this year. Round 0 holds one line per program, round 1 the second line of programs
 * with two, and so on; within a round the order is shuffled. Taking the first `count` lines keeps every program
 * funded in a full year (so each locality keeps its character) while the partial current year funds a random subset.
 */
function chooseLines(mix: readonly MixEntry[], count: number, rng: Rng): Line[] {
  const lines: Line[] = [];
  const mostLines = Math.max(...mix.map(([, , n]) => n));
  for (let copy = 0; lines.length < count; copy += 1) {
    // Past every program's own number of lines, every program gets a further line (a new contract).
    const round = mix.filter(([, , n]) => copy < n || copy >= mostLines);
    lines.push(...rng.shuffle(round).map((entry) => ({ entry, copy })));
  }
  return lines.slice(0, count);
}

function recipientFor(template: ProgramTemplate, recipients: readonly RecipientProfile[], copy: number): RecipientProfile {
  for (const role of template.roles) {
    const matches = recipients.filter((r) => r.roles.includes(role));
    if (matches.length > 0) return matches[copy % matches.length]!;
  }
  throw new Error(`no recipient for roles ${template.roles.join(', ')}`);
}

/** Template shares, with multi-category splits nudged a little so not every line looks the same. Sum stays 10000. */
function splitsFor(template: ProgramTemplate, rng: Rng): DemoSplit[] {
  const splits = template.splits.map(([categoryKey, shareBasisPoints]) => ({ categoryKey, shareBasisPoints }));
  const [first, second] = splits;
  if (first && second) {
    const shift = rng.int(-10, 10) * 100;
    if (first.shareBasisPoints + shift >= 500 && second.shareBasisPoints - shift >= 500) {
      first.shareBasisPoints += shift;
      second.shareBasisPoints -= shift;
    }
  }
  return splits;
}

function statusFor(fy: number, discouraged: boolean, hasStarted: boolean, rng: Rng): AllocationStatus {
  const roll = rng.next();
  if (fy < CURRENT_FISCAL_YEAR) {
    // Past budgets were decided long ago; a few lines were returned or never came back for a vote.
    if (roll < 0.025) return 'returned';
    if (roll < 0.05) return 'submitted';
    return 'approved';
  }
  // The board returns discouraged requests more often, with a reason on the public record.
  const returned = discouraged ? 0.3 : 0.08;
  if (roll < returned) return 'returned';
  if (!hasStarted) return roll < returned + 0.5 ? 'draft' : 'submitted';
  if (roll < returned + 0.12) return 'draft';
  if (roll < returned + 0.34) return 'submitted';
  return 'approved';
}

/** A funding source for a line, weighted by what the locality received; grants pay only for recommended uses. */
function sourceFor(receipts: readonly DemoReceipt[], discouraged: boolean, rng: Rng): string {
  const totals = new Map<string, bigint>();
  for (const r of receipts) {
    if (discouraged && r.sourceKey.endsWith('-grant')) continue;
    totals.set(r.sourceKey, (totals.get(r.sourceKey) ?? 0n) + r.amountCents);
  }
  const entries = [...totals.entries()];
  // Thousands of dollars are precise enough to weight a random choice; no money is computed here.
  const weights = entries.map(([, cents]) => Number(cents / 100_000n) + 1);
  let roll = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < entries.length; i += 1) {
    roll -= weights[i]!;
    if (roll < 0) return entries[i]![0];
  }
  return entries[entries.length - 1]?.[0] ?? 'distributors';
}

/** Rounds down the way budget offices write amounts: to $100, to the dollar, or left with cents. */
function roundAmount(cents: bigint, rng: Rng): bigint {
  const roll = rng.next();
  if (roll < 0.5) return cents - (cents % 10_000n);
  if (roll < 0.8) return cents - (cents % 100n);
  return cents;
}

/**
 * Splits `budgetCents` into one amount per weight, each within [$5,000, $1.5M], never more than the budget in total.
 * All arithmetic is bigint.
 */
export function divideBudget(budgetCents: bigint, weights: readonly number[], rng: Rng): bigint[] {
  const total = BigInt(weights.reduce((a, b) => a + b, 0));
  const amounts = weights.map((w) => {
    const raw = (budgetCents * BigInt(w)) / total;
    const rounded = roundAmount(raw, rng);
    if (rounded < MIN_ALLOCATION_CENTS) return MIN_ALLOCATION_CENTS;
    return rounded > MAX_ALLOCATION_CENTS ? MAX_ALLOCATION_CENTS : rounded;
  });
  // Raising small lines to the minimum can overshoot; take the excess from the largest lines.
  let excess = amounts.reduce((a, b) => a + b, 0n) - budgetCents;
  while (excess > 0n) {
    let largest = 0;
    amounts.forEach((a, i) => {
      if (a > amounts[largest]!) largest = i;
    });
    const room = amounts[largest]! - MIN_ALLOCATION_CENTS;
    if (room <= 0n) throw new Error('budget too small for the number of lines');
    const cut = excess < room ? excess : room;
    amounts[largest] = amounts[largest]! - cut;
    excess -= cut;
  }
  return amounts;
}

export interface AllocationYearInput {
  profile: LocalityProfile;
  fy: number;
  budgetCents: bigint;
  /** Receipts the locality has had so far (weights the choice of funding source). */
  receipts: readonly DemoReceipt[];
  /** False when the fiscal year has not begun yet (a January-start FY2027): nothing can be approved and paid. */
  hasStarted: boolean;
}

export function generateAllocations({ profile, fy, budgetCents, receipts, hasStarted }: AllocationYearInput): GeneratedAllocation[] {
  const { slug } = profile.locality;
  const rng = createRng(`${slug}:${fy}:allocations`);
  const count = profile.allocationCounts[fy] ?? 0;
  const lines = chooseLines(profile.mix, count, rng);
  const weights = lines.map(({ entry }) => entry[1] * rng.int(80, 120));
  const amounts = divideBudget(budgetCents, weights, rng);
  // About 1 line in 32 is left without a description so completeness flags have something to find; the offset
  // spreads those lines across localities and years.
  const blankOffset = hashSeed(`${slug}:${fy}:blank`) % 32;

  return lines.map(({ entry, copy }, index) => {
    const template: ProgramTemplate = PROGRAMS[entry[0]];
    const yearIndex = fy - 2025;
    const variant = template.variants[(template.oneOff ? copy + yearIndex : copy) % template.variants.length]!;
    const recipient = recipientFor(template, profile.recipients, copy);
    const splits = splitsFor(template, rng);
    const discouraged = splits.some((s) => DISCOURAGED.has(s.categoryKey));
    const importKey = `demo:${slug}:${fy}:alloc:${String(index + 1).padStart(3, '0')}`;
    const description = (index + blankOffset) % 32 === 0 ? '' : variant.description;
    return {
      oneOff: template.oneOff === true,
      allocation: {
        importKey,
        localitySlug: slug,
        fiscalYear: fy,
        program: variant.program,
        description,
        recipientName: recipient.name,
        sourceKey: sourceFor(receipts, discouraged, rng),
        amountCents: amounts[index]!,
        status: statusFor(fy, discouraged, hasStarted, rng),
        splits,
      },
    };
  });
}
