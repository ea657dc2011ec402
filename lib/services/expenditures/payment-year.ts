import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { fundingSources } from '@/db/schema';

/**
 * A settlement's payment year: the calendar year of one of its yearly installments. One rule for the receipt form,
 * the expected-payment schedule and its import: it must fall within the settlement's first and last payment years
 * when the reference data gives them (db/reference/funding-sources.ts); interest and other revenue have none.
 */

const YEAR_MESSAGE = 'Enter the payment year as a 4-digit year, like 2024.';

/** "2024" or "FY2024" → 2024; blank → null. */
export const optionalPaymentYearField = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') return value;
    const text = value.trim().replace(/^fy\s*/i, '');
    if (text === '') return null;
    return /^\d{1,6}$/.test(text) ? Number(text) : text;
  },
  z
    .number({ error: YEAR_MESSAGE })
    .int({ error: YEAR_MESSAGE })
    .min(2000, { error: 'The payment year must be between 2000 and 2100.' })
    .max(2100, { error: 'The payment year must be between 2000 and 2100.' })
    .nullable(),
);

export const paymentYearField = optionalPaymentYearField.refine((year) => year !== null, { error: 'Enter the payment year.' });

export interface PaymentSpan {
  id: number;
  name: string;
  kind: 'settlement' | 'grant' | 'interest' | 'other';
  firstPaymentYear: number | null;
  lastPaymentYear: number | null;
}

export async function readPaymentSpan(executor: Executor, sourceId: number): Promise<PaymentSpan | null> {
  const [row] = await executor
    .select({
      id: fundingSources.id,
      name: fundingSources.name,
      kind: fundingSources.kind,
      firstPaymentYear: fundingSources.firstPaymentYear,
      lastPaymentYear: fundingSources.lastPaymentYear,
    })
    .from(fundingSources)
    .where(eq(fundingSources.id, sourceId));
  return row ?? null;
}

/** Every funding source's payment span, with its key, for the imports that check many rows at once. */
export async function readPaymentSpans(executor: Executor): Promise<(PaymentSpan & { key: string })[]> {
  return executor
    .select({
      id: fundingSources.id,
      key: fundingSources.key,
      name: fundingSources.name,
      kind: fundingSources.kind,
      firstPaymentYear: fundingSources.firstPaymentYear,
      lastPaymentYear: fundingSources.lastPaymentYear,
    })
    .from(fundingSources)
    .orderBy(asc(fundingSources.id));
}

/** Why `year` is not a payment year of `source`, or null when it is (or when the span is not known). */
export function paymentYearProblem(source: PaymentSpan, year: number): string | null {
  if (source.kind === 'interest' || source.kind === 'other') {
    return `${source.name} has no payment years; leave the payment year blank.`;
  }
  if (source.firstPaymentYear !== null && year < source.firstPaymentYear) {
    return `${source.name} pays from ${source.firstPaymentYear}${spanEnd(source)}; ${year} is before its first payment year.`;
  }
  if (source.lastPaymentYear !== null && year > source.lastPaymentYear) {
    return `${source.name} pays ${spanStart(source)}through ${source.lastPaymentYear}; ${year} is after its last payment year.`;
  }
  return null;
}

function spanEnd(source: PaymentSpan): string {
  return source.lastPaymentYear === null ? '' : ` through ${source.lastPaymentYear}`;
}

function spanStart(source: PaymentSpan): string {
  return source.firstPaymentYear === null ? '' : `from ${source.firstPaymentYear} `;
}
