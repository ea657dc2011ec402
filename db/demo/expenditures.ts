import type { GeneratedAllocation } from './allocations';
import { elapsedWindow, fromDayNumber, toDayNumber } from './dates';
import type { DemoExpenditure } from './demo-types';
import { createRng } from './prng';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Contracts take a few weeks to sign, so the first payment comes at least this long after the year starts. */
const FIRST_PAYMENT_DELAY_DAYS = 21;

/**
 * Payments against one allocation. Only approved allocations are paid; payments fall inside the allocation's fiscal
 * year and on or before the demo's "today"; they never add up to more than the allocation. A finished year is spent
 * 55–100% (some money is always left idle); the current year only in proportion to how much of it has passed.
 */
export function generateExpenditures(
  { allocation, oneOff }: GeneratedAllocation,
  fyStartMonth: number,
): DemoExpenditure[] {
  if (allocation.status !== 'approved') return [];
  const window = elapsedWindow(allocation.fiscalYear, fyStartMonth);
  if (!window) return [];
  const first = toDayNumber(window.start) + FIRST_PAYMENT_DELAY_DAYS;
  const last = toDayNumber(window.end);
  if (last < first) return [];

  const rng = createRng(`${allocation.importKey}:expenditures`);
  const finished = window.elapsedPerMille === 1000;
  let count: number;
  let spentPercent: number;
  if (finished) {
    // A few approved lines were never drawn on at all: money left idle.
    count = rng.chance(0.04) ? 0 : oneOff ? rng.int(1, 2) : rng.pick([1, 2, 3, 3, 4, 4, 4, 5, 5, 5]);
    spentPercent = rng.int(55, 104);
  } else {
    count = Math.round((window.elapsedPerMille * rng.int(1, 5)) / 1000);
    if (oneOff) count = Math.min(count, 1);
    spentPercent = Math.round((window.elapsedPerMille * rng.int(40, 100)) / 1000);
  }
  if (count === 0) return [];
  // Capped at 100: the loader and the charts rely on spent never exceeding allocated.
  const spent = (allocation.amountCents * BigInt(Math.min(spentPercent, 100))) / 100n;
  if (spent === 0n) return [];

  const weights = Array.from({ length: count }, () => BigInt(rng.int(5, 15)));
  const totalWeight = weights.reduce((a, b) => a + b, 0n);
  const days = Array.from({ length: count }, () => rng.int(first, last)).sort((a, b) => a - b);

  let paid = 0n;
  return weights.map((weight, i) => {
    // The last payment takes the remainder so the parts add up to `spent` exactly.
    const amountCents = i === count - 1 ? spent - paid : (spent * weight) / totalWeight;
    paid += amountCents;
    const paidOn = fromDayNumber(days[i]!);
    const recipientName = allocation.recipientName;
    const month = MONTHS[Number(paidOn.slice(5, 7)) - 1]!;
    const description = oneOff
      ? `${recipientName}: purchase invoice for ${allocation.program.toLowerCase()}`
      : `${recipientName}: invoice for services through ${month} ${paidOn.slice(0, 4)}`;
    return {
      importKey: `${allocation.importKey}:exp:${i + 1}`,
      allocationImportKey: allocation.importKey,
      paidOn,
      amountCents,
      description,
    };
  });
}
