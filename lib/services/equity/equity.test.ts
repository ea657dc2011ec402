import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextBreakdowns, equityGoals, localityContext, memberships, peopleServed, users } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import type { Actor } from '@/lib/auth/authorize';
import { computeEquityGoals } from '@/lib/equity/evaluate-goal';
import { addAllocation } from '@/lib/equity/testing';
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated } from '@/lib/errors';
import type { ConflictCurrent } from '../conflict';
import { deleteEquityGoal } from './delete-goal';
import type { GoalFormValues } from './input';
import { setContextBreakdown, setLocalityContext } from './set-context';
import { setEquityGoal } from './set-goal';
import { setPeopleServed } from './set-people-served';
import { auditRowsFor, captureError, useServiceFixture } from '../testing';

describeEachDriver('equity services', (driver) => {
  const { db, f } = useServiceFixture(driver);
  let adminA: Actor;

  beforeAll(async () => {
    const [user] = await db().insert(users).values({ email: 'ada@alder.test', name: 'Ada Admin' }).returning({ id: users.id });
    await db().insert(memberships).values({ userId: user!.id, localityId: f.localityA, role: 'admin' });
    adminA = { userId: user!.id, email: 'ada@alder.test', name: 'Ada Admin', isSiteAdmin: false, memberships: new Map([[f.localityA, 'admin']]) };
  });

  const harmReduction = () => ({
    localityId: String(f.localityA),
    fiscalYear: 'FY2026',
    measure: 'group_share',
    subject: 'harm reduction',
    comparator: 'at_least',
    target: '25%',
    amberMargin: '5',
    reason: 'Naloxone and sterile supplies stop deaths now.',
  });

  describe('setEquityGoal and deleteEquityGoal', () => {
    it('lets the board and the locality’s admins set goals, with the audit row in the same transaction', async () => {
      const { id, version } = await setEquityGoal({ db: db(), actor: f.reviewerA }, harmReduction());
      expect(version).toBe(1);
      const [row] = await db().select().from(equityGoals).where(eq(equityGoals.id, id));
      expect(row).toMatchObject({
        localityId: f.localityA,
        fiscalYear: 2026,
        subject: 'Harm reduction',
        frameworkKey: 'health-first',
        basis: 'allocated',
        target: 2500n,
        amberMargin: 500n,
        createdBy: f.reviewerA.userId,
      });
      const audit = await auditRowsFor(db(), 'equity_goal', id);
      expect(audit.map((r) => [r.action, r.userId])).toEqual([['create', f.reviewerA.userId]]);
      expect((audit[0]!.after as { target: string }).target).toBe('2500');

      await setEquityGoal({ db: db(), actor: adminA }, { ...harmReduction(), subject: 'Treatment', target: '30' });
      await setEquityGoal({ db: db(), actor: f.adminReviewerA }, { ...harmReduction(), measure: 'spend_down', subject: '', basis: 'allocated', target: '60' });
      const goals = await computeEquityGoals(db(), f.localityA, 2026);
      expect(goals.map((g) => [g.goal.measure, g.goal.subject, g.goal.basis, g.target])).toEqual([
        ['group_share', 'Harm reduction', 'allocated', '25.00'],
        ['group_share', 'Treatment', 'allocated', '30.00'],
        // Spend-down is always spent ÷ received.
        ['spend_down', null, 'spent', '60.00'],
      ]);
    });

    it('refuses editors, other localities and anonymous callers', async () => {
      expect(await captureError(setEquityGoal({ db: db(), actor: f.editorA }, harmReduction()))).toBeInstanceOf(Forbidden);
      expect(await captureError(setEquityGoal({ db: db(), actor: f.editorB }, harmReduction()))).toBeInstanceOf(Forbidden);
      expect(await captureError(setEquityGoal({ db: db(), actor: null }, harmReduction()))).toBeInstanceOf(Unauthenticated);
    });

    it('reads targets in the unit of the measure and names the field of every bad input', async () => {
      const perDeath = await setEquityGoal({ db: db(), actor: f.reviewerA }, {
        ...harmReduction(),
        measure: 'dollars_per_death',
        subject: '',
        target: '$2,500',
        amberMargin: '500.50',
      });
      const parity = await setEquityGoal({ db: db(), actor: f.reviewerA }, { ...harmReduction(), measure: 'reach_parity', subject: 'black', target: '0.8', amberMargin: '0.1' });
      const rows = await db().select().from(equityGoals);
      expect(rows.find((r) => r.id === perDeath.id)).toMatchObject({ target: 250_000n, amberMargin: 50_050n, subject: null });
      expect(rows.find((r) => r.id === parity.id)).toMatchObject({ target: 8000n, amberMargin: 1000n, subject: 'black' });

      const cases: [Record<string, unknown>, string][] = [
        [{ target: 'lots' }, 'target'],
        [{ target: '' }, 'target'],
        [{ target: '120' }, 'target'],
        [{ target: '-5' }, 'target'],
        [{ amberMargin: '33.333' }, 'amberMargin'],
        [{ reason: '  ' }, 'reason'],
        [{ measure: 'happiness' }, 'measure'],
        [{ comparator: 'about' }, 'comparator'],
        [{ fiscalYear: '1999' }, 'fiscalYear'],
        [{ subject: 'Policing' }, 'subject'],
        [{ measure: 'category_share', subject: '' }, 'subject'],
        [{ measure: 'category_share', subject: 'naloxone', frameworkKey: 'nowhere' }, 'frameworkKey'],
        [{ measure: 'recipient_share', subject: 'churches' }, 'subject'],
        [{ measure: 'reach_parity', subject: 'Black residents', target: '0.8', amberMargin: '' }, 'subject'],
      ];
      for (const [overrides, field] of cases) {
        const error = (await captureError(setEquityGoal({ db: db(), actor: f.reviewerA }, { ...harmReduction(), ...overrides }))) as Invalid;
        expect(error, JSON.stringify(overrides)).toBeInstanceOf(Invalid);
        expect(Object.keys(error.fieldErrors), JSON.stringify(overrides)).toEqual([field]);
      }
    });

    it('saves over the version the form was opened with, and shows the other person’s values on a conflict', async () => {
      const { id } = await setEquityGoal({ db: db(), actor: f.reviewerA }, { ...harmReduction(), fiscalYear: '2027' });
      const saved = await setEquityGoal({ db: db(), actor: adminA }, { ...harmReduction(), fiscalYear: '2027', id, version: 1, target: '27.5' });
      expect(saved).toEqual({ id, version: 2 });
      const conflict = (await captureError(setEquityGoal({ db: db(), actor: f.reviewerA }, { ...harmReduction(), fiscalYear: '2027', id: String(id), version: '1' }))) as Conflict;
      expect(conflict).toBeInstanceOf(Conflict);
      expect(conflict.message).toMatch(/^Changed by Ada Admin at /);
      expect((conflict.current as ConflictCurrent<GoalFormValues>).values).toMatchObject({ target: '27.5', amberMargin: '5', subject: 'Harm reduction' });
      expect(await captureError(setEquityGoal({ db: db(), actor: f.editorA }, { ...harmReduction(), id, version: 2 }))).toBeInstanceOf(Forbidden);

      await deleteEquityGoal({ db: db(), actor: f.reviewerA }, { id, version: 2, reason: 'Merged into the group goal' });
      expect((await computeEquityGoals(db(), f.localityA, 2027)).map((g) => g.goal.id)).not.toContain(id);
      const audit = await auditRowsFor(db(), 'equity_goal', id);
      expect(audit.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
      expect(audit.at(-1)).toMatchObject({ reason: 'Merged into the group goal', userId: f.reviewerA.userId });
      expect(await captureError(deleteEquityGoal({ db: db(), actor: f.reviewerA }, { id, version: 3 }))).toBeInstanceOf(NotFound);
      const afterDelete = (await captureError(setEquityGoal({ db: db(), actor: f.reviewerA }, { ...harmReduction(), id, version: 2 }))) as Conflict;
      expect(afterDelete.message).toMatch(/^Deleted by Rita Reviewer at /);
    });
  });

  describe('context and people served', () => {
    it('records population and deaths per year; an empty field is "not known", not zero', async () => {
      await setLocalityContext({ db: db(), actor: f.editorA }, { localityId: f.localityA, fiscalYear: '2026', population: '12,345', overdoseDeaths: '', source: 'Health department' });
      await setLocalityContext({ db: db(), actor: adminA }, { localityId: f.localityA, fiscalYear: '2026', population: '12,345', overdoseDeaths: '0' });
      const [row] = await db()
        .select()
        .from(localityContext)
        .where(and(eq(localityContext.localityId, f.localityA), eq(localityContext.fiscalYear, 2026)));
      expect(row).toMatchObject({ population: 12_345, overdoseDeaths: 0, source: '' });
      expect((await auditRowsFor(db(), 'locality_context', `${f.localityA}:2026` as unknown as number)).map((r) => r.action)).toEqual([
        'create',
        'update',
      ]);
      expect(await captureError(setLocalityContext({ db: db(), actor: f.reviewerA }, { localityId: f.localityA, fiscalYear: 2026 }))).toBeInstanceOf(Forbidden);
      const bad = (await captureError(
        setLocalityContext({ db: db(), actor: f.editorA }, { localityId: f.localityA, fiscalYear: 2026, population: '12.5' }),
      )) as Invalid;
      expect(Object.keys(bad.fieldErrors)).toEqual(['population']);
    });

    it('replaces a year’s breakdown by race/ethnicity or area as a whole table', async () => {
      const groups = [
        { groupKey: 'black', groupLabel: 'Black', population: '3000', overdoseDeaths: '12' },
        { groupKey: 'white', groupLabel: 'White', population: '9000', overdoseDeaths: '20' },
        { groupKey: 'native', groupLabel: 'American Indian', population: '345', overdoseDeaths: '' },
      ];
      await setContextBreakdown({ db: db(), actor: f.editorA }, { localityId: f.localityA, fiscalYear: 2026, dimension: 'race_ethnicity', groups });
      await setContextBreakdown({ db: db(), actor: f.editorA }, {
        localityId: f.localityA,
        fiscalYear: 2026,
        dimension: 'race_ethnicity',
        groups: [groups[0], { ...groups[1], overdoseDeaths: '21' }],
      });
      const rows = await db()
        .select({ key: contextBreakdowns.groupKey, deaths: contextBreakdowns.overdoseDeaths })
        .from(contextBreakdowns)
        .where(eq(contextBreakdowns.localityId, f.localityA))
        .orderBy(contextBreakdowns.groupKey);
      expect(rows).toEqual([
        { key: 'black', deaths: 12 },
        { key: 'white', deaths: 21 },
      ]);
      const duplicate = (await captureError(
        setContextBreakdown({ db: db(), actor: f.editorA }, { localityId: f.localityA, fiscalYear: 2026, dimension: 'area', groups: [groups[0], groups[0]] }),
      )) as Invalid;
      expect(Object.keys(duplicate.fieldErrors)).toEqual(['groups.1.groupKey']);
      const badDimension = (await captureError(
        setContextBreakdown({ db: db(), actor: f.editorA }, { localityId: f.localityA, fiscalYear: 2026, dimension: 'zip', groups: [] }),
      )) as Invalid;
      expect(Object.keys(badDimension.fieldErrors)).toEqual(['dimension']);
    });

    it('records people served by a program, by group, for staff of its locality only', async () => {
      const allocationId = await addAllocation(db(), { localityId: f.localityA, fiscalYear: 2026, amountCents: 100_000n, status: 'draft' });
      await setPeopleServed({ db: db(), actor: f.editorA }, {
        allocationId: String(allocationId),
        fiscalYear: '2026',
        groups: [
          { groupKey: 'black', people: '40' },
          { groupKey: 'white', people: '1,200' },
          { groupKey: 'native', people: '3' },
        ],
      });
      await setPeopleServed({ db: db(), actor: f.editorA }, {
        allocationId,
        fiscalYear: 2026,
        groups: [
          { groupKey: 'black', people: 41 },
          { groupKey: 'white', people: '' },
        ],
      });
      const rows = await db().select({ key: peopleServed.groupKey, people: peopleServed.people }).from(peopleServed);
      expect(rows).toEqual([{ key: 'black', people: 41 }]);
      const audit = await auditRowsFor(db(), 'people_served', `${allocationId}:2026` as unknown as number);
      expect(audit.map((r) => r.action)).toEqual(['create', 'update']);
      expect(await captureError(setPeopleServed({ db: db(), actor: f.reviewerA }, { allocationId, fiscalYear: 2026, groups: [] }))).toBeInstanceOf(Forbidden);
      // Another locality's program is "not found", as for one that does not exist (issue #14).
      expect(await captureError(setPeopleServed({ db: db(), actor: f.editorB }, { allocationId, fiscalYear: 2026, groups: [] }))).toBeInstanceOf(NotFound);
      expect(await captureError(setPeopleServed({ db: db(), actor: f.editorA }, { allocationId: 999_999, fiscalYear: 2026, groups: [] }))).toBeInstanceOf(NotFound);
    });
  });
});
