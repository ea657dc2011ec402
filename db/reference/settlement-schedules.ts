/**
 * National payment schedules by year, where a stored public source gives one: settlement key (as in
 * funding-sources.ts) → what was or will be paid nationally in each calendar year, in cents. Not wired into the
 * database; expected-payment schedules per locality are built on it.
 *
 * Only Mallinckrodt's is sourced year by year. For the others the sources give totals and spans but no per-year
 * national amounts (the Distributors' and Janssen's yearly amounts are in Exhibit M of their agreements, which no
 * stored page reproduces), so they are left out rather than spread evenly by guess. Known constraints on their shapes:
 * Janssen pays up to $3.7 billion of its $5 billion in the first three years; Walmart pays most of its $2.74 billion
 * in 2023; Kroger pays in equal installments over 11 years from 2025; the Sacklers pay $1.5 billion of their
 * $6.5 billion on the Purdue plan's Effective Date (expected in 2026). Sources: db/reference/funding-sources.ts.
 */
export interface NationalPayment {
  paymentYear: number;
  nationalCents: bigint;
}

export interface SettlementSchedule {
  payments: readonly NationalPayment[];
  /** Where the yearly amounts come from (title and address as the stored copy gives them). */
  sources: readonly string[];
}

const MILLION_DOLLARS_IN_CENTS = 100_000_000n;

export const SETTLEMENT_SCHEDULES: Readonly<Record<string, SettlementSchedule>> = {
  // Paid to the Opioid Master Disbursement Trust II, for governments and individuals alike: $450 million in June
  // 2022, and a final $250 million in 2023 in place of the remaining $1.25 billion.
  mallinckrodt: {
    payments: [
      { paymentYear: 2022, nationalCents: 450n * MILLION_DOLLARS_IN_CENTS },
      { paymentYear: 2023, nationalCents: 250n * MILLION_DOLLARS_IN_CENTS },
    ],
    sources: [
      'Mallinckrodt trust says \u2018gruesome\u2019 opioid payment deal was best it could do — https://squidbusiness.fr/mallinckrodt-trust-says-gruesome-opioid-payment-deal-was-best-it-could-do',
      'Mallinckrodt\u2019s Bankruptcy Plan Would Cut Payments to Opioid Victims by $1 Billion — https://www.mondaynewspaper.com/2023/08/24/mallinckrodts-bankruptcy-plan-would-cut-payments-to-opioid-victims-by-1-billion/',
    ],
  },
};
