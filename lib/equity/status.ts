import type { ViewWords } from '@/lib/i18n/messages';
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

/**
 * A target or bound in words: "25%", "$150 per overdose death", "a ratio of 0.8". With the reader's words (the
 * EquityThresholds messages and the locale), in that language; without, English.
 */
export function describeValue(measure: EquityMeasure, units: bigint, words?: ViewWords): string {
  const locale = words?.locale;
  switch (MEASURE_UNIT[measure]) {
    case 'percent':
      return formatPercentFromBasisPoints(units, locale);
    case 'dollars': {
      const money = formatCents(units, { showCents: units % 100n !== 0n, ...(locale ? { locale } : {}) });
      if (words) return words.t(measure === 'dollars_per_death' ? 'EquityThresholds.perDeath' : 'EquityThresholds.perResident', { money });
      return measure === 'dollars_per_death' ? `${money} per overdose death` : `${money} per resident`;
    }
    case 'ratio':
      return words ? words.t('EquityThresholds.ratio', { ratio: toTrimmedDecimal(units, 4) }) : `a ratio of ${toTrimmedDecimal(units, 4)}`;
  }
}

/**
 * The thresholds in plain language, for the chart legend and the public page: "green at 25% or more" and
 * "amber from 20% up to 25%; red below 20%". Measures are never negative, so bands are not described below zero.
 * With the reader's words, in that language (the EquityThresholds messages, which say the same in English).
 */
export function describeThresholds(measure: EquityMeasure, comparator: EquityComparator, target: bigint, margin: bigint, words?: ViewWords): Thresholds {
  const v = (units: bigint) => describeValue(measure, units, words);
  const say = (key: string, english: string, values: Record<string, string>) => (words ? words.t(`EquityThresholds.${key}`, values) : english);
  const m = margin < 0n ? 0n : margin;
  switch (comparator) {
    case 'at_least': {
      const targetText = v(target);
      const green = say('atLeastGreen', `green at ${targetText} or more`, { target: targetText });
      if (m === 0n) return { green, amber: say('atLeastNoAmber', `no amber band: red below ${targetText}`, { target: targetText }) };
      const low = target - m;
      if (low <= 0n) return { green, amber: say('atLeastNeverRed', `amber below ${targetText}; never red`, { target: targetText }) };
      const lowText = v(low);
      return { green, amber: say('atLeastAmber', `amber from ${lowText} up to ${targetText}; red below ${lowText}`, { low: lowText, target: targetText }) };
    }
    case 'at_most': {
      const targetText = v(target);
      const green =
        target === 0n
          ? say('atMostGreenNone', `green at ${v(0n)}: none at all`, { target: v(0n) })
          : say('atMostGreen', `green at ${targetText} or less`, { target: targetText });
      if (m === 0n) return { green, amber: say('atMostNoAmber', `no amber band: red above ${targetText}`, { target: targetText }) };
      const highText = v(target + m);
      return { green, amber: say('atMostAmber', `amber above ${targetText} up to ${highText}; red above ${highText}`, { target: targetText, high: highText }) };
    }
    case 'exactly': {
      const targetText = v(target);
      const green = say('exactlyGreen', `green at exactly ${targetText}`, { target: targetText });
      if (m === 0n) return { green, amber: say('exactlyNoAmber', `no amber band: red at anything other than ${targetText}`, { target: targetText }) };
      const lowText = v(target - m < 0n ? 0n : target - m);
      return { green, amber: say('exactlyAmber', `amber from ${lowText} to ${v(target + m)}; red further away`, { low: lowText, high: v(target + m) }) };
    }
  }
}
