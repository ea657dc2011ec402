/**
 * A small hand-made data set for the equity tests, where every measure's answer can be worked out on paper. It sits
 * on the services' fixture (lib/services/testing.ts): Alder County (July start) with its people and the reference
 * categories. All amounts below are dollars; the database holds cents.
 *
 * FY2026 (2025-07-01 .. 2026-06-30), APPROVED lines, $110,000 in all:
 *   a1  $40,000  naloxone 100%                       Harbor Harm Reduction (community-based, lived experience)
 *   a2  $30,000  moud 70% / naloxone 30%             Alder Health Department (government)
 *   a3  $20,000  law-enforcement 100%                Alder Sheriff (law enforcement)
 *   a4  $10,000  housing 100%, NO description        Hearth Homes (community-based)
 *   a5   $7,000  NO category split                   Alder Health Department
 *   a6   $3,000  Exhibit E use-i (first responders; crosswalk → law-enforcement)   Alder Sheriff
 * never counted: a draft of $500,000 (naloxone), a deleted approved line of $70,000 (law-enforcement);
 * submitted: s1 $25,000 syringe-services to Harbor Harm Reduction (for "if approved").
 * FY2025: a0 $50,000 naloxone, approved, Harbor Harm Reduction.
 *
 * Payments in FY2026 (approved lines): a1 $10,000 on 2025-08-15 and $5,000 on 2026-01-10; a2 $100.01 on 2025-10-01
 * (split 70/30 by largest remainder: $70.01 / $30.00); a3 $5,000 on 2026-04-01; a0 $2,000 on 2025-09-01. Total
 * $22,100.01. In FY2025: a0 $8,000 on 2024-10-01. A payment of $99,999 against the draft never counts.
 * Receipts: $30,000 on 2024-01-15 (FY2024), $20,000 on 2025-03-01 (FY2025), $40,000 on 2025-08-01 and $10,000 on
 * 2026-02-01 (FY2026).
 * Context: FY2026 100,000 residents and 40 overdose deaths; FY2027 101,000 residents, deaths not known.
 * Deaths by race/ethnicity FY2026: black 12, white 20, hispanic 6, native 2.
 * People served FY2026: a1 black 30, white 40, hispanic 8, native 2; a2 black 10, white 10; the draft 1000 black.
 */
import { eq } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import type { Database, Driver } from '@/db/client';
import {
  allocationSplits,
  allocations,
  contextBreakdowns,
  expenditures,
  localityContext,
  peopleServed,
  receipts,
  recipients,
} from '@/db/schema';
import { useTestDatabase } from '@/db/testing/test-database';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { splitCentsByShares } from '@/lib/money';
import { createServiceFixture, type ServiceFixture } from '@/lib/services/testing';

export interface EquityDataSet {
  f: ServiceFixture;
  localityId: number;
  lines: Record<'a0' | 'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'a6' | 'draft' | 'deleted' | 's1', number>;
  recipients: Record<'harbor' | 'health' | 'sheriff' | 'hearth', number>;
}

const dollars = (amount: number) => BigInt(Math.round(amount * 100));

export async function addRecipient(
  db: Database,
  localityId: number,
  name: string,
  type: typeof recipients.$inferInsert.type,
  livedExperienceLed = false,
): Promise<number> {
  const [row] = await db.insert(recipients).values({ localityId, name, type, livedExperienceLed }).returning({ id: recipients.id });
  return row!.id;
}

export async function addAllocation(
  db: Database,
  values: {
    localityId: number;
    fiscalYear: number;
    amountCents: bigint;
    status?: 'draft' | 'submitted' | 'approved' | 'returned';
    program?: string;
    description?: string;
    recipientId?: number | null;
    splits?: [categoryId: number, shareBasisPoints: number][];
    deleted?: boolean;
  },
): Promise<number> {
  const [row] = await db
    .insert(allocations)
    .values({
      localityId: values.localityId,
      fiscalYear: values.fiscalYear,
      program: values.program ?? 'Program',
      description: values.description ?? 'What the money pays for, in plain language.',
      recipientId: values.recipientId ?? null,
      amountCents: values.amountCents,
      status: values.status ?? 'approved',
      deletedAt: values.deleted ? new Date() : null,
    })
    .returning({ id: allocations.id });
  const id = row!.id;
  const splits = values.splits ?? [];
  if (splits.length > 0) {
    const parts = splitCentsByShares(
      values.amountCents,
      splits.map(([, share]) => share),
    );
    await db.insert(allocationSplits).values(
      splits.map(([categoryId, shareBasisPoints], index) => ({ allocationId: id, categoryId, shareBasisPoints, amountCents: parts[index]! })),
    );
  }
  return id;
}

export async function addExpenditure(db: Database, localityId: number, allocationId: number, paidOn: string, amountCents: bigint, startMonth = 7) {
  await db.insert(expenditures).values({ allocationId, localityId, paidOn, fiscalYear: fiscalYearOf(paidOn, startMonth), amountCents, postedAt: new Date() });
}

export async function addReceipt(db: Database, localityId: number, sourceId: number, receivedOn: string, amountCents: bigint, startMonth = 7) {
  await db.insert(receipts).values({ localityId, sourceId, receivedOn, fiscalYear: fiscalYearOf(receivedOn, startMonth), amountCents, postedAt: new Date() });
}

export async function createEquityDataSet(db: Database): Promise<EquityDataSet> {
  const f = await createServiceFixture(db);
  const localityId = f.localityA;
  const hf = (key: string) => f.category('health-first', key);

  const r = {
    harbor: await addRecipient(db, localityId, 'Harbor Harm Reduction', 'community_based_organization', true),
    health: await addRecipient(db, localityId, 'Alder Health Department', 'government_department'),
    sheriff: await addRecipient(db, localityId, 'Alder Sheriff', 'law_enforcement'),
    hearth: await addRecipient(db, localityId, 'Hearth Homes', 'community_based_organization'),
  };
  const line = (fiscalYear: number, amount: number, rest: Omit<Parameters<typeof addAllocation>[1], 'localityId' | 'fiscalYear' | 'amountCents'>) =>
    addAllocation(db, { localityId, fiscalYear, amountCents: dollars(amount), ...rest });

  const lines: EquityDataSet['lines'] = {
    a0: await line(2025, 50_000, { program: 'Naloxone 2025', recipientId: r.harbor, splits: [[hf('naloxone'), 10_000]] }),
    a1: await line(2026, 40_000, { program: 'Naloxone kits', recipientId: r.harbor, splits: [[hf('naloxone'), 10_000]] }),
    a2: await line(2026, 30_000, {
      program: 'Clinic buprenorphine',
      recipientId: r.health,
      splits: [
        [hf('moud'), 7_000],
        [hf('naloxone'), 3_000],
      ],
    }),
    a3: await line(2026, 20_000, { program: 'Patrol vehicles', recipientId: r.sheriff, splits: [[hf('law-enforcement'), 10_000]] }),
    a4: await line(2026, 10_000, { program: 'Section G, Subsection 9', description: '  ', recipientId: r.hearth, splits: [[hf('housing'), 10_000]] }),
    a5: await line(2026, 7_000, { program: 'Program administration', recipientId: r.health }),
    a6: await line(2026, 3_000, {
      program: 'Task force overtime',
      recipientId: r.sheriff,
      splits: [[f.category('exhibit-e', 'use-i'), 10_000]],
    }),
    draft: await line(2026, 500_000, { program: 'Draft naloxone', status: 'draft', recipientId: r.harbor, splits: [[hf('naloxone'), 10_000]] }),
    deleted: await line(2026, 70_000, {
      program: 'Deleted police line',
      recipientId: r.sheriff,
      deleted: true,
      splits: [[hf('law-enforcement'), 10_000]],
    }),
    s1: await line(2026, 25_000, {
      program: 'Syringe services',
      status: 'submitted',
      recipientId: r.harbor,
      splits: [[hf('syringe-services'), 10_000]],
    }),
  };

  const pay = (allocationId: number, paidOn: string, amount: number) => addExpenditure(db, localityId, allocationId, paidOn, dollars(amount));
  await pay(lines.a0, '2024-10-01', 8_000);
  await pay(lines.a1, '2025-08-15', 10_000);
  await pay(lines.a1, '2026-01-10', 5_000);
  await pay(lines.a2, '2025-10-01', 100.01);
  await pay(lines.a3, '2026-04-01', 5_000);
  await pay(lines.a0, '2025-09-01', 2_000);
  await pay(lines.draft, '2025-09-01', 99_999);

  const receive = (receivedOn: string, amount: number) => addReceipt(db, localityId, f.sourceId, receivedOn, dollars(amount));
  await receive('2024-01-15', 30_000);
  await receive('2025-03-01', 20_000);
  await receive('2025-08-01', 40_000);
  await receive('2026-02-01', 10_000);

  await db.insert(localityContext).values([
    { localityId, fiscalYear: 2026, population: 100_000, overdoseDeaths: 40 },
    { localityId, fiscalYear: 2027, population: 101_000, overdoseDeaths: null },
  ]);
  const group = (groupKey: string, groupLabel: string, overdoseDeaths: number) => ({
    localityId,
    fiscalYear: 2026,
    dimension: 'race_ethnicity' as const,
    groupKey,
    groupLabel,
    overdoseDeaths,
  });
  await db
    .insert(contextBreakdowns)
    .values([group('black', 'Black', 12), group('white', 'White', 20), group('hispanic', 'Hispanic or Latino', 6), group('native', 'American Indian', 2)]);
  const served = (allocationId: number, groupKey: string, people: number) => ({ allocationId, localityId, fiscalYear: 2026, groupKey, people });
  await db
    .insert(peopleServed)
    .values([
      served(lines.a1, 'black', 30),
      served(lines.a1, 'white', 40),
      served(lines.a1, 'hispanic', 8),
      served(lines.a1, 'native', 2),
      served(lines.a2, 'black', 10),
      served(lines.a2, 'white', 10),
      served(lines.draft, 'black', 1000),
    ]);
  return { f, localityId, lines, recipients: r };
}

/**
 * A fresh database of `driver` holding the data set, for the suite this is called in (dropped after it). Call `db()`
 * and read `data` inside tests and hooks: they are set once the suite's first hook has run.
 */
export function useEquityDataSet(driver: Driver): { db: () => Database; readonly data: EquityDataSet } {
  const { db } = useTestDatabase(driver);
  const made: { data?: EquityDataSet } = {};
  // Registered after useTestDatabase's: runs once the database exists.
  beforeAll(async () => {
    made.data = await createEquityDataSet(db());
  });
  return {
    db,
    get data() {
      if (!made.data) throw new Error('the equity data set is read before its suite started');
      return made.data;
    },
  };
}

/** Approves a line directly (the tests of lib/services cover the decision itself). */
export async function approve(db: Database, allocationId: number): Promise<void> {
  await db.update(allocations).set({ status: 'approved' }).where(eq(allocations.id, allocationId));
}
