import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { allocations, memberships } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { addAllocation } from '@/lib/equity/testing';
import type { Actor } from '@/lib/auth/authorize';
import { decideAllocation } from '@/lib/services/allocations/decide';
import { useServiceFixture } from '@/lib/services/testing';
import { listBoardDecisions } from './board-decisions';
import { listPublicDecisions, type PublicDecisionsPage } from './public-decisions';

/** What a reader of the page gets, in the order shown. */
const seen = (page: PublicDecisionsPage) =>
  page.rows.map((d) => [d.program, d.amountCents, d.fiscalYear, d.decision, d.reason, d.decidedBy, d.linePublic, d.decidedOn.length]);

describeEachDriver('public board decisions', (driver) => {
  const { db, f } = useServiceFixture(driver);
  const lines = { kits: 0, patrol: 0, housing: 0 };

  async function decide(actor: Actor, id: number, decision: 'approve' | 'return', reason: string) {
    const [line] = await db().select({ version: allocations.version }).from(allocations).where(eq(allocations.id, id));
    await decideAllocation({ db: db(), actor }, { id, version: line!.version, decision, reason });
  }

  beforeAll(async () => {
    const submitted = (fiscalYear: number, program: string, amountCents: bigint) =>
      addAllocation(db(), { localityId: f.localityA, fiscalYear, amountCents, status: 'submitted', program });
    lines.kits = await submitted(2026, 'Naloxone kits', 4_000_000n);
    lines.patrol = await submitted(2026, 'Patrol vehicle equipment', 1_000_001n);
    lines.housing = await submitted(2025, 'Recovery housing', 250_050n);
    await decide(f.reviewerA, lines.kits, 'approve', 'Naloxone saves lives.');
    await decide(f.reviewerA, lines.patrol, 'return', 'Police equipment is not remediation.');
    // A site administrator on the board approves without a reason.
    await decide(f.adminReviewerA, lines.housing, 'approve', '   ');
  });

  it('lists every approval and return, newest first, with the reason and the role — never a name or an e-mail address', async () => {
    const page = await listPublicDecisions(db(), { localityId: f.localityA });
    expect(seen(page)).toEqual([
      ['Recovery housing', 250_050n, 2025, 'approve', null, 'reviewer', true, 10],
      ['Patrol vehicle equipment', 1_000_001n, 2026, 'return', 'Police equipment is not remediation.', 'reviewer', false, 10],
      ['Naloxone kits', 4_000_000n, 2026, 'approve', 'Naloxone saves lives.', 'reviewer', true, 10],
    ]);
    expect(page.rows.map((d) => d.allocationId)).toEqual([lines.housing, lines.patrol, lines.kits]);
    expect(page).toMatchObject({ total: 3, approvals: 2, returns: 1, page: 1, pageCount: 1, years: [2026, 2025] });
    expect(page.rows[0]!.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = JSON.stringify(page, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    for (const person of [f.reviewerA, f.adminReviewerA]) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.email);
    }
    // The staff board summary reads the same rows and does name the person.
    expect((await listBoardDecisions(db(), f.localityA, 2026)).map((d) => d.decidedBy)).toEqual(['Rita Reviewer', 'Rita Reviewer']);
    // Another locality has none.
    expect(await listPublicDecisions(db(), { localityId: f.localityB })).toMatchObject({ rows: [], total: 0, pageCount: 1, years: [] });
  });

  it('filters by fiscal year and by decision', async () => {
    const fy2026 = await listPublicDecisions(db(), { localityId: f.localityA, fiscalYear: 2026 });
    expect(fy2026.rows.map((d) => d.program)).toEqual(['Patrol vehicle equipment', 'Naloxone kits']);
    expect(fy2026).toMatchObject({ total: 2, approvals: 1, returns: 1, years: [2026, 2025] });
    expect((await listPublicDecisions(db(), { localityId: f.localityA, fiscalYear: 2025 })).rows.map((d) => d.program)).toEqual(['Recovery housing']);
    expect(await listPublicDecisions(db(), { localityId: f.localityA, fiscalYear: 2024 })).toMatchObject({ rows: [], total: 0 });
    const returns = await listPublicDecisions(db(), { localityId: f.localityA, decision: 'return' });
    expect(returns.rows.map((d) => d.program)).toEqual(['Patrol vehicle equipment']);
    expect(returns.total).toBe(1);
    const approvals2026 = await listPublicDecisions(db(), { localityId: f.localityA, fiscalYear: 2026, decision: 'approve' });
    expect(approvals2026.rows.map((d) => d.program)).toEqual(['Naloxone kits']);
  });

  it('pages in the database: a page past the last is the last', async () => {
    const first = await listPublicDecisions(db(), { localityId: f.localityA, pageSize: 2 });
    expect(first.rows.map((d) => d.program)).toEqual(['Recovery housing', 'Patrol vehicle equipment']);
    expect(first).toMatchObject({ total: 3, page: 1, pageCount: 2, pageSize: 2 });
    const second = await listPublicDecisions(db(), { localityId: f.localityA, pageSize: 2, page: 2 });
    expect(second.rows.map((d) => d.program)).toEqual(['Naloxone kits']);
    expect((await listPublicDecisions(db(), { localityId: f.localityA, pageSize: 2, page: 99 })).rows.map((d) => d.program)).toEqual(['Naloxone kits']);
    expect((await listPublicDecisions(db(), { localityId: f.localityA, pageSize: 2, page: -3 })).page).toBe(1);
  });

  it('keeps the line as decided; a line deleted since is no longer linked; a decider’s role is their role now', async () => {
    await db().update(allocations).set({ program: 'Renamed', amountCents: 1n }).where(eq(allocations.id, lines.kits));
    await db().update(allocations).set({ deletedAt: new Date() }).where(eq(allocations.id, lines.housing));
    await db().update(memberships).set({ role: 'admin' }).where(eq(memberships.userId, f.reviewerA.userId));
    const page = await listPublicDecisions(db(), { localityId: f.localityA });
    expect(page.rows.map((d) => [d.program, d.amountCents, d.decidedBy, d.linePublic])).toEqual([
      ['Recovery housing', 250_050n, 'reviewer', false],
      ['Patrol vehicle equipment', 1_000_001n, 'admin', false],
      ['Naloxone kits', 4_000_000n, 'admin', true],
    ]);
  });
});
