import { centsToDecimalString } from '@/lib/money';

/** An amount as the API and downloads write it: exact integer cents and the same value as a decimal. */
export interface ApiMoney {
  /** Integer cents as a string: JSON numbers are doubles and lose whole cents past 2^53. */
  cents: string;
  /** "1234.56": dollars with exactly two decimals, no grouping, "-" for negatives. */
  decimal: string;
}

export const CENTS_PATTERN = /^-?\d+$/;
export const DECIMAL_PATTERN = /^-?\d+\.\d{2}$/;

export function toApiMoney(cents: bigint | string): ApiMoney {
  const value = typeof cents === 'bigint' ? cents : BigInt(cents);
  return { cents: value.toString(), decimal: centsToDecimalString(value) };
}
