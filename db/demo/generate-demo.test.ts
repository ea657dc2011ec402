import { describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../../lib/fiscal-year';
import { FUNDING_SOURCES } from '../reference/funding-sources';
import { HEALTH_FIRST } from '../reference/health-first';
import { checkPayment, moneyDateProblem } from '@/lib/services/expenditures/guardrails';
import { MAX_ALLOCATION_CENTS, MIN_ALLOCATION_CENTS } from './allocations';
import { DEMO_AS_OF, DEMO_FISCAL_YEARS, fiscalYearOfDate, fiscalYearWindow, generateDemoData } from './generate-demo';

const data = generateDemoData();
const localityBySlug = new Map(data.localities.map((l) => [l.slug, l]));
const allocationByKey = new Map(data.allocations.map((a) => [a.importKey, a]));
const startMonthOf = (slug: string) => localityBySlug.get(slug)!.fyStartMonth;
const receiptFiscalYear = (r: { localitySlug: string; receivedOn: string }) =>
  fiscalYearOfDate(r.receivedOn, startMonthOf(r.localitySlug));

describe('generateDemoData', () => {
  it('is deterministic', () => {
    expect(generateDemoData()).toEqual(data);
  });

  it('has a fictional state parent and at least four fictional localities under it', () => {
    expect(DEMO_FISCAL_YEARS).toEqual([2025, 2026, 2027]);
    const [state, ...children] = data.localities;
    expect(state).toMatchObject({ kind: 'state', stateCode: 'ZZ', parentSlug: null });
    expect(children.length).toBeGreaterThanOrEqual(4);
    expect(new Set(children.map((l) => l.fyStartMonth))).toEqual(new Set([1, 7, 10]));
    for (const l of data.localities) {
      expect(l.name).toMatch(/\(demo\)$/);
      expect(l.stateCode).toBe('ZZ');
      expect(l.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    for (const l of children) {
      expect(l.parentSlug).toBe(state!.slug);
      expect(l.population).toBeGreaterThanOrEqual(30_000);
      expect(l.population).toBeLessThanOrEqual(900_000);
    }
    expect(new Set(data.localities.map((l) => l.slug)).size).toBe(data.localities.length);
  });

  it('gives each locality 8–15 recipients with unique names, some led by people with lived experience', () => {
    for (const l of data.localities.filter((x) => x.kind !== 'state')) {
      const names = data.recipients.filter((r) => r.localitySlug === l.slug).map((r) => r.name.toLowerCase());
      expect(names.length).toBeGreaterThanOrEqual(8);
      expect(names.length).toBeLessThanOrEqual(15);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(data.recipients.some((r) => r.livedExperienceLed && r.type === 'community_based_organization')).toBe(true);
  });

  it('uses unique import keys and known sources, localities and recipients', () => {
    const keys = [...data.receipts, ...data.allocations, ...data.expenditures].map((x) => x.importKey);
    expect(new Set(keys).size).toBe(keys.length);
    const sources = new Set(FUNDING_SOURCES.map((s) => s.key));
    for (const r of data.receipts) expect(sources.has(r.sourceKey), r.sourceKey).toBe(true);
    for (const a of data.allocations) {
      expect(sources.has(a.sourceKey), a.sourceKey).toBe(true);
      expect(localityBySlug.has(a.localitySlug)).toBe(true);
      expect(data.recipients.some((r) => r.localitySlug === a.localitySlug && r.name === a.recipientName)).toBe(true);
      expect(a.program.trim()).not.toBe('');
    }
  });

  it('has 300–400 allocations of $5,000 to $1.5M in integer cents', () => {
    expect(data.allocations.length).toBeGreaterThanOrEqual(300);
    expect(data.allocations.length).toBeLessThanOrEqual(400);
    for (const a of data.allocations) {
      expect(typeof a.amountCents).toBe('bigint');
      expect(a.amountCents >= MIN_ALLOCATION_CENTS && a.amountCents <= MAX_ALLOCATION_CENTS).toBe(true);
      expect(DEMO_FISCAL_YEARS).toContain(a.fiscalYear);
    }
  });

  it('splits every allocation into 1–3 health-first categories whose shares sum to 10000', () => {
    const keys = new Set(HEALTH_FIRST.categories.map((c) => c.key));
    let multi = 0;
    for (const a of data.allocations) {
      expect(a.splits.length).toBeGreaterThanOrEqual(1);
      expect(a.splits.length).toBeLessThanOrEqual(3);
      for (const s of a.splits) {
        expect(keys.has(s.categoryKey), s.categoryKey).toBe(true);
        expect(Number.isInteger(s.shareBasisPoints) && s.shareBasisPoints > 0).toBe(true);
      }
      expect(new Set(a.splits.map((s) => s.categoryKey)).size).toBe(a.splits.length);
      expect(a.splits.reduce((sum, s) => sum + s.shareBasisPoints, 0)).toBe(10000);
      if (a.splits.length > 1) multi += 1;
    }
    // About a third are split across categories.
    expect(multi / data.allocations.length).toBeGreaterThan(0.25);
    expect(multi / data.allocations.length).toBeLessThan(0.45);
  });

  it('leaves a few (~3%) descriptions empty for completeness checks, and mostly approves', () => {
    const empty = data.allocations.filter((a) => a.description === '').length;
    expect(empty).toBeGreaterThanOrEqual(3);
    expect(empty / data.allocations.length).toBeLessThan(0.06);
    const approved = data.allocations.filter((a) => a.status === 'approved').length;
    expect(approved / data.allocations.length).toBeGreaterThan(0.7);
    const undecided = data.allocations.filter((a) => a.status !== 'approved');
    expect(undecided.filter((a) => a.fiscalYear === 2027).length).toBeGreaterThan(undecided.length / 2);
  });

  it('dates receipts and payments inside the fiscal year for the locality\u2019s start month, none after today', () => {
    for (const r of data.receipts) {
      expect(r.receivedOn <= DEMO_AS_OF).toBe(true);
      expect(r.amountCents > 0n).toBe(true);
      const fy = receiptFiscalYear(r);
      expect(DEMO_FISCAL_YEARS).toContain(fy);
      // Agrees with the application's own fiscal-year rule.
      expect(fiscalYearOf(r.receivedOn, startMonthOf(r.localitySlug))).toBe(fy);
      expect(r.importKey).toContain(`:${fy}:`);
    }
    for (const e of data.expenditures) {
      const a = allocationByKey.get(e.allocationImportKey)!;
      const { start, end } = fiscalYearWindow(a.fiscalYear, startMonthOf(a.localitySlug));
      expect(e.paidOn >= start && e.paidOn <= end, `${e.importKey} ${e.paidOn}`).toBe(true);
      expect(e.paidOn <= DEMO_AS_OF).toBe(true);
      expect(fiscalYearOf(e.paidOn, startMonthOf(a.localitySlug))).toBe(a.fiscalYear);
    }
  });

  it('pays only approved allocations and never more than allocated', () => {
    const spent = new Map<string, bigint>();
    for (const e of data.expenditures) {
      const a = allocationByKey.get(e.allocationImportKey);
      expect(a, e.allocationImportKey).toBeDefined();
      expect(a!.status).toBe('approved');
      expect(e.amountCents > 0n).toBe(true);
      expect(e.description.trim()).not.toBe('');
      spent.set(e.allocationImportKey, (spent.get(e.allocationImportKey) ?? 0n) + e.amountCents);
    }
    for (const [key, total] of spent) expect(total <= allocationByKey.get(key)!.amountCents, key).toBe(true);
    const perAllocation = new Map<string, number>();
    for (const e of data.expenditures) perAllocation.set(e.allocationImportKey, (perAllocation.get(e.allocationImportKey) ?? 0) + 1);
    expect(Math.max(...perAllocation.values())).toBeLessThanOrEqual(5);
    expect(data.expenditures.length).toBeGreaterThanOrEqual(700);
    expect(data.expenditures.length).toBeLessThanOrEqual(1200);
    // The current year is partial, so it has far fewer payments.
    const byYear = (fy: number) => data.expenditures.filter((e) => allocationByKey.get(e.allocationImportKey)!.fiscalYear === fy).length;
    expect(byYear(2027)).toBeLessThan(byYear(2026) / 3);
  });

  it('never budgets more than a locality has received, counting carry-over', () => {
    for (const l of data.localities.filter((x) => x.kind !== 'state')) {
      let balance = 0n;
      for (const fy of DEMO_FISCAL_YEARS) {
        balance += data.receipts
          .filter((r) => r.localitySlug === l.slug && receiptFiscalYear(r) === fy)
          .reduce((sum, r) => sum + r.amountCents, 0n);
        balance -= data.allocations
          .filter((a) => a.localitySlug === l.slug && a.fiscalYear === fy)
          .reduce((sum, a) => sum + a.amountCents, 0n);
        expect(balance >= 0n, `${l.slug} FY${fy}`).toBe(true);
      }
    }
  });

  it('schedules every settlement payment: what arrived was expected in full, the rest is due later, and one is overdue', () => {
    const key = (x: { localitySlug: string; sourceKey: string; paymentYear: number | null }) => `${x.localitySlug}:${x.sourceKey}:${x.paymentYear}`;
    const expected = new Map(data.expectedPayments.map((e) => [key(e), e]));
    expect(expected.size).toBe(data.expectedPayments.length);
    const settlementReceipts = data.receipts.filter((r) => r.paymentYear !== null);
    expect(settlementReceipts.length).toBeGreaterThan(50);
    for (const receipt of settlementReceipts) {
      expect(expected.get(key(receipt))?.amountCents, receipt.importKey).toBe(receipt.amountCents);
    }
    // Grants have no payment year and no schedule.
    for (const receipt of data.receipts.filter((r) => r.sourceKey.endsWith('-grant'))) expect(receipt.paymentYear).toBeNull();
    const received = new Set(settlementReceipts.map(key));
    const waiting = data.expectedPayments.filter((e) => !received.has(key(e)));
    expect(waiting.length).toBeGreaterThan(0);
    const overdue = waiting.filter((e) => e.expectedOn < DEMO_AS_OF);
    expect(overdue.map((e) => [e.localitySlug, e.sourceKey, e.paymentYear])).toEqual([['cedarholm-county', 'amneal', 2026]]);
    for (const e of waiting) expect(e.amountCents).toBeGreaterThan(0n);
  });

  it('receives roughly $2–$8 per resident in each complete year', () => {
    for (const l of data.localities.filter((x) => x.kind !== 'state')) {
      const total = data.receipts
        .filter((r) => r.localitySlug === l.slug && receiptFiscalYear(r) === 2025)
        .reduce((sum, r) => sum + r.amountCents, 0n);
      const perResident = total / BigInt(l.population);
      expect(perResident >= 200n && perResident <= 800n, `${l.slug}: ${perResident} cents`).toBe(true);
    }
  });

  it('keeps the guardrails the forms and imports enforce: dates in range, payments within approved lines', () => {
    for (const r of data.receipts) expect(moneyDateProblem(r.receivedOn, 'receipt', DEMO_AS_OF), r.importKey).toBeNull();
    const paid = new Map<string, bigint>();
    for (const x of data.expenditures) {
      expect(moneyDateProblem(x.paidOn, 'payment', DEMO_AS_OF), x.importKey).toBeNull();
      const line = allocationByKey.get(x.allocationImportKey)!;
      const budget = { id: 0, program: line.importKey, fiscalYear: 0, status: line.status, amountCents: line.amountCents };
      const check = checkPayment({ ...budget, paidCents: paid.get(line.importKey) ?? 0n }, x.amountCents, null);
      expect(check, x.importKey).toEqual({ ok: true, overspend: false });
      paid.set(line.importKey, (paid.get(line.importKey) ?? 0n) + x.amountCents);
    }
  });
});
