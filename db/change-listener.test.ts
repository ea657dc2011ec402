import { afterAll, beforeAll, expect, it } from 'vitest';
import { cachedPublic, invalidatePublic } from '@/lib/cache/public-cache';
import { emitAudit, withTransaction } from '@/lib/services/context';
import { startChangeListener } from './change-listener';
import { localities } from './schema';
import { createTestDatabase, describeEachDriver, type TestDatabase } from './testing/test-database';

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

describeEachDriver('a committed write empties the cached public reads of every server', (driver) => {
  let database: TestDatabase;
  let stopListening: () => Promise<void>;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    // The listener stands for a second app server: on PostgreSQL it has its own connection.
    stopListening = await startChangeListener(database.handle, database.url ?? undefined);
    await database.handle.db.insert(localities).values([
      { id: 11, slug: 'eleven', name: 'Eleven', kind: 'county', stateCode: 'ZZ' },
      { id: 12, slug: 'twelve', name: 'Twelve', kind: 'county', stateCode: 'ZZ' },
    ]);
    invalidatePublic('*');
  });
  afterAll(async () => {
    await stopListening?.();
    await database?.drop();
  });

  it('drops the changed locality’s entries on commit, keeps other localities’ entries, and ignores rollbacks', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const read = (key: string, localityId: number) => cachedPublic(`${driver}:${key}`, localityId, load);
    expect(await read('a', 11)).toBe(1);
    expect(await read('b', 12)).toBe(2);

    const ctx = { db: database.handle.db, actor: null };
    await withTransaction(ctx, async ({ db: tx }) => {
      await emitAudit(tx, { userId: null, localityId: 11, action: 'update', entity: 'test', entityId: 1 });
      throw new Error('rolled back on purpose');
    }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await read('a', 11)).toBe(1);

    await withTransaction(ctx, async ({ db: tx }) => {
      await emitAudit(tx, { userId: null, localityId: 11, action: 'update', entity: 'test', entityId: 1 });
    });
    expect(await eventually(async () => (await read('a', 11)) !== 1)).toBe(true);
    expect(await read('b', 12)).toBe(2);
  });
});
