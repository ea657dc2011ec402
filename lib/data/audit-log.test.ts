import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { createAllocation } from '@/lib/services/allocations/create';
import { useServiceFixture } from '@/lib/services/testing';
import { updateAllocation } from '@/lib/services/allocations/update';
import { iterateAuditLog, listAuditLog } from './audit-log';

describeEachDriver('the staff audit log', (driver) => {
  const { db, f } = useServiceFixture(driver);
  let lineId: number;

  const form = (localityId: number, program: string) => ({
    localityId: String(localityId),
    fiscalYear: '2026',
    program,
    description: 'Kits in six public places.',
    amount: '$15,250.00',
    sourceId: String(f.sourceId),
    recipientMode: 'none',
    splits: [{ categoryId: String(f.category('health-first', 'naloxone')), percent: '100' }],
  });

  beforeAll(async () => {
    lineId = (await createAllocation({ db: db(), actor: f.editorA }, form(f.localityA, 'Mobile naloxone van'))).id;
    await updateAllocation({ db: db(), actor: f.editorA }, { ...form(f.localityA, 'Mobile naloxone van'), amount: '$16,000.00', id: lineId, version: 1 });
    await createAllocation({ db: db(), actor: f.editorA }, form(f.localityA, 'Peer recovery coaches'));
    await createAllocation({ db: db(), actor: f.editorB }, form(f.localityB, 'Birch outreach'));
  });

  it("filters to one record's history, names who did it and their role there, newest first", async () => {
    const { entries, total } = await listAuditLog(db(), { scope: [f.localityA], entity: 'allocation', entityId: String(lineId), page: 1, pageSize: 10 });
    expect(total).toBe(2);
    expect(entries.map((e) => [e.action, e.userName, e.role, e.localitySlug])).toEqual([
      ['update', f.editorA.name, 'editor', 'alder-county'],
      ['create', f.editorA.name, 'editor', 'alder-county'],
    ]);
  });

  it("keeps to the reader's localities, and the download reads every matching row in batches, in the page's order", async () => {
    const page = await listAuditLog(db(), { scope: [f.localityA], entity: 'allocation', page: 1, pageSize: 50 });
    expect(page.total).toBe(3);
    expect(page.entries.every((e) => e.localitySlug === 'alder-county')).toBe(true);
    const batches: string[][] = [];
    for await (const batch of iterateAuditLog(db(), { scope: [f.localityA], entity: 'allocation' }, 2)) batches.push(batch.map((e) => e.id));
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    expect(batches.flat()).toEqual(page.entries.map((e) => e.id));
    const none: unknown[] = [];
    for await (const batch of iterateAuditLog(db(), { scope: [] })) none.push(...batch);
    expect(none).toEqual([]);
  });
});
