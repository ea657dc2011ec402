import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { allocations, expenditures, fundingSources, fundOpeningBalances, localities, receipts } from '@/db/schema';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { fundSpan, getFundYear, getFundYears, rollFund, type FundYear } from './fund';
import { queryRows } from './rows';
import type { FundingSourceKind } from '@/db/reference/funding-sources';

type Kind = FundingSourceKind;
type CostType = 'audit' | 'administrative' | 'salaries' | null;

/** A July-start locality: FY2025 runs 2024-07-01..2025-06-30. */
async function addLocality(db: Database, slug: string): Promise<number> {
  const [row] = await db
    .insert(localities)
    .values({ slug, name: slug, kind: 'county', stateCode: 'ZZ', fyStartMonth: 7 })
    .returning({ id: localities.id });
  return row!.id;
}

async function sourceIds(db: Database): Promise<Record<Kind, number>> {
  const rows = await db.select({ id: fundingSources.id, key: fundingSources.key }).from(fundingSources);
  const id = (key: string) => rows.find((r) => r.key === key)!.id;
  return { settlement: id('distributors'), grant: id('state-grant'), interest: id('interest-earned'), other: id('other-revenue') };
}

/** The first day of a July-start fiscal year's second quarter: inside the year whatever the year is. */
const dayIn = (fiscalYear: number) => `${fiscalYear - 1}-10-01`;

function identityHolds(years: FundYear[]): void {
  years.forEach((year, index) => {
    expect(year.endingCents).toBe(year.beginningCents + year.receivedCents - year.spentCents);
    expect(year.receivedCents).toBe(
      year.receivedSettlementCents + year.receivedGrantCents + year.receivedInterestCents + year.receivedOtherCents,
    );
    if (index > 0) {
      expect(year.beginningCents).toBe(years[index - 1]!.endingCents);
      expect(year.fiscalYear).toBe(years[index - 1]!.fiscalYear + 1);
    }
  });
}

describe('rollFund and fundSpan (pure)', () => {
  it('starts at the opening balance, carries each ending into the next year, and fills years with no money', () => {
    const flows = new Map([
      [2024, { receivedSettlementCents: 500_00n, receivedGrantCents: 0n, receivedInterestCents: 1_23n, receivedOtherCents: 0n, spentCents: 200_00n, auditCents: 10_00n, administrationCents: 0n }],
      [2026, { receivedSettlementCents: 0n, receivedGrantCents: 0n, receivedInterestCents: 0n, receivedOtherCents: 0n, spentCents: 400_00n, auditCents: 0n, administrationCents: 5_00n }],
    ]);
    const years = rollFund({ fiscalYear: 2024, amountCents: 100_00n }, flows, 2024, 2026);
    expect(years.map((y) => [y.fiscalYear, y.beginningCents, y.receivedCents, y.spentCents, y.endingCents])).toEqual([
      [2024, 100_00n, 501_23n, 200_00n, 401_23n],
      [2025, 401_23n, 0n, 0n, 401_23n],
      [2026, 401_23n, 0n, 400_00n, 1_23n],
    ]);
  });

  it('spans from the opening year (or the first year with money) through the later of the last money year and today', () => {
    expect(fundSpan(null, [], 2026)).toBeNull();
    expect(fundSpan({ fiscalYear: 2023, amountCents: 0n }, [], 2026)).toEqual({ first: 2023, last: 2026 });
    expect(fundSpan(null, [2025, 2028], 2026)).toEqual({ first: 2025, last: 2028 });
    // Money recorded before the opening year moves the start back: nothing recorded is left out of a balance.
    expect(fundSpan({ fiscalYear: 2025, amountCents: 0n }, [2024], 2026)).toEqual({ first: 2024, last: 2026 });
  });
});

describeEachDriver('the fund, year by year', (driver) => {
  let testDb: TestDatabase;
  let db: Database;
  let sources: Record<Kind, number>;

  beforeAll(async () => {
    testDb = await createTestDatabase(driver);
    db = testDb.handle.db;
    await seedReferenceData(db);
    sources = await sourceIds(db);
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  async function line(localityId: number, fiscalYear: number, options: { status?: 'approved' | 'draft'; costType?: CostType; deleted?: boolean } = {}) {
    const [row] = await db
      .insert(allocations)
      .values({
        localityId,
        fiscalYear,
        program: 'Program',
        amountCents: 1_000_000_00n,
        status: options.status ?? 'approved',
        costType: options.costType ?? null,
        deletedAt: options.deleted ? new Date() : null,
      })
      .returning({ id: allocations.id });
    return row!.id;
  }

  async function pay(localityId: number, allocationId: number, fiscalYear: number, cents: bigint, options: { costType?: CostType; deleted?: boolean } = {}) {
    await db.insert(expenditures).values({
      allocationId,
      localityId,
      paidOn: dayIn(fiscalYear),
      fiscalYear,
      amountCents: cents,
      costType: options.costType ?? null,
      deletedAt: options.deleted ? new Date() : null,
      postedAt: new Date(),
    });
  }

  async function receive(localityId: number, kind: Kind, fiscalYear: number, cents: bigint, deleted = false) {
    await db.insert(receipts).values({
      localityId,
      sourceId: sources[kind],
      receivedOn: dayIn(fiscalYear),
      fiscalYear,
      amountCents: cents,
      deletedAt: deleted ? new Date() : null,
      postedAt: new Date(),
    });
  }

  it('a known ledger: opening balance, two settlements years, interest, audit and administration, to the cent', async () => {
    const id = await addLocality(db, `known-${driver}`);
    await db.insert(fundOpeningBalances).values({ localityId: id, fiscalYear: 2024, amountCents: 250_000_00n, note: 'From the FY2023 audit' });
    await receive(id, 'settlement', 2024, 1_200_000_00n);
    await receive(id, 'settlement', 2025, 900_000_01n);
    await receive(id, 'interest', 2025, 3_456_78n);
    await receive(id, 'other', 2025, 100_00n);
    await receive(id, 'grant', 2025, 50_000_00n);
    await receive(id, 'settlement', 2025, 777_00n, true); // deleted: not counted
    const treatment = await line(id, 2024, { costType: 'salaries' });
    const admin = await line(id, 2024, { costType: 'administrative' });
    const draft = await line(id, 2024, { status: 'draft' });
    const gone = await line(id, 2024, { deleted: true });
    await pay(id, treatment, 2024, 300_000_00n);
    await pay(id, treatment, 2025, 400_000_00n);
    await pay(id, treatment, 2025, 12_000_00n, { costType: 'audit' }); // the payment's own type wins
    await pay(id, admin, 2025, 45_000_50n);
    await pay(id, admin, 2025, -500_00n); // a refund of administration
    await pay(id, treatment, 2025, 99_00n, { deleted: true });
    await pay(id, draft, 2025, 5_000_00n); // a draft line's payment is not public money spent
    await pay(id, gone, 2025, 6_000_00n);

    const fund = await getFundYears(db, { localityId: id, asOf: '2025-08-15' }); // today is in FY2026
    expect(fund.opening).toEqual({ fiscalYear: 2024, amountCents: 250_000_00n });
    expect(fund.years).toEqual([
      {
        fiscalYear: 2024,
        beginningCents: 250_000_00n,
        receivedSettlementCents: 1_200_000_00n,
        receivedGrantCents: 0n,
        receivedInterestCents: 0n,
        receivedOtherCents: 0n,
        receivedCents: 1_200_000_00n,
        spentCents: 300_000_00n,
        auditCents: 0n,
        administrationCents: 0n,
        endingCents: 1_150_000_00n,
      },
      {
        fiscalYear: 2025,
        beginningCents: 1_150_000_00n,
        receivedSettlementCents: 900_000_01n,
        receivedGrantCents: 50_000_00n,
        receivedInterestCents: 3_456_78n,
        receivedOtherCents: 100_00n,
        receivedCents: 953_556_79n,
        spentCents: 456_500_50n,
        auditCents: 12_000_00n,
        administrationCents: 44_500_50n,
        endingCents: 1_647_056_29n,
      },
      {
        fiscalYear: 2026,
        beginningCents: 1_647_056_29n,
        receivedSettlementCents: 0n,
        receivedGrantCents: 0n,
        receivedInterestCents: 0n,
        receivedOtherCents: 0n,
        receivedCents: 0n,
        spentCents: 0n,
        auditCents: 0n,
        administrationCents: 0n,
        endingCents: 1_647_056_29n,
      },
    ]);

    expect((await getFundYear(db, { localityId: id, fiscalYear: 2025, asOf: '2025-08-15' }))?.endingCents).toBe(1_647_056_29n);
    // A later year carries the balance with nothing in or out; a year before the fund began has no fund.
    const later = await getFundYear(db, { localityId: id, fiscalYear: 2028, asOf: '2025-08-15' });
    expect([later?.beginningCents, later?.receivedCents, later?.endingCents]).toEqual([1_647_056_29n, 0n, 1_647_056_29n]);
    expect(await getFundYear(db, { localityId: id, fiscalYear: 2023, asOf: '2025-08-15' })).toBeNull();
  });

  it('a locality with no opening balance and no money has no fund years', async () => {
    const id = await addLocality(db, `empty-${driver}`);
    expect(await getFundYears(db, { localityId: id })).toEqual({ opening: null, years: [] });
  });

  it('for random ledgers: beginning + received − spent = ending every year, balances roll, received and spent match the locality totals', async () => {
    const entry = fc.oneof(
      fc.record({
        kind: fc.constant('receipt' as const),
        source: fc.constantFrom<Kind>('settlement', 'grant', 'interest', 'other'),
        fy: fc.integer({ min: 2022, max: 2027 }),
        cents: fc.bigInt({ min: -50_000_00n, max: 9_000_000_000_00n }).filter((c) => c !== 0n),
        deleted: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('payment' as const),
        lineFy: fc.integer({ min: 2022, max: 2027 }),
        fy: fc.integer({ min: 2022, max: 2027 }),
        cents: fc.bigInt({ min: -10_000_00n, max: 5_000_000_000_00n }),
        lineStatus: fc.constantFrom('approved' as const, 'approved' as const, 'draft' as const),
        lineDeleted: fc.boolean(),
        lineCost: fc.constantFrom<CostType>(null, 'audit', 'administrative', 'salaries'),
        ownCost: fc.constantFrom<CostType>(null, null, 'audit', 'administrative'),
        deleted: fc.boolean(),
      }),
    );
    const ledger = fc.record({
      opening: fc.option(fc.record({ fy: fc.integer({ min: 2020, max: 2024 }), cents: fc.bigInt({ min: 0n, max: 100_000_000_000n }) })),
      entries: fc.array(entry, { maxLength: 14 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(ledger, async ({ opening, entries }) => {
        run += 1;
        const id = await addLocality(db, `random-${driver}-${run}`);
        if (opening) await db.insert(fundOpeningBalances).values({ localityId: id, fiscalYear: opening.fy, amountCents: opening.cents });
        let expectedAudit = 0n;
        for (const e of entries) {
          if (e.kind === 'receipt') {
            await receive(id, e.source, e.fy, e.cents, e.deleted);
          } else {
            const allocationId = await line(id, e.lineFy, { status: e.lineStatus, costType: e.lineCost, deleted: e.lineDeleted });
            await pay(id, allocationId, e.fy, e.cents, { costType: e.ownCost, deleted: e.deleted });
            const counted = !e.deleted && !e.lineDeleted && e.lineStatus === 'approved';
            if (counted && (e.ownCost ?? e.lineCost) === 'audit') expectedAudit += e.cents;
          }
        }
        const fund = await getFundYears(db, { localityId: id, asOf: '2026-01-15' });
        identityHolds(fund.years);
        if (fund.years.length > 0) {
          expect(fund.years[0]!.beginningCents).toBe(opening?.cents ?? 0n);
          expect(fund.years.at(-1)!.fiscalYear).toBeGreaterThanOrEqual(2026);
        }
        expect(fund.years.reduce((sum, y) => sum + y.auditCents, 0n)).toBe(expectedAudit);

        // What decides "counted" is the locality totals' rule: the same received and spent, year by year.
        const totals = await queryRows<{ fy: number; received: string; spent: string; moved: boolean }>(
          db,
          sql`select fiscal_year::int as fy, received_cents::text as received, spent_cents::text as spent,
                (receipt_count + payment_count) > 0 as moved
              from locality_year_totals where locality_id = ${id}`,
        );
        for (const year of fund.years) {
          const row = totals.find((t) => t.fy === year.fiscalYear);
          expect([year.fiscalYear, year.receivedCents, year.spentCents]).toEqual([
            year.fiscalYear,
            BigInt(row?.received ?? '0'),
            BigInt(row?.spent ?? '0'),
          ]);
        }
        // Every year money moved in or out is in the fund (a year with only an allocation need not be).
        for (const row of totals.filter((t) => t.moved)) expect(fund.years.some((y) => y.fiscalYear === row.fy)).toBe(true);
      }),
      { numRuns: 25, seed: 20_261_313 },
    );
  });

  it('reads the opening balance once it is stored', async () => {
    const id = await addLocality(db, `opening-only-${driver}`);
    await db.insert(fundOpeningBalances).values({ localityId: id, fiscalYear: 2025, amountCents: 1_00n });
    const fund = await getFundYears(db, { localityId: id, asOf: '2025-01-01' });
    expect(fund.years.map((y) => [y.fiscalYear, y.beginningCents, y.endingCents])).toEqual([[2025, 1_00n, 1_00n]]);
    await db.delete(fundOpeningBalances).where(eq(fundOpeningBalances.localityId, id));
  });
});
