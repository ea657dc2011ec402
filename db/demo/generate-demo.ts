/**
 * Deterministic demo data for Abate: a fictional state and four localities over FY2025–FY2027, with receipts,
 * allocations split across health-first categories, and payments. Pure: no database, no clock, no Math.random —
 * every call returns the same data, so screenshots, tests and the public demo agree.
 */
import { generateAllocations } from './allocations';
import { elapsedWindow } from './dates';
import type { DemoAllocation, DemoData, DemoExpectedPayment, DemoExpenditure, DemoReceipt, DemoRecipient } from './demo-types';
import { generateExpenditures } from './expenditures';
import { LOCALITY_PROFILES, STATE_LOCALITY } from './localities';
import { generateExpectedPayments, generateReceipts } from './receipts';

export type {
  AllocationStatus,
  DemoAllocation,
  DemoData,
  DemoExpectedPayment,
  DemoExpenditure,
  DemoLocality,
  DemoReceipt,
  DemoRecipient,
  DemoSplit,
  RecipientType,
} from './demo-types';
export { DEMO_AS_OF, fiscalYearOfDate, fiscalYearWindow } from './dates';

/** FY2027 is the current, partial year (the demo's "today" is 2026-11-23). */
export const DEMO_FISCAL_YEARS: readonly number[] = [2025, 2026, 2027];

export function generateDemoData(): DemoData {
  const recipients: DemoRecipient[] = [];
  const receipts: DemoReceipt[] = [];
  const expectedPayments: DemoExpectedPayment[] = [];
  const allocations: DemoAllocation[] = [];
  const expenditures: DemoExpenditure[] = [];

  for (const profile of LOCALITY_PROFILES) {
    const { slug, fyStartMonth } = profile.locality;
    for (const r of profile.recipients) {
      recipients.push({ localitySlug: slug, name: r.name, type: r.type, livedExperienceLed: r.livedExperienceLed });
    }

    // Money not budgeted in one year carries over to the next, so a year's budget never exceeds what is on hand.
    let carryOverCents = 0n;
    const receivedSoFar: DemoReceipt[] = [];
    for (const fy of DEMO_FISCAL_YEARS) {
      const yearReceipts = generateReceipts(profile, fy);
      receipts.push(...yearReceipts);
      expectedPayments.push(...generateExpectedPayments(profile, fy));
      receivedSoFar.push(...yearReceipts);
      const availableCents = carryOverCents + yearReceipts.reduce((sum, r) => sum + r.amountCents, 0n);
      const budgetCents = (availableCents * BigInt(profile.budgetPercent[fy] ?? 0)) / 100n;

      const generated = generateAllocations({
        profile,
        fy,
        budgetCents,
        receipts: receivedSoFar,
        hasStarted: elapsedWindow(fy, fyStartMonth) !== null,
      });
      for (const item of generated) {
        allocations.push(item.allocation);
        expenditures.push(...generateExpenditures(item, fyStartMonth));
      }
      carryOverCents = availableCents - generated.reduce((sum, g) => sum + g.allocation.amountCents, 0n);
    }
  }

  return {
    localities: [STATE_LOCALITY, ...LOCALITY_PROFILES.map((p) => p.locality)],
    recipients,
    receipts,
    expectedPayments,
    allocations,
    expenditures,
  };
}
