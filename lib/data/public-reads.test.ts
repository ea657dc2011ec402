import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { allocationSplits, allocations, categories, expenditures, frameworks, localities, memberships, recipients, users } from '@/db/schema';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { recordAudit } from '@/lib/audit/record-audit';
import { invalidatePublic } from '@/lib/cache/public-cache';
import { getLocalityTotals } from './locality-totals';
import { listFiscalYears, listLocalitiesWithTotals } from './localities';
import { getCategory, listCategories } from './public-categories';
import { getAllocatedBySourceAndGroup, getSpendingByQuarterAndGroup } from './public-flows';
import { getPublicLine, getPublicLineHistory } from './public-line';
import { filterLines, listPublicLines } from './public-lines';
import { publicReads } from './public-reads';
import { getSpendingByCategory } from './spending-by-category';
import { seedDemoData } from '@/lib/demo/seed-demo';

const FRAMEWORKS = ['health-first', 'exhibit-e', 'nc-high-impact'] as const;
const FY = 2026;

/** Everything a public page of the locality can show, read straight from the database. */
async function publicSnapshot(db: Database, localityId: number, fyStartMonth: number) {
  const perFramework = [];
  for (const framework of FRAMEWORKS) {
    perFramework.push({
      framework,
      lines: await listPublicLines(db, localityId, FY, framework),
      byCategory: await getSpendingByCategory(db, localityId, FY, framework),
      flows: await getAllocatedBySourceAndGroup(db, localityId, FY, framework),
      quarters: await getSpendingByQuarterAndGroup(db, localityId, FY, framework, fyStartMonth),
    });
  }
  return {
    perFramework,
    totals: await getLocalityTotals(db, localityId, FY),
    localities: await listLocalitiesWithTotals(db, FY),
    years: await listFiscalYears(db, localityId),
    category: await getCategory(db, 'health-first', 'moud'),
    categories: await listCategories(db, 'health-first'),
  };
}

function json(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

describeEachDriver('public reads show approved lines only', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let localityId: number;
  let fyStartMonth: number;
  let before: Awaited<ReturnType<typeof publicSnapshot>>;
  const secret = `Unapproved line ${crypto.randomBytes(4).toString('hex')}`;
  const hidden: { id: number; status: string }[] = [];
  let approvedId: number;
  let editorId: number;
  let reviewerId: number;

  async function addLine(status: 'draft' | 'submitted' | 'returned' | 'approved', program: string, deleted = false) {
    const [moud] = await db
      .select({ id: categories.id })
      .from(categories)
      .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId))
      .where(sql`${frameworks.key} = 'health-first' and ${categories.key} = 'moud'`);
    const [recipient] = await db
      .insert(recipients)
      .values({ localityId, name: `${program} recipient`, type: 'law_enforcement', livedExperienceLed: true })
      .returning({ id: recipients.id });
    return db.transaction(async (tx) => {
      const [line] = await tx
        .insert(allocations)
        .values({
          localityId,
          fiscalYear: FY,
          program,
          description: `${program}: a description nobody outside should read`,
          recipientId: recipient!.id,
          amountCents: 98_765_432_10n,
          status,
          deletedAt: deleted ? new Date() : null,
        })
        .returning({ id: allocations.id });
      await tx.insert(allocationSplits).values({
        allocationId: line!.id,
        categoryId: moud!.id,
        shareBasisPoints: 10_000,
        amountCents: 98_765_432_10n,
      });
      // Spending recorded against it (the database allows it; no public read may count it).
      await tx.insert(expenditures).values({
        allocationId: line!.id,
        localityId,
        paidOn: fyStartMonth === 1 ? `${FY}-03-15` : `${FY - 1}-${String(fyStartMonth).padStart(2, '0')}-15`,
        fiscalYear: FY,
        amountCents: 12_345_678_90n,
        description: `${program}: paid`,
        postedAt: new Date(),
      });
      return line!.id;
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver, { migrate: false });
    await prepareDatabase(database.handle, { demo: seedDemoData });
    db = database.handle.db;
    const [cedarholm] = await db
      .select({ id: localities.id, fyStartMonth: localities.fyStartMonth })
      .from(localities)
      .where(eq(localities.slug, 'cedarholm-county'));
    localityId = cedarholm!.id;
    fyStartMonth = cedarholm!.fyStartMonth;
    before = await publicSnapshot(db, localityId, fyStartMonth);

    for (const [status, deleted] of [
      ['draft', false],
      ['submitted', false],
      ['returned', false],
      ['approved', true],
    ] as const) {
      hidden.push({ id: await addLine(status, `${secret} (${status}${deleted ? ', deleted' : ''})`, deleted), status });
    }
    // People with roles, for the public history.
    const [editor, reviewer] = await db
      .insert(users)
      .values([
        { email: `editor-${crypto.randomBytes(3).toString('hex')}@example.test`, name: 'Eddie Example' },
        { email: `reviewer-${crypto.randomBytes(3).toString('hex')}@example.test`, name: 'Rita Example' },
      ])
      .returning({ id: users.id });
    editorId = editor!.id;
    reviewerId = reviewer!.id;
    await db.insert(memberships).values([
      { userId: editorId, localityId, role: 'editor' },
      { userId: reviewerId, localityId, role: 'reviewer' },
    ]);
  });
  afterAll(() => database?.drop());

  it('a draft, submitted, returned or deleted line changes no public figure and appears in no public list', async () => {
    const after = await publicSnapshot(db, localityId, fyStartMonth);
    expect(json(after)).toBe(json(before));
    expect(json(after)).not.toContain(secret);
    for (const { perFramework } of [after]) {
      for (const f of perFramework) expect(filterLines(f.lines, { q: secret })).toEqual([]);
    }
  });

  it('the line page refuses every line that is not approved, and its history with it', async () => {
    for (const { id } of hidden) {
      expect(await getPublicLine(db, localityId, id)).toBeNull();
      expect(await getPublicLineHistory(db, localityId, id)).toEqual([]);
    }
    // Through the cached reads as well.
    invalidatePublic('*');
    for (const { id } of hidden) expect(await publicReads.line(db, localityId, id)).toBeNull();
    // Ids that are not ids.
    for (const id of [0, -1, 1.5, 2 ** 40]) expect(await getPublicLine(db, localityId, id)).toBeNull();
  });

  it('an approved line does show, on its own locality only, with its spending and categories', async () => {
    approvedId = await addLine('approved', `${secret} (now approved)`);
    const lines = await listPublicLines(db, localityId, FY, 'health-first');
    const line = lines.find((l) => l.id === approvedId);
    expect(line).toMatchObject({
      allocatedCents: 98_765_432_10n,
      spentToDateCents: 12_345_678_90n,
      recipient: { type: 'law_enforcement', livedExperienceLed: true },
      categories: [{ key: 'moud', shareBasisPoints: 10_000, amountCents: 98_765_432_10n }],
    });
    expect(filterLines(lines, { q: 'now APPROVED', category: 'moud', recipientType: 'law_enforcement' }).map((l) => l.id)).toEqual([
      approvedId,
    ]);
    const ee = await listPublicLines(db, localityId, FY, 'exhibit-e');
    expect(ee.find((l) => l.id === approvedId)?.categories.map((c) => c.key)).toEqual(['core-b']);

    const detail = await getPublicLine(db, localityId, approvedId);
    expect(detail?.splits).toMatchObject([{ key: 'moud', allocatedCents: 98_765_432_10n, spentCents: 12_345_678_90n }]);
    expect(detail?.expenditures.map((x) => x.amountCents)).toEqual([12_345_678_90n]);
    const [other] = await db.select({ id: localities.id }).from(localities).where(eq(localities.slug, 'port-wexley'));
    expect(await getPublicLine(db, other!.id, approvedId)).toBeNull();

    const totals = await getLocalityTotals(db, localityId, FY);
    expect(totals.allocatedCents).toBe(before.totals.allocatedCents + 98_765_432_10n);
    for (const framework of FRAMEWORKS) {
      const flows = await getAllocatedBySourceAndGroup(db, localityId, FY, framework);
      expect(flows.reduce((s, f) => s + f.allocatedCents, 0n)).toBe(totals.allocatedCents);
      const quarters = await getSpendingByQuarterAndGroup(db, localityId, FY, framework, fyStartMonth);
      expect(quarters.reduce((s, q) => s + q.spentCents, 0n)).toBe(totals.spentCents);
      // Every group's quarters add up to that group's spending in the category breakdown, to the cent.
      const byCategory = await getSpendingByCategory(db, localityId, FY, framework);
      const groups = new Set(byCategory.map((c) => c.group));
      for (const group of groups) {
        const fromCategories = byCategory.filter((c) => c.group === group).reduce((s, c) => s + c.spentCents, 0n);
        const fromQuarters = quarters.filter((q) => q.group === group).reduce((s, q) => s + q.spentCents, 0n);
        expect(fromQuarters, `${framework}: ${group}`).toBe(fromCategories);
      }
    }
  });

  it('the public history shows each step with its reason and the actor as a role, never an e-mail or a name', async () => {
    const snapshot = { program: 'Old name', amountCents: '100', splits: [{ categoryLabel: 'MOUD', shareBasisPoints: 10000 }] };
    const entries = [
      { userId: editorId, action: 'submit', reason: null, before: null, after: null },
      { userId: reviewerId, action: 'return', reason: 'Say who runs the program.', before: null, after: null },
      {
        userId: editorId,
        action: 'update',
        reason: null,
        before: snapshot,
        after: { ...snapshot, program: 'New name', amountCents: '250', submittedBy: editorId, version: 3 },
      },
      { userId: reviewerId, action: 'approve', reason: 'Matches the plan.', before: null, after: null },
    ];
    for (const entry of entries) {
      await recordAudit(db, { ...entry, localityId, entity: 'allocation', entityId: approvedId });
    }
    const history = await getPublicLineHistory(db, localityId, approvedId);
    expect(history.map((h) => [h.action, h.actor, h.reason])).toEqual([
      ['submit', 'editor', null],
      ['return', 'reviewer', 'Say who runs the program.'],
      ['update', 'editor', null],
      ['approve', 'reviewer', 'Matches the plan.'],
    ]);
    expect(history[2]?.changes).toEqual([
      { field: 'Program', from: 'Old name', to: 'New name' },
      { field: 'Amount', from: '$1.00', to: '$2.50' },
    ]);
    const text = json(history);
    expect(text).not.toContain('@example.test');
    expect(text).not.toContain('Eddie');
    expect(text).not.toContain('Rita');
  });
});
