import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { toTrimmedDecimal, type Fraction } from './decimal';
import { MEASURE_UNIT } from './measure-info';
import type { EquityComparator, EquityMeasure, GoalStatus, Thresholds } from './types';

/**
 * Green, amber or red, decided on the EXACT fraction rather than on the rounded value that is shown: one dollar of
 * police spending out of ten million rounds to "0.00%" but still misses a goal of "at most 0%".
 *
 *  - at_least: met from the target up; close from target − margin; missed below.
 *  - at_most: met up to the target; close up to target + margin; missed above.
 *  - exactly: met only at the target; close within the margin either side; missed further away.
 */
export function goalStatus(comparator: EquityComparator, target: bigint, margin: bigint, actual: Fraction | null): GoalStatus {
  if (actual === null) return 'not_enough_data';
  const { num, den } = actual;
  if (den <= 0n) throw new RangeError('the denominator of an actual must be positive');
  const scaled = (units: bigint) => units * den;
  const m = margin < 0n ? 0n : margin;
  switch (comparator) {
    case 'at_least':
      if (num >= scaled(target)) return 'met';
      return num >= scaled(target - m) ? 'close' : 'missed';
    case 'at_most':
      if (num <= scaled(target)) return 'met';
      return num <= scaled(target + m) ? 'close' : 'missed';
    case 'exactly': {
      const distance = num >= scaled(target) ? num - scaled(target) : scaled(target) - num;
      if (distance === 0n) return 'met';
      return distance <= scaled(m) ? 'close' : 'missed';
    }
  }
}

/** A target or bound in words: "25%", "$150 per overdose death", "a ratio of 0.8". */
export function describeValue(measure: EquityMeasure, units: bigint): string {
  switch (MEASURE_UNIT[measure]) {
    case 'percent':
      return formatPercentFromBasisPoints(units);
    case 'dollars': {
      const money = formatCents(units, { showCents: units % 100n !== 0n });
      return measure === 'dollars_per_death' ? `${money} per overdose death` : `${money} per resident`;
    }
    case 'ratio':
      return `a ratio of ${toTrimmedDecimal(units, 4)}`;
  }
}

/**
 * The thresholds in plain language, for the chart legend and the public page: "green at 25% or more" and
 * "amber from 20% up to 25%; red below 20%". Measures are never negative, so bands are not described below zero.
 */
export function describeThresholds(measure: EquityMeasure, comparator: EquityComparator, target: bigint, margin: bigint): Thresholds {
  const v = (units: bigint) => describeValue(measure, units);
  const m = margin < 0n ? 0n : margin;
  switch (comparator) {
    case 'at_least': {
      const green = `green at ${v(target)} or more`;
      if (m === 0n) return { green, amber: `no amber band: red below ${v(target)}` };
      const low = target - m;
      if (low <= 0n) return { green, amber: `amber below ${v(target)}; never red` };
      return { green, amber: `amber from ${v(low)} up to ${v(target)}; red below ${v(low)}` };
    }
    case 'at_most': {
      const green = target === 0n ? `green at ${v(0n)}: none at all` : `green at ${v(target)} or less`;
      if (m === 0n) return { green, amber: `no amber band: red above ${v(target)}` };
      const high = target + m;
      return { green, amber: `amber above ${v(target)} up to ${v(high)}; red above ${v(high)}` };
    }
    case 'exactly': {
      const green = `green at exactly ${v(target)}`;
      if (m === 0n) return { green, amber: `no amber band: red at anything other than ${v(target)}` };
      const low = target - m < 0n ? 0n : target - m;
      return { green, amber: `amber from ${v(low)} to ${v(target + m)}; red further away` };
    }
  }
}
