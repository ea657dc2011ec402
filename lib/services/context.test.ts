import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startChangeListener } from '@/db/change-listener';
import { ALL_LOCALITIES, onDataChanged } from '@/db/data-changes';
import { auditLog, localities } from '@/db/schema';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { emitAudit, withTransaction, type ServiceContext } from './context';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await pause(25);
  }
  return false;
}

const audit = (localityId: number | null, entityId: number) => ({ userId: null, localityId, action: 'update', entity: 'test', entityId });

describeEachDriver('withTransaction: one transaction per write, and its change signal at commit', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext<null>;
  let stopListening: () => Promise<void>;
  // The signals this process hears, but not the listener's own "*" when it (re)connects.
  let heard: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    ctx = { db: database.handle.db, actor: null };
    onDataChanged(`context-test-${driver}`, (payload) => {
      if (payload !== ALL_LOCALITIES) heard.push(payload);
    });
    // The listener stands for a second app server: on PostgreSQL it has its own connection.
    stopListening = await startChangeListener(database.handle, database.url ?? undefined);
    await database.handle.db.insert(localities).values([
      { id: 21, slug: 'twenty-one', name: 'Twenty-one', kind: 'county', stateCode: 'ZZ' },
      { id: 22, slug: 'twenty-two', name: 'Twenty-two', kind: 'county', stateCode: 'ZZ' },
    ]);
  });
  afterAll(async () => {
    onDataChanged(`context-test-${driver}`, () => undefined);
    await stopListening?.();
    await database?.drop();
  });
  beforeEach(async () => {
    await pause(100);
    heard = [];
  });

  it('joins the transaction it is given: the inner function runs in the outer transaction, with no savepoint', async () => {
    const sameTransaction = await withTransaction(ctx, async (outer) => {
      await outer.db.insert(localities).values({ id: 31, slug: 'thirty-one', name: 'Thirty-one', kind: 'county', stateCode: 'ZZ' });
      // An inner write whose throw is caught: with a savepoint it would be undone alone; joined, it stays.
      await withTransaction(outer, async (inner) => {
        await inner.db.insert(localities).values({ id: 32, slug: 'thirty-two', name: 'Thirty-two', kind: 'county', stateCode: 'ZZ' });
        throw new Error('caught by the outer function');
      }).catch(() => undefined);
      return withTransaction({ db: outer.db, actor: 'another actor' }, async (inner) => inner.db === outer.db);
    });
    expect(sameTransaction).toBe(true);
    const kept = await database.handle.db.select({ id: localities.id }).from(localities).where(inArray(localities.id, [31, 32]));
    expect(kept.map((row) => row.id).sort()).toEqual([31, 32]);
  });

  it('rolls the outer write back when the inner function throws', async () => {
    await expect(
      withTransaction(ctx, async (outer) => {
        await outer.db.insert(localities).values({ id: 33, slug: 'thirty-three', name: 'Thirty-three', kind: 'county', stateCode: 'ZZ' });
        await withTransaction(outer, async () => {
          throw new Error('refused inside');
        });
      }),
    ).rejects.toThrow('refused inside');
    expect(await database.handle.db.select().from(localities).where(eq(localities.id, 33))).toEqual([]);
  });

  it('signals once at commit, naming the localities of every audit row written in it (nested calls included)', async () => {
    await withTransaction(ctx, async (outer) => {
      await emitAudit(outer.db, [audit(21, 1), audit(21, 2)]);
      await withTransaction(outer, (inner) => emitAudit(inner.db, audit(22, 3)));
      // Nothing is signalled before the commit, however long the transaction lasts.
      await pause(300);
      expect(heard).toEqual([]);
    });
    expect(await eventually(() => heard.length >= 2)).toBe(true);
    await pause(200);
    expect(heard.sort()).toEqual(['21', '22']);
  });

  it('signals nothing when the transaction rolls back, and writes no audit row', async () => {
    await expect(
      withTransaction(ctx, async (tx) => {
        await emitAudit(tx.db, audit(21, 4));
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    await pause(300);
    expect(heard).toEqual([]);
    expect(await database.handle.db.select().from(auditLog).where(eq(auditLog.entityId, '4'))).toEqual([]);
  });

  it('signals "*" for an audit row tied to no locality, and nothing for a transaction without audit rows', async () => {
    await withTransaction(ctx, async () => undefined);
    await pause(300);
    expect(heard).toEqual([]);
    const all: string[] = [];
    onDataChanged(`context-test-${driver}-all`, (payload) => all.push(payload));
    await withTransaction(ctx, (tx) => emitAudit(tx.db, audit(null, 5)));
    expect(await eventually(() => all.includes(ALL_LOCALITIES))).toBe(true);
    onDataChanged(`context-test-${driver}-all`, () => undefined);
  });
});
