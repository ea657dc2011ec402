import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '@/db/testing/test-database';
import { createAllocation } from '@/lib/services/allocations/create';
import { createExpenditure } from '@/lib/services/expenditures/create';
import { createReceipt } from '@/lib/services/receipts/create';
import { decideAllocation } from '@/lib/services/allocations/decide';
import { cliActor } from '@/lib/services/import/actor';
import { commitAllocationImport } from '@/lib/services/import/allocations';
import { returnAllocationToDraft } from '@/lib/services/allocations/return-to-draft';
import { submitAllocation } from '@/lib/services/allocations/submit';
import { createServiceFixture, type ServiceFixture } from '@/lib/services/testing';
import { rawYearTotals, storedYearTotals } from './testing/locality-totals-oracle';
import { queryRows } from './rows';

/**
 * Two connections writing the same locality at once, on PostgreSQL (PGlite has one connection). Each case leaves
 * both transactions committed and then compares locality_year_totals with the totals of the rows.
 */
describe.skipIf(!postgresAvailable())('locality_year_totals under concurrent writers [postgres]', () => {
  let database: TestDatabase;
  let db: Database;
  let f: ServiceFixture;
  const clients: pg.Client[] = [];

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: database.url! });
    await client.connect();
    clients.push(client);
    return client;
  }

  async function expectExact(label: string): Promise<void> {
    expect(await storedYearTotals(db), label).toEqual(await rawYearTotals(db));
    const [dirty] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from locality_totals_dirty`);
    expect(dirty!.n, label).toBe(0);
  }

  /** An approved line of locality A for FY2026, with one payment already, through the services. */
  async function approvedLine(): Promise<number> {
    const { id } = await createAllocation({ db, actor: f.editorA }, {
      localityId: String(f.localityA),
      fiscalYear: '2026',
      program: 'Peer recovery coaches',
      description: 'Coaches in the emergency department',
      amount: '10,000',
      recipientMode: 'none',
      splits: [{ categoryId: String(f.category('health-first', 'naloxone')), percent: '100' }],
    });
    await submitAllocation({ db, actor: f.editorA }, { id, version: 1 });
    await decideAllocation({ db, actor: f.reviewerA }, { id, version: 2, decision: 'approve', reason: '' });
    await createExpenditure({ db, actor: f.editorA }, {
      localityId: String(f.localityA),
      allocationId: String(id),
      paidOn: '2025-09-01',
      amount: '1,000',
      description: '',
    });
    return id;
  }

  const unapprove = (id: number) =>
    `update allocations set status = 'draft', version = version + 1 where id = ${id} and status = 'approved'`;
  // A payment in FY2027 (July start): a year in which the line had no payment before.
  const pay = (id: number, cents: number) =>
    `insert into expenditures (allocation_id, locality_id, paid_on, fiscal_year, amount_cents, posted_at)
     select ${id}, locality_id, '2026-08-01', 2027, ${cents}, now() from allocations where id = ${id}`;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    db = database.handle.db;
    f = await createServiceFixture(db);
  });
  beforeEach(async () => expectExact('before'));
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await database?.drop();
  });

  /**
   * The race of the first two cases: `one` takes an approved line back to draft while `two` files a payment under
   * it; both transactions are left open, for the case to commit in its order.
   */
  async function unapproveWhilePaying(cents: number): Promise<{ one: pg.Client; two: pg.Client }> {
    const id = await approvedLine();
    const [one, two] = [await connect(), await connect()];
    await one.query('begin');
    await one.query(unapprove(id));
    await two.query('begin');
    await two.query(pay(id, cents)); // not blocked: a status change does not lock the line's key
    return { one, two };
  }

  it('a line taken back from approval while a payment is filed under it: the payment commits first', async () => {
    const { one, two } = await unapproveWhilePaying(2_500);
    await two.query('commit'); // counts the payment: the line is still approved for everyone but `one`
    await one.query('commit'); // must take it out again, though it never saw it before committing
    await expectExact('payment first');
    const [row] = await queryRows<{ spent: string | null }>(
      db,
      sql`select spent_cents::text as spent from locality_year_totals where locality_id = ${f.localityA} and fiscal_year = 2027`,
    );
    expect(row?.spent ?? null).toBeNull();
  });

  it('the same race, the status change commits first', async () => {
    const { one, two } = await unapproveWhilePaying(3_000);
    await one.query('commit');
    await two.query('commit');
    await expectExact('status first');
  });

  it('the second COMMIT waits for the first one’s recompute of the same locality, then sees its rows', async () => {
    const id = await approvedLine();
    const [one, two] = [await connect(), await connect()];
    await two.query('begin');
    await two.query(pay(id, 4_000));
    // `two` is now where its COMMIT would be: holding the locality's lock, recomputing with the line approved.
    await two.query('select pg_advisory_xact_lock(47112007, $1)', [f.localityA]);
    await one.query('begin');
    await one.query(unapprove(id));
    let committed = false;
    const commitOne = one.query('commit').then(() => {
      committed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(committed, 'the status change waits for the lock').toBe(false);
    await two.query('commit');
    await commitOne;
    await expectExact('after waiting');
  });

  it('two transactions touching two localities in opposite orders both commit (locks are taken in order)', async () => {
    const [one, two] = [await connect(), await connect()];
    const receipt = (localityId: number, cents: number) =>
      `insert into receipts (locality_id, source_id, received_on, fiscal_year, amount_cents, posted_at)
       values (${localityId}, ${f.sourceId}, '2026-01-15', 2026, ${cents}, now())`;
    await one.query('begin');
    await two.query('begin');
    await one.query(receipt(f.localityA, 111));
    await two.query(receipt(f.localityB, 222));
    await one.query(receipt(f.localityB, 333));
    await two.query(receipt(f.localityA, 444));
    await Promise.all([one.query('commit'), two.query('commit')]);
    await expectExact('crossed localities');
  });

  it('an import of 2,000 lines while editors write the same locality through the services', async () => {
    const header = 'Fiscal Year,Program,Category,Amount Allocated,Spent to date,Status';
    const lines = Array.from({ length: 2_000 }, (_, i) => `FY${2025 + (i % 3)},Bulk line ${i},naloxone,${1_000 + i},${i % 4 === 0 ? 500 : ''},approved`);
    const line = await approvedLine();
    // Another approved line goes back to draft meanwhile: a status change in the same locality. Not the paid line: a
    // payment that reached it after the return would be refused (a payment needs an approved line), an outcome the
    // unapproveWhilePaying cases above test on their own.
    const returned = await approvedLine();
    const writes: Promise<unknown>[] = [
      commitAllocationImport({ db, actor: cliActor() }, {
        localityId: f.localityA,
        fileName: 'bulk.csv',
        bytes: new TextEncoder().encode([header, ...lines].join('\n') + '\n'),
        today: '2027-06-30',
      }),
    ];
    for (let i = 0; i < 12; i += 1) {
      writes.push(
        createReceipt({ db, actor: f.editorA }, {
          localityId: String(f.localityA),
          sourceId: String(f.sourceId),
          receivedOn: `2026-0${1 + (i % 9)}-10`,
          amount: String(100 + i),
          note: '',
        }),
        createExpenditure({ db, actor: f.secondEditorA }, {
          localityId: String(f.localityA),
          allocationId: String(line),
          paidOn: `2025-1${i % 3}-05`,
          amount: String(10 + i),
          description: '',
        }),
      );
    }
    writes.push(returnAllocationToDraft({ db, actor: f.editorA }, { id: returned, version: 3, reason: 'Recount' }));
    const results = await Promise.allSettled(writes);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const imported = results[0] as PromiseFulfilledResult<{ ok: boolean; created?: number }>;
    expect(imported.value.ok && imported.value.created).toBe(2_000);
    await expectExact('import and edits');
  });
});
