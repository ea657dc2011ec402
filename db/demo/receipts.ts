import { findFundingSource } from '../reference/funding-sources';
import { dateInMonth, DEMO_AS_OF, fiscalYearWindow } from './dates';
import type { DemoExpectedPayment, DemoReceipt } from './demo-types';
import type { LocalityProfile } from './localities';
import { createRng, type Rng } from './prng';

/**
 * Settlement money reaches a locality once a year per settlement, passed through by the state. Each settlement
 * arrives in its own month and carries a share of the locality's yearly total roughly in proportion to the national
 * settlement sizes (Walmart small because most of it was paid up front; Purdue only from 2026).
 */
const SETTLEMENT_SCHEDULE: ReadonlyArray<{ sourceKey: string; month: number; weight: number }> = [
  { sourceKey: 'distributors', month: 7, weight: 42 },
  { sourceKey: 'janssen', month: 8, weight: 12 },
  { sourceKey: 'purdue-sackler', month: 9, weight: 10 },
  { sourceKey: 'teva', month: 10, weight: 9 },
  { sourceKey: 'walgreens', month: 12, weight: 11 },
  { sourceKey: 'cvs', month: 2, weight: 9 },
  { sourceKey: 'walmart', month: 3, weight: 3 },
  { sourceKey: 'allergan', month: 5, weight: 5 },
  { sourceKey: 'kroger', month: 6, weight: 3 },
];
const TOTAL_WEIGHT = BigInt(SETTLEMENT_SCHEDULE.reduce((sum, s) => sum + s.weight, 0));

/** The calendar year in which `month` falls within fiscal year `fy`. */
function calendarYearOf(fy: number, startMonth: number, month: number): number {
  const startYear = startMonth === 1 ? fy : fy - 1;
  return month >= startMonth ? startYear : startYear + 1;
}

function paysIn(sourceKey: string, year: number): boolean {
  const source = findFundingSource(sourceKey);
  if (!source) throw new Error(`unknown funding source ${sourceKey}`);
  const { firstPaymentYear: first, lastPaymentYear: last } = source;
  return first !== null && last !== null && year >= first && year <= last;
}

/** A settlement's yearly payment to a locality in fiscal year `fy`: when it arrives and what it carries. */
interface SettlementPayment {
  sourceKey: string;
  paymentYear: number;
  month: number;
  receivedOn: string;
  amountCents: bigint;
  /** What the administrator estimated before the payment: the share without the year's variation. */
  estimatedCents: bigint;
}

/** The locality's random stream for the year's receipts: settlements draw first, then grants, from one stream. */
function receiptsRng(profile: LocalityProfile, fy: number): Rng {
  return createRng(`${profile.locality.slug}:${fy}:receipts`);
}

function settlementPayments(profile: LocalityProfile, fy: number, rng: Rng): SettlementPayment[] {
  const { population, fyStartMonth } = profile.locality;
  const yearlyCents = BigInt(population) * BigInt(profile.settlementCentsPerResident);
  const payments: SettlementPayment[] = [];
  for (const { sourceKey, month, weight } of SETTLEMENT_SCHEDULE) {
    const year = calendarYearOf(fy, fyStartMonth, month);
    // Draw before any skip so one source's schedule never shifts another's numbers.
    const day = rng.int(3, 26);
    const jitterPercent = BigInt(rng.int(92, 108));
    if (!paysIn(sourceKey, year)) continue;
    payments.push({
      sourceKey,
      paymentYear: year,
      month,
      receivedOn: dateInMonth(year, month, day),
      amountCents: (yearlyCents * BigInt(weight) * jitterPercent) / (TOTAL_WEIGHT * 100n),
      estimatedCents: (yearlyCents * BigInt(weight)) / TOTAL_WEIGHT,
    });
  }
  return payments;
}

/**
 * The settlement administrator's schedule for one locality's fiscal year: every payment received was estimated at
 * what arrived (received in full); a payment not yet received is estimated at its share, due on the 1st of its
 * month. The demo county also waits on one payment that is overdue, so the flag is seen on its pages.
 */
export function generateExpectedPayments(profile: LocalityProfile, fy: number): DemoExpectedPayment[] {
  const { slug } = profile.locality;
  const expected: DemoExpectedPayment[] = settlementPayments(profile, fy, receiptsRng(profile, fy)).map((payment) => {
    const received = payment.receivedOn <= DEMO_AS_OF;
    return {
      localitySlug: slug,
      sourceKey: payment.sourceKey,
      paymentYear: payment.paymentYear,
      amountCents: received ? payment.amountCents : payment.estimatedCents,
      expectedOn: dateInMonth(payment.paymentYear, payment.month, 1),
      estimatedOn: dateInMonth(payment.paymentYear, 1, 15),
      estimateSource: `Settlement administrator allocation estimate, ${payment.paymentYear} (demo)`,
      importKey: `demo:${slug}:${fy}:expected:${payment.sourceKey}`,
    };
  });
  if (profile.overdue && profile.overdue.fiscalYear === fy) {
    const { sourceKey, paymentYear, amountCents, expectedOn } = profile.overdue;
    expected.push({
      localitySlug: slug,
      sourceKey,
      paymentYear,
      amountCents,
      expectedOn,
      estimatedOn: dateInMonth(paymentYear, 1, 15),
      estimateSource: `State attorney general's notice of the ${paymentYear} payment (demo)`,
      importKey: `demo:${slug}:${fy}:expected:${sourceKey}`,
    });
  }
  return expected;
}

/** Receipts of one locality in one fiscal year, oldest first; none after DEMO_AS_OF. */
export function generateReceipts(profile: LocalityProfile, fy: number): DemoReceipt[] {
  const { slug, fyStartMonth } = profile.locality;
  const rng = receiptsRng(profile, fy);
  const { start, end } = fiscalYearWindow(fy, fyStartMonth);
  const receipts: DemoReceipt[] = [];

  for (const payment of settlementPayments(profile, fy, rng)) {
    if (payment.receivedOn > DEMO_AS_OF) continue;
    const name = findFundingSource(payment.sourceKey)?.name ?? payment.sourceKey;
    receipts.push({
      localitySlug: slug,
      sourceKey: payment.sourceKey,
      receivedOn: payment.receivedOn,
      amountCents: payment.amountCents,
      paymentYear: payment.paymentYear,
      note: `${name}: ${payment.paymentYear} annual payment, passed through by the state`,
      importKey: `demo:${slug}:${fy}:receipt:${payment.sourceKey}:1`,
    });
  }

  for (const grant of profile.grants) {
    grant.months.forEach((month, index) => {
      const year = calendarYearOf(fy, fyStartMonth, month);
      const receivedOn = dateInMonth(year, month, rng.int(5, 20));
      if (!paysIn(grant.sourceKey, year) || receivedOn > DEMO_AS_OF) return;
      const name = findFundingSource(grant.sourceKey)?.name ?? grant.sourceKey;
      receipts.push({
        localitySlug: slug,
        sourceKey: grant.sourceKey,
        receivedOn,
        amountCents: grant.paymentCents,
        paymentYear: null,
        note: `${name}: payment ${index + 1} of ${grant.months.length} for the year`,
        importKey: `demo:${slug}:${fy}:receipt:${grant.sourceKey}:${index + 1}`,
      });
    });
  }

  // Sanity: every date lies in the fiscal year it is filed under.
  for (const r of receipts) {
    if (r.receivedOn < start || r.receivedOn > end) throw new Error(`receipt ${r.importKey} outside FY${fy}`);
  }
  return receipts.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.importKey.localeCompare(b.importKey));
}
