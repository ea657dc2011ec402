/**
 * Issue #8: every server action and route handler, found on disk, against every kind of person. The table below
 * says who may use each one; a new action or handler that is not in it fails the first test, so nobody can add a
 * door without saying who may open it. Each refusal must leave the database exactly as it was.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import {
  callAction,
  callRoute,
  describeOutcome,
  discoverSurface,
  isDenial,
  isInternalError,
  type Outcome,
  type Surface,
  type SurfaceEntry,
} from './_testing/app-surface';
import {
  ACTOR_NAMES,
  changedTables,
  snapshotDatabase,
  useSurfaceFixture,
  type ActorName,
  type RecordRef,
  type SurfaceFixture,
} from './_testing/surface-fixture';

vi.mock('server-only', () => ({}));
vi.mock('next/headers', async () => (await import('@/app/_testing/next-mocks')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('@/app/_testing/next-mocks')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('@/app/_testing/next-mocks')).nextCacheMock);
vi.mock('next/server', async (original) => ({ ...(await original<object>()), connection: async () => undefined }));

// ---- Who may use what ----------------------------------------------------------------------------------------------

interface Policy {
  /** The least a person needs, in words. */
  minimum: string;
  /** Whether the role must be held in the locality the request is about (locality A in these tests). */
  scoped: boolean;
  allowed: readonly ActorName[];
}

const POLICIES = {
  anyone: { minimum: 'nobody: public', scoped: false, allowed: ACTOR_NAMES },
  signedIn: {
    minimum: 'a signed-in, active account',
    scoped: false,
    allowed: ['signedInNoRole', 'editorA', 'reviewerA', 'localityAdminA', 'editorB', 'siteAdmin'],
  },
  readerOfA: { minimum: 'reviewer (any role) of the locality', scoped: true, allowed: ['editorA', 'reviewerA', 'localityAdminA', 'siteAdmin'] },
  editorOfA: { minimum: 'editor of the locality', scoped: true, allowed: ['editorA', 'localityAdminA', 'siteAdmin'] },
  // Site administrators run the installation; deciding on spending stays with each locality's board.
  boardOfA: { minimum: 'reviewer (oversight board) of the locality', scoped: true, allowed: ['reviewerA'] },
  goalSetterOfA: { minimum: 'board member or administrator of the locality', scoped: true, allowed: ['reviewerA', 'localityAdminA', 'siteAdmin'] },
  userManagerOfA: { minimum: 'administrator of the locality', scoped: true, allowed: ['localityAdminA', 'siteAdmin'] },
  // The audit log's download: what each administrator reads is limited to their localities by the query itself.
  auditReader: { minimum: 'administrator of a locality', scoped: false, allowed: ['localityAdminA', 'siteAdmin'] },
  // Adding a locality, or renaming one, changes what the public site lists: the installation's administrators only.
  siteAdmin: { minimum: 'site administrator', scoped: false, allowed: ['siteAdmin'] },
} as const satisfies Record<string, Policy>;

type Fields = Record<string, string | File>;

interface Expectation {
  policy: keyof typeof POLICIES;
  /**
   * The smallest input that names the locality or record (of locality A) so the check can run; past the check, it
   * fails validation or the version check, or does something harmless. Built before the database snapshot.
   */
  input: (fx: SurfaceFixture) => Fields | Promise<Fields>;
}

const stale = (ref: { id: number; version: number }) => ({ id: String(ref.id), version: String(ref.version + 1000) });
const csv = (text: string, name = 'lines.csv') => new File([text], name, { type: 'text/csv' });
/** A spreadsheet whose only line is wrong, so an import that got past the check stops at validation. */
const badImport = () => ({ file: csv('program,amount,fiscal_year\n,not money,1999\n') });

const ACTIONS = 'app/staff/l/[slug]';
const API = 'app/api/v1';

const EXPECTATIONS: Record<string, Expectation> = {
  'app/sign-in/actions.ts#signInAction': { policy: 'anyone', input: () => ({}) },
  'app/sign-in/actions.ts#signOutAction': { policy: 'anyone', input: () => ({}) },
  'app/staff/account/actions.ts#changePasswordAction': { policy: 'signedIn', input: () => ({}) },
  'app/staff/users/actions.ts#setMembershipAction': {
    policy: 'userManagerOfA',
    input: (fx) => ({ email: 'no-such-account@surface.test', localityId: String(fx.a.id), role: 'editor' }),
  },
  'app/staff/users/actions.ts#createUserAction': { policy: 'userManagerOfA', input: (fx) => ({ locality: fx.a.slug, role: 'editor' }) },
  // Past the check, an empty name fails validation: nothing is created or renamed.
  'app/staff/localities/actions.ts#createLocalityAction': { policy: 'siteAdmin', input: () => ({ name: '', state: 'NC', kind: 'city' }) },
  'app/staff/localities/actions.ts#updateLocalityAction': {
    policy: 'siteAdmin',
    input: (fx) => ({ localityId: String(fx.a.id), name: '', state: 'NC', kind: 'city' }),
  },
  'app/staff/users/actions.ts#disableUserAction': { policy: 'userManagerOfA', input: async (fx) => ({ userId: String(await fx.newMemberOfA()) }) },
  'app/staff/users/actions.ts#newSetupLinkAction': { policy: 'userManagerOfA', input: async (fx) => ({ userId: String(await fx.newMemberOfA()) }) },
  // The link is the proof: past the (absent) check, an empty form fails validation.
  'app/set-password/actions.ts#setPasswordAction': { policy: 'anyone', input: () => ({}) },

  [`${ACTIONS}/allocations/actions.ts#createAllocationAction`]: { policy: 'editorOfA', input: (fx) => ({ localityId: String(fx.a.id), slug: fx.a.slug }) },
  [`${ACTIONS}/allocations/actions.ts#updateAllocationAction`]: {
    policy: 'editorOfA',
    input: (fx) => ({ id: String(fx.a.allocation.id), version: String(fx.a.allocation.version), slug: fx.a.slug }),
  },
  [`${ACTIONS}/allocations/actions.ts#deleteAllocationAction`]: { policy: 'editorOfA', input: (fx) => ({ ...stale(fx.a.draftAllocation), slug: fx.a.slug }) },
  [`${ACTIONS}/allocations/actions.ts#submitAllocationAction`]: { policy: 'editorOfA', input: (fx) => ({ ...stale(fx.a.draftAllocation), slug: fx.a.slug }) },
  [`${ACTIONS}/allocations/actions.ts#returnAllocationToDraftAction`]: {
    policy: 'editorOfA',
    input: (fx) => ({ ...stale(fx.a.submittedAllocation), slug: fx.a.slug }),
  },
  [`${ACTIONS}/allocations/actions.ts#decideAllocationAction`]: {
    policy: 'boardOfA',
    input: (fx) => ({ id: String(fx.a.submittedAllocation.id), version: String(fx.a.submittedAllocation.version), slug: fx.a.slug }),
  },
  [`${ACTIONS}/review/actions.ts#decideFromReviewAction`]: {
    policy: 'boardOfA',
    input: (fx) => ({ id: String(fx.a.submittedAllocation.id), version: String(fx.a.submittedAllocation.version), slug: fx.a.slug }),
  },
  // Bulk: past the check, the stale version of the one selected line refuses the whole request; nothing changes.
  [`${ACTIONS}/allocations/actions.ts#submitSelectedAction`]: {
    policy: 'editorOfA',
    input: (fx) => {
      const line = stale(fx.a.draftAllocation);
      return { localityId: String(fx.a.id), slug: fx.a.slug, 'lines.0.id': line.id, 'lines.0.version': line.version };
    },
  },
  [`${ACTIONS}/_lib/post-actions.ts#postSelectedAction`]: {
    policy: 'editorOfA',
    input: (fx) => {
      const receipt = stale(fx.a.receipt);
      return { localityId: String(fx.a.id), slug: fx.a.slug, kind: 'receipt', 'lines.0.id': receipt.id, 'lines.0.version': receipt.version };
    },
  },
  [`${ACTIONS}/review/actions.ts#decideSelectedAction`]: {
    policy: 'boardOfA',
    input: (fx) => {
      const line = stale(fx.a.submittedAllocation);
      return { localityId: String(fx.a.id), slug: fx.a.slug, decision: 'approve', 'lines.0.id': line.id, 'lines.0.version': line.version };
    },
  },

  [`${ACTIONS}/settlements/actions.ts#recordExpectedPaymentAction`]: {
    policy: 'editorOfA',
    input: (fx) => ({ localityId: String(fx.a.id), slug: fx.a.slug }),
  },
  [`${ACTIONS}/receipts/actions.ts#createReceiptAction`]: { policy: 'editorOfA', input: (fx) => ({ localityId: String(fx.a.id), slug: fx.a.slug }) },
  [`${ACTIONS}/receipts/actions.ts#updateReceiptAction`]: {
    policy: 'editorOfA',
    input: (fx) => ({ id: String(fx.a.receipt.id), version: String(fx.a.receipt.version), slug: fx.a.slug }),
  },
  [`${ACTIONS}/receipts/actions.ts#deleteReceiptAction`]: { policy: 'editorOfA', input: (fx) => ({ ...stale(fx.a.receipt), slug: fx.a.slug }) },

  [`${ACTIONS}/expenditures/actions.ts#createExpenditureAction`]: { policy: 'editorOfA', input: (fx) => ({ localityId: String(fx.a.id), slug: fx.a.slug }) },
  [`${ACTIONS}/expenditures/actions.ts#updateExpenditureAction`]: {
    policy: 'editorOfA',
    input: (fx) => ({ id: String(fx.a.expenditure.id), version: String(fx.a.expenditure.version), slug: fx.a.slug }),
  },
  [`${ACTIONS}/expenditures/actions.ts#deleteExpenditureAction`]: { policy: 'editorOfA', input: (fx) => ({ ...stale(fx.a.expenditure), slug: fx.a.slug }) },

  [`${ACTIONS}/context/actions.ts#saveContextTotalsAction`]: { policy: 'editorOfA', input: (fx) => ({ localityId: String(fx.a.id), slug: fx.a.slug }) },
  [`${ACTIONS}/context/actions.ts#saveBreakdownAction`]: { policy: 'editorOfA', input: (fx) => ({ localityId: String(fx.a.id), slug: fx.a.slug }) },
  [`${ACTIONS}/context/actions.ts#savePeopleServedAction`]: {
    policy: 'editorOfA',
    input: (fx) => ({ allocationId: String(fx.a.allocation.id), slug: fx.a.slug }),
  },
  [`${ACTIONS}/context/actions.ts#importContextAction`]: {
    policy: 'editorOfA',
    input: (fx) => ({ localityId: String(fx.a.id), fiscalYear: '2025', slug: fx.a.slug, file: csv('not,a,context,file\n1,2,3,4\n') }),
  },

  // Past the check, a missing fiscal year and amount fail validation: no opening balance is written.
  [`${ACTIONS}/fund/actions.ts#setOpeningBalanceAction`]: { policy: 'editorOfA', input: (fx) => ({ localityId: String(fx.a.id), slug: fx.a.slug }) },

  // Past the check, a missing report and date fail validation: nothing is marked as filed.
  [`${ACTIONS}/reports/actions.ts#markReportFiledAction`]: { policy: 'editorOfA', input: (fx) => ({ localityId: String(fx.a.id), slug: fx.a.slug }) },

  [`${ACTIONS}/goals/actions.ts#saveGoalAction`]: { policy: 'goalSetterOfA', input: (fx) => ({ localityId: String(fx.a.id), slug: fx.a.slug }) },
  [`${ACTIONS}/goals/actions.ts#deleteGoalAction`]: { policy: 'goalSetterOfA', input: (fx) => ({ ...stale(fx.a.goal), slug: fx.a.slug }) },
  // Outcomes are recorded like money and reviewed like lines (lib/services/outcomes/record.ts, lib/services/outcomes/review.ts).
  [`${ACTIONS}/outcomes/actions.ts#recordOutcomeAction`]: { policy: 'editorOfA', input: (fx) => ({ allocationId: String(fx.a.allocation.id), slug: fx.a.slug }) },
  [`${ACTIONS}/outcomes/actions.ts#deleteOutcomeAction`]: { policy: 'editorOfA', input: (fx) => ({ ...stale(fx.a.outcome), slug: fx.a.slug }) },
  [`${ACTIONS}/outcomes/actions.ts#submitOutcomeAction`]: { policy: 'editorOfA', input: (fx) => ({ ...stale(fx.a.outcome), slug: fx.a.slug }) },
  [`${ACTIONS}/outcomes/actions.ts#decideOutcomeAction`]: { policy: 'boardOfA', input: (fx) => ({ ...stale(fx.a.outcome), slug: fx.a.slug }) },

  // Route handlers: `input` holds the dynamic path segments; a `file` field makes it a multipart POST.
  'app/api/health/route.ts#GET': { policy: 'anyone', input: () => ({}) },
  [`${API}/categories/route.ts#GET`]: { policy: 'anyone', input: () => ({}) },
  [`${API}/localities/route.ts#GET`]: { policy: 'anyone', input: () => ({}) },
  [`${API}/openapi.json/route.ts#GET`]: { policy: 'anyone', input: () => ({}) },
  [`${API}/localities/[slug]/route.ts#GET`]: { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug }) },
  [`${API}/localities/[slug]/allocations/route.ts#GET`]: { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug }) },
  [`${API}/localities/[slug]/equity/route.ts#GET`]: { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug }) },
  [`${API}/localities/[slug]/expenditures/route.ts#GET`]: { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug }) },
  [`${API}/localities/[slug]/receipts/route.ts#GET`]: { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug }) },
  [`${API}/localities/[slug]/summary/route.ts#GET`]: { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug }) },
  [`${API}/localities/[slug]/fund/route.ts#GET`]: { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug }) },
  [`${API}/localities/[slug]/outcomes/route.ts#GET`]: { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug }) },
  [`${API}/localities/[slug]/reports/[report]/route.ts#GET`]: { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug, report: 'nc-annual-financial-report' }) },
  'app/data/[scope]/[file]/route.ts#GET': { policy: 'anyone', input: (fx) => ({ scope: fx.a.slug, file: 'allocations.csv' }) },
  'app/l/[slug]/feed.xml/route.ts#GET': { policy: 'anyone', input: (fx) => ({ slug: fx.a.slug }) },

  'app/staff/audit/export/route.ts#GET': { policy: 'auditReader', input: () => ({}) },
  [`${ACTIONS}/allocations/export/route.ts#GET`]: { policy: 'readerOfA', input: (fx) => ({ slug: fx.a.slug }) },
  [`${ACTIONS}/receipts/export/route.ts#GET`]: { policy: 'readerOfA', input: (fx) => ({ slug: fx.a.slug }) },
  [`${ACTIONS}/expenditures/export/route.ts#GET`]: { policy: 'readerOfA', input: (fx) => ({ slug: fx.a.slug }) },
  [`${ACTIONS}/import/preview/route.ts#POST`]: { policy: 'editorOfA', input: (fx) => ({ slug: fx.a.slug, ...badImport() }) },
  [`${ACTIONS}/import/commit/route.ts#POST`]: { policy: 'editorOfA', input: (fx) => ({ slug: fx.a.slug, ...badImport() }) },
};

/**
 * Issue #14: the actions that name a stored record by id, and the id field each reads. Someone who cannot see the
 * record's locality must get the same answer for another locality's record as for an id that does not exist.
 */
const RECORD_ID_PROBES: Record<string, (fx: SurfaceFixture) => { field: string; theirs: RecordRef }> = {
  [`${ACTIONS}/allocations/actions.ts#updateAllocationAction`]: (fx) => ({ field: 'id', theirs: fx.a.draftAllocation }),
  [`${ACTIONS}/allocations/actions.ts#deleteAllocationAction`]: (fx) => ({ field: 'id', theirs: fx.a.draftAllocation }),
  [`${ACTIONS}/allocations/actions.ts#submitAllocationAction`]: (fx) => ({ field: 'id', theirs: fx.a.draftAllocation }),
  [`${ACTIONS}/allocations/actions.ts#returnAllocationToDraftAction`]: (fx) => ({ field: 'id', theirs: fx.a.submittedAllocation }),
  [`${ACTIONS}/outcomes/actions.ts#deleteOutcomeAction`]: (fx) => ({ field: 'id', theirs: fx.a.outcome }),
  [`${ACTIONS}/outcomes/actions.ts#submitOutcomeAction`]: (fx) => ({ field: 'id', theirs: fx.a.outcome }),
  [`${ACTIONS}/outcomes/actions.ts#decideOutcomeAction`]: (fx) => ({ field: 'id', theirs: fx.a.outcome }),
  [`${ACTIONS}/allocations/actions.ts#decideAllocationAction`]: (fx) => ({ field: 'id', theirs: fx.a.submittedAllocation }),
  [`${ACTIONS}/review/actions.ts#decideFromReviewAction`]: (fx) => ({ field: 'id', theirs: fx.a.submittedAllocation }),
  [`${ACTIONS}/receipts/actions.ts#updateReceiptAction`]: (fx) => ({ field: 'id', theirs: fx.a.receipt }),
  [`${ACTIONS}/receipts/actions.ts#deleteReceiptAction`]: (fx) => ({ field: 'id', theirs: fx.a.receipt }),
  [`${ACTIONS}/expenditures/actions.ts#updateExpenditureAction`]: (fx) => ({ field: 'id', theirs: fx.a.expenditure }),
  [`${ACTIONS}/expenditures/actions.ts#deleteExpenditureAction`]: (fx) => ({ field: 'id', theirs: fx.a.expenditure }),
  [`${ACTIONS}/goals/actions.ts#saveGoalAction`]: (fx) => ({ field: 'id', theirs: fx.a.goal }),
  [`${ACTIONS}/goals/actions.ts#deleteGoalAction`]: (fx) => ({ field: 'id', theirs: fx.a.goal }),
  [`${ACTIONS}/context/actions.ts#savePeopleServedAction`]: (fx) => ({ field: 'allocationId', theirs: fx.a.allocation }),
};
/** An id no record has (within PostgreSQL's integer range, so it is looked up, not refused by validation). */
const NO_SUCH_ID = 2_000_000_000;

function toFormData(fields: Fields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

async function call(entry: SurfaceEntry, fields: Fields, sessionToken: string | null): Promise<Outcome> {
  if (entry.kind === 'action') return callAction(entry, toFormData(fields), { sessionToken });
  const params: Record<string, string> = {};
  const body: Fields = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && entry.file.includes(`[${name}]`)) params[name] = value;
    else body[name] = value;
  }
  const form = Object.keys(body).length > 0 ? toFormData(body) : undefined;
  return callRoute(entry, { params, form }, { sessionToken });
}

let surface: Surface;
beforeAll(async () => {
  surface = await discoverSurface();
});

describe('the app surface (actions and route handlers found on disk)', () => {
  it('has an authorization expectation for every action and handler, and none for one that is gone', () => {
    const found = surface.entries.map((entry) => entry.id).sort();
    const listed = Object.keys(EXPECTATIONS).sort();
    expect(found.filter((id) => !listed.includes(id)), 'actions or handlers missing from EXPECTATIONS').toEqual([]);
    expect(listed.filter((id) => !found.includes(id)), 'EXPECTATIONS that no longer exist').toEqual([]);
    expect(surface.inlineActionFiles, "inline 'use server' functions this test cannot enumerate").toEqual([]);
    // The discovery itself works: both kinds are there, in numbers that match the app today or more.
    expect(surface.entries.filter((e) => e.kind === 'action').length).toBeGreaterThanOrEqual(25);
    expect(surface.entries.filter((e) => e.kind === 'route').length).toBeGreaterThanOrEqual(16);
  });
});

describeEachDriver('another locality’s record ids cannot be probed (issue #14)', (driver) => {
  const fixture = useSurfaceFixture(driver);

  for (const [id, probe] of Object.entries(RECORD_ID_PROBES)) {
    it(`${id}: the same answer for a record of a locality one cannot see as for one that does not exist`, async () => {
      const fx = fixture();
      const entry = surface.entries.find((e) => e.id === id);
      expect(entry, `${id} is no longer in the app`).toBeDefined();
      const { field, theirs } = probe(fx);
      for (const actor of ['editorB', 'signedInNoRole'] as const) {
        const answer = async (recordId: number) => {
          const token = await fx.sessionFor(actor);
          const before = await snapshotDatabase(fx.db);
          const outcome = await call(entry!, { [field]: String(recordId), version: String(theirs.version), decision: 'approve', slug: fx.b.slug }, token);
          expect(changedTables(before, await snapshotDatabase(fx.db)), `${actor} changed something`).toEqual([]);
          return outcome;
        };
        const forTheirs = await answer(theirs.id);
        const forNothing = await answer(NO_SUCH_ID);
        expect(isDenial(forTheirs), `${actor}: ${describeOutcome(forTheirs)}`).toBe(true);
        expect(describeOutcome(forTheirs), actor).toBe(describeOutcome(forNothing));
      }
    });
  }
});

describeEachDriver('authorization of every action and route handler, for every kind of person', (driver) => {
  const fixture = useSurfaceFixture(driver);

  for (const [id, expectation] of Object.entries(EXPECTATIONS)) {
    const policy: Policy = POLICIES[expectation.policy];
    it(`${id}: ${policy.minimum}${policy.scoped ? ' (checked against the locality of the record)' : ''}`, async () => {
      const fx = fixture();
      const entry = surface.entries.find((e) => e.id === id);
      expect(entry, `${id} is no longer in the app`).toBeDefined();
      const problems: string[] = [];
      // The people who may not come in go first, so the allowed ones' changes cannot hide a refusal's.
      const order = [...ACTOR_NAMES].sort((x, y) => Number(policy.allowed.includes(x)) - Number(policy.allowed.includes(y)));
      for (const actor of order) {
        const allowed = policy.allowed.includes(actor);
        const token = await fx.sessionFor(actor);
        const fields = await expectation.input(fx);
        const before = await snapshotDatabase(fx.db);
        const outcome = await call(entry!, fields, token);
        const changed = changedTables(before, await snapshotDatabase(fx.db));
        const seen = `${actor}: ${describeOutcome(outcome)}`;
        if (isInternalError(outcome)) problems.push(`internal error for ${seen}`);
        else if (allowed && isDenial(outcome)) problems.push(`should be let in, was refused — ${seen}`);
        else if (!allowed && !isDenial(outcome)) problems.push(`should be refused, was not — ${seen}`);
        else if (!allowed && changed.length > 0) problems.push(`refused but changed ${changed.join(', ')} — ${seen}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
