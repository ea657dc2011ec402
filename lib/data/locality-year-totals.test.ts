import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { seedDemoData } from '@/lib/demo/seed-demo';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import type { Actor } from '@/lib/auth/authorize';
import { AppError } from '@/lib/errors';
import { createAllocation } from '@/lib/services/allocations/create';
import { todayIso } from '@/lib/fiscal-year';
import { createExpenditure } from '@/lib/services/expenditures/create';
import { createReceipt } from '@/lib/services/receipts/create';
import { decideAllocation } from '@/lib/services/allocations/decide';
import { deleteAllocation } from '@/lib/services/allocations/delete';
import { deleteExpenditure } from '@/lib/services/expenditures/delete';
import { deleteReceipt } from '@/lib/services/receipts/delete';
import { cliActor } from '@/lib/services/import/actor';
import { commitAllocationImport } from '@/lib/services/import/allocations';
import { returnAllocationToDraft } from '@/lib/services/allocations/return-to-draft';
import { submitAllocation } from '@/lib/services/allocations/submit';
import { createServiceFixture, type ServiceFixture } from '@/lib/services/testing';
import { updateAllocation } from '@/lib/services/allocations/update';
import { updateExpenditure } from '@/lib/services/expenditures/update';
import { updateReceipt } from '@/lib/services/receipts/update';
import { postMoney } from '@/lib/services/money/post';
import { getLocalityTotals } from './locality-totals';
import { listFiscalYears, listLocalitiesWithTotals } from './localities';
import { rawFiscalYears, rawLocalitiesWithTotals, rawYearTotals, storedYearTotals } from './testing/locality-totals-oracle';
import { queryRows } from './rows';

/**
 * locality_year_totals is kept by triggers. These tests drive random sequences of writes through the app's own verbs
 * (the ones the staff pages and the import call) and, after every transaction, compare the table with the totals
 * computed from the raw rows (testing/locality-totals-oracle.ts).
 */

type Side = 'A' | 'B';

/** One write, with the choices it needs as plain numbers; `pick` selects among the rows that exist at that moment. */
type Command =
  | { kind: 'createAllocation'; side: Side; fy: number; dollars: number; stage: 'draft' | 'submitted' | 'approved' }
  | { kind: 'updateAllocation'; pick: number; fy: number; dollars: number }
  | { kind: 'submit' | 'approve' | 'return' | 'toDraft' | 'deleteAllocation'; pick: number }
  | { kind: 'createReceipt'; side: Side; day: number; dollars: number; post: boolean }
  | { kind: 'updateReceipt'; pick: number; day: number; dollars: number }
  | { kind: 'deleteReceipt'; pick: number }
  | { kind: 'createExpenditure'; pick: number; day: number; dollars: number; post: boolean }
  | { kind: 'postMoney'; receipt: boolean; pick: number }
  | { kind: 'updateExpenditure'; pick: number; target: number; day: number; dollars: number }
  | { kind: 'deleteExpenditure'; pick: number }
  | { kind: 'import'; side: Side; fy: number; lines: number; approved: boolean; seed: number };

const MONEY_KINDS = ['createReceipt', 'updateReceipt', 'deleteReceipt', 'createExpenditure', 'postMoney', 'updateExpenditure', 'deleteExpenditure'] as const;
type MoneyCommand = Extract<Command, { kind: (typeof MONEY_KINDS)[number] }>;

function isMoneyCommand(c: Command): c is MoneyCommand {
  return (MONEY_KINDS as readonly string[]).includes(c.kind);
}

const side = fc.constantFrom<Side>('A', 'B');
const fy = fc.integer({ min: 2025, max: 2027 });
const pick = fc.nat({ max: 1000 });
// Days from 2024-07-01: dates across FY2025–FY2027 for both July and October starts.
const day = fc.integer({ min: 0, max: 1090 });
const dollars = fc.integer({ min: -500, max: 90_000 });
const positive = fc.integer({ min: 0, max: 90_000 });

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('createAllocation' as const), side, fy, dollars: positive, stage: fc.constantFrom('draft' as const, 'submitted' as const, 'approved' as const) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('updateAllocation' as const), pick, fy, dollars: positive }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom('submit' as const, 'approve' as const, 'return' as const, 'toDraft' as const, 'deleteAllocation' as const), pick }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('createReceipt' as const), side, day, dollars, post: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('updateReceipt' as const), pick, day, dollars }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deleteReceipt' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('createExpenditure' as const), pick, day, dollars, post: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('postMoney' as const), receipt: fc.boolean(), pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('updateExpenditure' as const), pick, target: pick, day, dollars }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('deleteExpenditure' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('import' as const), side, fy, lines: fc.integer({ min: 1, max: 12 }), approved: fc.boolean(), seed: fc.nat() }), weight: 1 },
);

// Money is dated no later than today (lib/services/expenditures/guardrails.ts): days past today wrap around.
const DAYS_TO_TODAY = Math.floor((Date.parse(todayIso()) - Date.UTC(2024, 6, 1)) / 86_400_000);

function dateOf(days: number): string {
  return new Date(Date.UTC(2024, 6, 1) + (days % (DAYS_TO_TODAY + 1)) * 86_400_000).toISOString().slice(0, 10);
}

describeEachDriver('locality_year_totals', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let f: ServiceFixture;
  let reviewerB: Actor;
  let imports = 0;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.handle.db;
    f = await createServiceFixture(db);
    const [user] = await db.insert(users).values({ email: 'rex@birch.test', name: 'Rex Reviewer' }).returning({ id: users.id });
    await db.insert(memberships).values({ userId: user!.id, localityId: f.localityB, role: 'reviewer' });
    reviewerB = { userId: user!.id, email: 'rex@birch.test', name: 'Rex Reviewer', isSiteAdmin: false, memberships: new Map([[f.localityB, 'reviewer']]) };
  });
  afterAll(() => database?.drop());

  const localityOf = (s: Side) => (s === 'A' ? f.localityA : f.localityB);
  const editorOf = (localityId: number) => (localityId === f.localityA ? f.editorA : f.editorB);
  const reviewerOf = (localityId: number) => (localityId === f.localityA ? f.reviewerA : reviewerB);

  async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    return queryRows<T>(db, query);
  }

  function chosen<T>(list: T[], index: number): T | undefined {
    return list.length === 0 ? undefined : list[index % list.length];
  }

  /** One live receipt or payment, chosen by `index`; `unposted`: only drafts. */
  async function moneyRow(table: 'receipts' | 'expenditures', index: number, unposted = false) {
    const list = await rows<{ id: number; version: number; localityId: number }>(
      sql`select id, version, locality_id as "localityId" from ${sql.raw(table)}
          where deleted_at is null${unposted ? sql` and posted_at is null` : sql``} order by id`,
    );
    return chosen(list, index);
  }

  async function allocation(index: number, statuses: string[]) {
    const list = await rows<{ id: number; version: number; localityId: number; status: string }>(
      sql`select id, version, locality_id as "localityId", status::text as status from allocations
          where deleted_at is null and status::text in (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)}) order by id`,
    );
    return chosen(list, index);
  }

  function allocationForm(localityId: number, year: number, amount: number, program: string) {
    return {
      localityId: String(localityId),
      fiscalYear: String(year),
      program,
      description: 'Naloxone kits for the county libraries',
      amount: String(amount),
      recipientMode: 'none',
      splits: [{ categoryId: String(f.category('health-first', 'naloxone')), percent: '100' }],
    };
  }

  function receiptForm(day: number, dollars: number, note: string) {
    return { sourceId: String(f.sourceId), receivedOn: dateOf(day), amount: String(dollars), note };
  }

  function paymentForm(allocationId: number, day: number, dollars: number, description: string) {
    return {
      allocationId: String(allocationId),
      paidOn: dateOf(day),
      amount: String(Math.abs(dollars)),
      description,
      overspendReason: 'Random payments may exceed their line',
    };
  }

  async function apply(c: Command): Promise<boolean> {
    return isMoneyCommand(c) ? applyMoney(c) : applyLine(c);
  }

  async function applyLine(c: Exclude<Command, MoneyCommand>): Promise<boolean> {
    switch (c.kind) {
      case 'createAllocation': {
        const localityId = localityOf(c.side);
        const editor = editorOf(localityId);
        const { id } = await createAllocation({ db, actor: editor }, allocationForm(localityId, c.fy, c.dollars, `Line ${c.dollars}`));
        if (c.stage === 'draft') return true;
        await submitAllocation({ db, actor: editor }, { id, version: 1 });
        if (c.stage === 'submitted') return true;
        await decideAllocation({ db, actor: reviewerOf(localityId) }, { id, version: 2, decision: 'approve', reason: '' });
        return true;
      }
      case 'updateAllocation': {
        const line = await allocation(c.pick, ['draft', 'returned']);
        if (!line) return false;
        await updateAllocation({ db, actor: editorOf(line.localityId) }, {
          ...allocationForm(line.localityId, c.fy, c.dollars, `Edited ${c.dollars}`),
          id: line.id,
          version: line.version,
        });
        return true;
      }
      case 'submit': {
        const line = await allocation(c.pick, ['draft', 'returned']);
        if (!line) return false;
        await submitAllocation({ db, actor: editorOf(line.localityId) }, { id: line.id, version: line.version });
        return true;
      }
      case 'approve':
      case 'return': {
        const line = await allocation(c.pick, ['submitted']);
        if (!line) return false;
        await decideAllocation({ db, actor: reviewerOf(line.localityId) }, {
          id: line.id,
          version: line.version,
          decision: c.kind,
          reason: c.kind === 'return' ? 'Needs a recipient' : '',
        });
        return true;
      }
      case 'toDraft': {
        const line = await allocation(c.pick, ['submitted', 'approved']);
        if (!line) return false;
        await returnAllocationToDraft({ db, actor: editorOf(line.localityId) }, { id: line.id, version: line.version, reason: 'Amount changes' });
        return true;
      }
      case 'deleteAllocation': {
        const line = await allocation(c.pick, ['draft', 'returned']);
        if (!line) return false;
        await deleteAllocation({ db, actor: editorOf(line.localityId) }, { id: line.id, version: line.version });
        return true;
      }
      case 'import': {
        imports += 1;
        const header = 'Fiscal Year,Program,Category,Amount Allocated,Spent to date,Status';
        const lines = Array.from({ length: c.lines }, (_, i) => {
          const amount = ((c.seed + i * 7919) % 50_000) + 1;
          const spent = i % 3 === 0 ? `${Math.floor(amount / 2)}` : '';
          return `FY${c.fy},Imported ${imports}-${i},naloxone,${amount},${spent},${c.approved ? 'approved' : 'draft'}`;
        });
        const result = await commitAllocationImport({ db, actor: cliActor() }, {
          localityId: localityOf(c.side),
          fileName: `import-${imports}.csv`,
          bytes: new TextEncoder().encode([header, ...lines].join('\n') + '\n'),
          today: '2027-06-30',
        });
        if (!result.ok) throw new Error(`import refused: ${result.reason} ${JSON.stringify(result.errors)}`);
        return true;
      }
    }
  }

  async function applyMoney(c: MoneyCommand): Promise<boolean> {
    switch (c.kind) {
      case 'createReceipt': {
        const localityId = localityOf(c.side);
        await createReceipt({ db, actor: editorOf(localityId) }, { ...receiptForm(c.day, c.dollars, ''), localityId: String(localityId), intent: c.post ? 'post' : 'draft' });
        return true;
      }
      case 'postMoney': {
        // Drafts count once posted: the table must follow the posting, in the payment's or receipt's own year.
        const draft = await moneyRow(c.receipt ? 'receipts' : 'expenditures', c.pick, true);
        if (!draft) return false;
        await postMoney({ db, actor: editorOf(draft.localityId) }, {
          localityId: draft.localityId,
          kind: c.receipt ? 'receipt' : 'expenditure',
          lines: [{ id: draft.id, version: draft.version }],
        });
        return true;
      }
      case 'updateReceipt':
      case 'deleteReceipt': {
        const receipt = await moneyRow('receipts', c.pick);
        if (!receipt) return false;
        const editor = editorOf(receipt.localityId);
        if (c.kind === 'deleteReceipt') {
          await deleteReceipt({ db, actor: editor }, { id: receipt.id, version: receipt.version });
        } else {
          await updateReceipt({ db, actor: editor }, { ...receiptForm(c.day, c.dollars, 'corrected'), id: receipt.id, version: receipt.version });
        }
        return true;
      }
      case 'createExpenditure': {
        // A payment is recorded against an approved line (lib/services/expenditures/guardrails.ts); the line may go back to draft
        // afterwards ('toDraft'), and spending under a draft must not count until approved again.
        const line = await allocation(c.pick, ['approved']);
        if (!line) return false;
        await createExpenditure({ db, actor: editorOf(line.localityId) }, {
          ...paymentForm(line.id, c.day, c.dollars, ''),
          localityId: String(line.localityId),
          intent: c.post ? 'post' : 'draft',
        });
        return true;
      }
      case 'updateExpenditure':
      case 'deleteExpenditure': {
        const payment = await moneyRow('expenditures', c.pick);
        if (!payment) return false;
        const editor = editorOf(payment.localityId);
        if (c.kind === 'deleteExpenditure') {
          await deleteExpenditure({ db, actor: editor }, { id: payment.id, version: payment.version });
          return true;
        }
        // Moves the payment to another line of the same locality (or keeps it), in another year, for another amount.
        const targets = await rows<{ id: number }>(
          sql`select id from allocations where locality_id = ${payment.localityId} and deleted_at is null and status = 'approved' order by id`,
        );
        const target = chosen(targets, c.target);
        if (!target) return false;
        await updateExpenditure({ db, actor: editor }, { ...paymentForm(target.id, c.day, c.dollars, 'moved'), id: payment.id, version: payment.version });
        return true;
      }
    }
  }

  async function expectExact(label: string): Promise<void> {
    const [stored, raw] = await Promise.all([storedYearTotals(db), rawYearTotals(db)]);
    expect(stored, label).toEqual(raw);
    const [dirty] = await rows<{ n: number }>(sql`select count(*)::int as n from locality_totals_dirty`);
    expect(dirty!.n, `${label}: notes left after commit`).toBe(0);
  }

  // 25 or 35 runs of up to 10 writes, each checked against the raw totals: about 20 s alone on PGlite, over a minute
  // beside the browser and fault tests in npm test.
  it('after every transaction of random writes through the services, the table equals the totals of the rows', { timeout: 240_000 }, async () => {
    const written = new Map<Command['kind'], number>();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        for (const c of commands) {
          try {
            if (await apply(c)) written.set(c.kind, (written.get(c.kind) ?? 0) + 1);
          } catch (error) {
            // A verb may refuse (an approved line cannot be edited, a version moved on…); anything else is a bug.
            if (!(error instanceof AppError)) throw error;
            refused += 1;
          }
          await expectExact(JSON.stringify(c));
        }
      }),
      // No shrinking: the database keeps its state between runs, so a smaller replay would not show the cause.
      { numRuns: driver === 'pglite' ? 25 : 35, seed: 7_2026, endOnFailure: true },
    );
    // Every kind of write happened, and the totals reached every kind of figure, not only empty ones.
    const kinds: Command['kind'][] = [
      'createAllocation', 'updateAllocation', 'submit', 'approve', 'return', 'toDraft', 'deleteAllocation', 'createReceipt',
      'updateReceipt', 'deleteReceipt', 'createExpenditure', 'updateExpenditure', 'deleteExpenditure', 'import', 'postMoney',
    ];
    expect(kinds.filter((kind) => !written.has(kind)), `refused: ${refused}`).toEqual([]);
    const stored = await storedYearTotals(db);
    expect(stored.some((row) => row.lines > 0 && row.payments > 0 && row.receipts > 0)).toBe(true);
  });

  it('the app reads (home list, fiscal years, one locality) answer exactly what the raw queries answer', async () => {
    for (const year of [2024, 2025, 2026, 2027, 2028]) {
      const fromTable = (await listLocalitiesWithTotals(db, year))
        .map((l) => ({ id: l.id, received: String(l.receivedCents), allocated: String(l.allocatedCents), spent: String(l.spentCents), approvedLines: l.approvedLines }))
        .sort((a, b) => a.id - b.id);
      const raw = (await rawLocalitiesWithTotals(db, year)).sort((a, b) => a.id - b.id);
      expect(fromTable, `FY${year}`).toEqual(raw);
      for (const l of raw) {
        const totals = await getLocalityTotals(db, l.id, year);
        expect([String(totals.receivedCents), String(totals.allocatedCents), String(totals.spentCents)]).toEqual([l.received, l.allocated, l.spent]);
      }
    }
    expect(await listFiscalYears(db)).toEqual(await rawFiscalYears(db));
    for (const id of [f.localityA, f.localityB]) expect(await listFiscalYears(db, id)).toEqual(await rawFiscalYears(db, id));
    expect((await listFiscalYears(db)).length).toBeGreaterThan(1);
  });

  it('abate_rebuild_locality_totals and abate_refresh_locality_totals repair totals written wrong with triggers off', async () => {
    const before = await storedYearTotals(db);
    await db.execute(sql`update locality_year_totals set spent_cents = spent_cents + 1, received_cents = 0`);
    expect(await storedYearTotals(db)).not.toEqual(before);
    await db.execute(sql`select abate_refresh_locality_totals(${f.localityA}::integer, 0::smallint)`);
    const afterOne = await storedYearTotals(db);
    expect(afterOne.filter((r) => r.localityId === f.localityA)).toEqual(before.filter((r) => r.localityId === f.localityA));
    expect(afterOne.filter((r) => r.localityId === f.localityB)).not.toEqual(before.filter((r) => r.localityId === f.localityB));
    await db.execute(sql`select abate_rebuild_locality_totals()`);
    expect(await storedYearTotals(db)).toEqual(before);
    await expectExact('after rebuild');
  });

  it('refuses a payment filed under another locality’s line (what lets a line touch only its own totals)', async () => {
    const [line] = await rows<{ id: number }>(sql`select id from allocations where locality_id = ${f.localityA} order by id limit 1`);
    await expect(
      db.execute(sql`insert into expenditures (allocation_id, locality_id, paid_on, fiscal_year, amount_cents)
                     values (${line!.id}, ${f.localityB}, '2026-01-01', 2026, 100)`),
    ).rejects.toThrow();
    await expectExact('after the refused payment');
  });

  it('a transaction that writes many statements into one locality recomputes it once, at commit', async () => {
    await db.transaction(async (tx) => {
      for (let i = 0; i < 30; i += 1) {
        await tx.execute(sql`insert into receipts (locality_id, source_id, received_on, fiscal_year, amount_cents, posted_at)
                             values (${f.localityB}, ${f.sourceId}, '2026-01-15', 2026, ${100 + i}, now())`);
      }
      const notes = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from locality_totals_dirty`);
      expect(notes[0]!.n).toBe(1);
    });
    await expectExact('after 30 inserts in one transaction');
  });

  it('the demo seed, written with plain inserts, leaves exact totals', async () => {
    const demo = await createTestDatabase(driver);
    try {
      await seedReferenceData(demo.handle.db);
      await seedDemoData(demo.handle.db);
      const stored = await storedYearTotals(demo.handle.db);
      expect(stored.length).toBeGreaterThan(8);
      expect(stored).toEqual(await rawYearTotals(demo.handle.db));
    } finally {
      await demo.drop();
    }
  });

  it('TRUNCATE of a money table leaves exact totals', async () => {
    await db.execute(sql`truncate receipts`);
    await expectExact('after truncate');
    expect((await storedYearTotals(db)).every((row) => row.receipts === 0)).toBe(true);
  });
});
