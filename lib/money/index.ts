/**
 * Money in Abate is integer cents as `bigint`, end to end: parsed from text without floats, summed and split
 * exactly, and formatted back with bigint arithmetic. Import from '@/lib/money'.
 */
export { MAX_ABS_CENTS, parseMoney, parseMoneyOrThrow } from './parse-money';
export type { ParseMoneyResult } from './parse-money';
export {
  centsToDecimalString,
  formatCents,
  formatCentsCompact,
  formatPercentFromBasisPoints,
} from './format-money';
export type { FormatCentsOptions } from './format-money';
export { sharesFromCents, splitCentsByShares, sumCents } from './sum-cents';
