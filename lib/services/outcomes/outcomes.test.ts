import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { programOutcomes } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { addAllocation } from '@/lib/equity/testing';
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated } from '@/lib/errors';
import { deleteOutcome } from './delete';
import { recordOutcome } from './record';
import { decideOutcome, submitOutcome } from './review';
import { auditRowsFor, captureError, useServiceFixture } from '../testing';

describeEachDriver('outcome services', (driver) => {
  const { db, f } = useServiceFixture(driver);
  let programA: number;
  let programB: number;

  beforeAll(async () => {
    programA = await addAllocation(db(), { localityId: f.localityA, fiscalYear: 2026, amountCents: 100_000n, program: 'Naloxone kits' });
    programB = await addAllocation(db(), { localityId: f.localityB, fiscalYear: 2026, amountCents: 100_000n, program: 'Birch outreach' });
  });

  const kits = (overrides: Record<string, unknown> = {}) => ({
    allocationId: String(programA),
    measure: 'naloxone_kits',
    customMeasureName: '',
    unit: '',
    periodStart: '2025-07-01',
    periodEnd: '2025-09-30',
    units: '1,204',
    source: 'Harbor Harm Reduction quarterly report, Q1 FY2026',
    ...overrides,
  });

  const read = async (id: number) => (await db().select().from(programOutcomes).where(eq(programOutcomes.id, id)))[0]!;

  it('records a draft outcome for a program, with its audit row, and saves edits over the version read', async () => {
    const { id, version } = await recordOutcome({ db: db(), actor: f.editorA }, kits());
    expect(version).toBe(1);
    expect(await read(id)).toMatchObject({
      localityId: f.localityA,
      allocationId: programA,
      measure: 'naloxone_kits',
      customMeasureName: null,
      unit: null,
      units: 1204n,
      status: 'draft',
      createdBy: f.editorA.userId,
    });
    const saved = await recordOutcome({ db: db(), actor: f.secondEditorA }, kits({ id: String(id), version: '1', units: '1210' }));
    expect(saved).toEqual({ id, version: 2 });
    const conflict = await captureError(recordOutcome({ db: db(), actor: f.editorA }, kits({ id, version: 1, units: '9' })));
    expect(conflict).toBeInstanceOf(Conflict);
    expect((await read(id)).units).toBe(1210n);
    const audit = await auditRowsFor(db(), 'program_outcome', id);
    expect(audit.map((row) => [row.action, row.userId])).toEqual([
      ['create', f.editorA.userId],
      ['update', f.secondEditorA.userId],
    ]);
    expect((audit[1]!.after as { units: string }).units).toBe('1210');
  });

  it('keeps a free-form measure’s name and unit, and refuses them on a named measure', async () => {
    const { id } = await recordOutcome({ db: db(), actor: f.editorA }, kits({ measure: 'other', customMeasureName: 'Peer recovery sessions', unit: 'session', units: '0' }));
    expect(await read(id)).toMatchObject({ measure: 'other', customMeasureName: 'Peer recovery sessions', unit: 'session', units: 0n });
  });

  it('names the field of every bad input and writes nothing', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ measure: 'happiness' }, ['measure']],
      [{ measure: 'other' }, ['customMeasureName', 'unit']],
      [{ customMeasureName: 'Kits' }, ['customMeasureName']],
      [{ unit: 'box' }, ['unit']],
      [{ periodStart: '2025-02-30' }, ['periodStart']],
      [{ periodEnd: '' }, ['periodEnd']],
      [{ periodStart: '2025-10-01', periodEnd: '2025-09-30' }, ['periodEnd']],
      [{ units: '-3' }, ['units']],
      [{ units: '2.5' }, ['units']],
      [{ units: '' }, ['units']],
      [{ source: '   ' }, ['source']],
    ];
    const before = await db().select({ n: sql<number>`count(*)::int` }).from(programOutcomes);
    for (const [overrides, fields] of cases) {
      const error = (await captureError(recordOutcome({ db: db(), actor: f.editorA }, kits(overrides)))) as Invalid;
      expect(error, JSON.stringify(overrides)).toBeInstanceOf(Invalid);
      expect(Object.keys(error.fieldErrors).sort(), JSON.stringify(overrides)).toEqual(fields);
    }
    const after = await db().select({ n: sql<number>`count(*)::int` }).from(programOutcomes);
    expect(after).toEqual(before);
  });

  it('lets only the locality’s editors write, and hides other localities’ programs', async () => {
    expect(await captureError(recordOutcome({ db: db(), actor: null }, kits()))).toBeInstanceOf(Unauthenticated);
    expect(await captureError(recordOutcome({ db: db(), actor: f.reviewerA }, kits()))).toBeInstanceOf(Forbidden);
    expect(await captureError(recordOutcome({ db: db(), actor: f.editorB }, kits()))).toBeInstanceOf(NotFound);
    expect(await captureError(recordOutcome({ db: db(), actor: f.editorA }, kits({ allocationId: String(programB) })))).toBeInstanceOf(NotFound);
    const { id } = await recordOutcome({ db: db(), actor: f.editorA }, kits());
    const moved = (await captureError(recordOutcome({ db: db(), actor: f.editorA }, kits({ id, version: 1, allocationId: programB })))) as Invalid;
    expect(Object.keys(moved.fieldErrors)).toEqual(['allocationId']);
  });

  it('goes to the board and is decided by someone who neither recorded nor submitted it', async () => {
    const { id } = await recordOutcome({ db: db(), actor: f.editorA }, kits());
    expect(await captureError(submitOutcome({ db: db(), actor: f.reviewerA }, { id, version: 1 }))).toBeInstanceOf(Forbidden);
    const submitted = await submitOutcome({ db: db(), actor: f.editorA }, { id, version: 1 });
    expect(submitted).toMatchObject({ status: 'submitted', version: 2 });
    expect(await captureError(decideOutcome({ db: db(), actor: f.editorA }, { id, version: 2, decision: 'approve' }))).toBeInstanceOf(Forbidden);
    expect(await captureError(recordOutcome({ db: db(), actor: f.editorA }, kits({ id, version: 2 })))).toBeInstanceOf(Invalid);

    const returned = (await captureError(decideOutcome({ db: db(), actor: f.reviewerA }, { id, version: 2, decision: 'return', reason: '' }))) as Invalid;
    expect(Object.keys(returned.fieldErrors)).toEqual(['reason']);
    await decideOutcome({ db: db(), actor: f.reviewerA }, { id, version: 2, decision: 'return', reason: 'The report covers October too; check the period.' });
    expect(await read(id)).toMatchObject({ status: 'returned', decidedBy: f.reviewerA.userId, decisionReason: 'The report covers October too; check the period.' });

    await recordOutcome({ db: db(), actor: f.editorA }, kits({ id, version: 3, periodEnd: '2025-10-31' }));
    await submitOutcome({ db: db(), actor: f.editorA }, { id, version: 4 });
    await decideOutcome({ db: db(), actor: f.reviewerA }, { id, version: 5, decision: 'approve' });
    expect(await read(id)).toMatchObject({ status: 'approved', periodEnd: '2025-10-31', decidedBy: f.reviewerA.userId, decisionReason: null });
    expect(await captureError(deleteOutcome({ db: db(), actor: f.editorA }, { id, version: 6 }))).toBeInstanceOf(Invalid);

    const audit = await auditRowsFor(db(), 'program_outcome', id);
    expect(audit.map((row) => row.action)).toEqual(['create', 'submit', 'return', 'update', 'submit', 'approve']);
    expect(audit[2]!.reason).toBe('The report covers October too; check the period.');
  });

  it('refuses a board member deciding on what they submitted, in the service and in the database', async () => {
    // A site administrator on the board may submit; then they may not decide on it.
    const { id } = await recordOutcome({ db: db(), actor: f.adminReviewerA }, kits());
    await submitOutcome({ db: db(), actor: f.adminReviewerA }, { id, version: 1 });
    const refused = (await captureError(decideOutcome({ db: db(), actor: f.adminReviewerA }, { id, version: 2, decision: 'approve' }))) as Forbidden;
    expect(refused).toBeInstanceOf(Forbidden);
    expect(refused.message).toBe('You submitted this outcome, so another member of the board must decide on it.');
    await expect(
      db().execute(sql`update ${programOutcomes} set status = 'approved', decided_by = ${f.adminReviewerA.userId} where id = ${id}`),
    ).rejects.toThrow();
    expect((await read(id)).status).toBe('submitted');
  });

  it('deletes a draft softly with the reason in its history', async () => {
    const { id } = await recordOutcome({ db: db(), actor: f.editorA }, kits());
    expect(await captureError(deleteOutcome({ db: db(), actor: f.reviewerA }, { id, version: 1 }))).toBeInstanceOf(Forbidden);
    await deleteOutcome({ db: db(), actor: f.editorA }, { id, version: 1, reason: 'Entered twice.' });
    expect((await read(id)).deletedAt).not.toBeNull();
    expect(await captureError(submitOutcome({ db: db(), actor: f.editorA }, { id, version: 2 }))).toBeInstanceOf(NotFound);
    const audit = await auditRowsFor(db(), 'program_outcome', id);
    expect(audit.map((row) => [row.action, row.reason])).toEqual([
      ['create', null],
      ['delete', 'Entered twice.'],
    ]);
  });
});
