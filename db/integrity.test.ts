import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allocationSplits, allocations, auditLog, categories, localities } from './schema';
import { seedReferenceData } from './seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from './testing/test-database';

describeEachDriver('database integrity rules', (driver) => {
  let database: TestDatabase;
  let localityId: number;
  let categoryIds: number[];

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await seedReferenceData(database.handle.db);
    const [locality] = await database.handle.db
      .insert(localities)
      .values({ slug: 'test-county', name: 'Test County', kind: 'county', stateCode: 'ZZ' })
      .returning();
    localityId = locality!.id;
    categoryIds = (await database.handle.db.select({ id: categories.id }).from(categories).limit(2)).map((c) => c.id);
  });
  afterAll(() => database?.drop());

  it('refuses UPDATE and DELETE on the audit log, even in plain SQL', async () => {
    const db = database.handle.db;
    await db.insert(auditLog).values({ action: 'create', entity: 'test', entityId: '1', after: { a: 1 } });
    await expect(db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const rows = await db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(['create']);
  });

  it('refuses category splits that do not add up to 100% and to the amount, and keeps nothing of the attempt', async () => {
    const db = database.handle.db;
    const attempt = db.transaction(async (tx) => {
      const [allocation] = await tx
        .insert(allocations)
        .values({ localityId, fiscalYear: 2026, program: 'Half-tagged', amountCents: 100_00n })
        .returning();
      await tx.insert(allocationSplits).values([
        { allocationId: allocation!.id, categoryId: categoryIds[0]!, shareBasisPoints: 6000, amountCents: 60_00n },
        { allocationId: allocation!.id, categoryId: categoryIds[1]!, shareBasisPoints: 3000, amountCents: 30_00n },
      ]);
    });
    await expect(attempt).rejects.toThrow();
    expect(await db.select().from(allocations).where(eq(allocations.program, 'Half-tagged'))).toEqual([]);
  });

  it('accepts splits that cover exactly 100% and the amount to the cent', async () => {
    const db = database.handle.db;
    await db.transaction(async (tx) => {
      const [allocation] = await tx
        .insert(allocations)
        .values({ localityId, fiscalYear: 2026, program: 'Well tagged', amountCents: 100_01n })
        .returning();
      await tx.insert(allocationSplits).values([
        { allocationId: allocation!.id, categoryId: categoryIds[0]!, shareBasisPoints: 5000, amountCents: 50_01n },
        { allocationId: allocation!.id, categoryId: categoryIds[1]!, shareBasisPoints: 5000, amountCents: 50_00n },
      ]);
    });
    const saved = await db.select().from(allocations).where(eq(allocations.program, 'Well tagged'));
    expect(saved).toHaveLength(1);
    // Changing the amount without re-splitting is refused at commit.
    await expect(
      db.update(allocations).set({ amountCents: 200_00n }).where(eq(allocations.id, saved[0]!.id)),
    ).rejects.toThrow();
  });
});
