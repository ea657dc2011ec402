/**
 * Hostile text for the stored-XSS sweep (e2e/hostile-content.spec.ts): a fictional locality of its own, whose every
 * field a page shows holds markup, script, `javascript:` links, template syntax and long right-to-left text. It is
 * written through the same verbs the staff forms call (so it passes the same checks a person's input does), into a
 * locality no other test reads, so the demo figures other tests compare stay as they are.
 *
 * e2e/serve.ts loads it before the server starts (set ABATE_E2E_HOSTILE=0 to leave it out) and this module writes
 * the ids the spec needs to HOSTILE_FILE.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { categories, frameworks, fundingSources, localities, memberships, users } from '../../db/schema';
import { createUser } from '../../lib/auth/create-user';
import type { Actor } from '../../lib/auth/authorize';
import { createAllocation } from '../../lib/services/allocations/create';
import { createExpenditure } from '../../lib/services/expenditures/create';
import { createReceipt } from '../../lib/services/receipts/create';
import { recordOutcome } from '../../lib/services/outcomes/record';
import { decideAllocation } from '../../lib/services/allocations/decide';
import { setEquityGoal } from '../../lib/services/equity/set-goal';
import { setContextBreakdown, setLocalityContext } from '../../lib/services/equity/set-context';
import { setPeopleServed } from '../../lib/services/equity/set-people-served';
import { returnAllocationToDraft } from '../../lib/services/allocations/return-to-draft';
import { submitAllocation } from '../../lib/services/allocations/submit';
import { readAllocationSnapshot } from '../../lib/data/staff-snapshots';
import { SERVER_FOLDER } from '../expected';

export const HOSTILE_FILE = path.join(SERVER_FOLDER, 'hostile.json');

export const PAYLOADS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  svg: '"><svg onload=alert(1)>',
  js: 'javascript:alert(1)',
  markdown: '[x](javascript:alert(1))',
  template: '{{7*7}}',
} as const;

/** Every payload in one line (132 characters), for fields of 200. */
export const HOSTILE = Object.values(PAYLOADS).join(' ');

/** Right-to-left override, Arabic, Hebrew, a joined emoji and stacked combining marks, long. */
const RTL_UNIT = '\u202Eمرحبا بالعالم שלום עולם 👩🏽‍⚕️ Z̴̢̛a̷̡l̶̨g̵o̸ \u202C';
export const LONG_RTL = RTL_UNIT.repeat(Math.floor(1800 / RTL_UNIT.length));

export const HOSTILE_SLUG = 'zz-hostile-test';
// "Zz" so it sorts after the demo localities in every list (a test that opens "the first locality" is unaffected).
export const HOSTILE_LOCALITY_NAME = `Zz Hostile Test ${PAYLOADS.img} ${PAYLOADS.script} ${PAYLOADS.svg} ${PAYLOADS.template} (demo)`;

export const HOSTILE_USERS = {
  editor: { email: 'editor@hostile.abate.test', password: 'hostile-editor-password', name: `Ed ${HOSTILE}` },
  reviewer: { email: 'reviewer@hostile.abate.test', password: 'hostile-reviewer-password', name: `Rev ${PAYLOADS.svg} ${PAYLOADS.script} ${PAYLOADS.js}` },
} as const;

export interface HostileIds {
  slug: string;
  fiscalYear: number;
  /** Approved (public) lines: the first went through a return with a hostile reason. */
  approved: number[];
  submitted: number;
  returned: number;
  /** Approved, then returned to draft with a hostile reason. */
  backToDraft: number;
  receipt: number;
  expenditures: number[];
  /** A payment beyond what remained of line B, with a hostile overspend reason (public on the line's page). */
  overspend: number;
  /** A draft outcome of line A with a hostile custom measure, unit and source (staff pages only until approved). */
  outcome: number;
}

export function readHostileIds(): HostileIds {
  if (!fs.existsSync(HOSTILE_FILE)) {
    throw new Error(`${HOSTILE_FILE} is missing: e2e/serve.ts writes it unless ABATE_E2E_HOSTILE=0`);
  }
  return JSON.parse(fs.readFileSync(HOSTILE_FILE, 'utf8')) as HostileIds;
}

async function actorOf(db: Database, userId: number): Promise<Actor> {
  // The verbs take the Actor a signed-in request has; built here from the same rows findActorBySession reads.
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const rows = await db.select().from(memberships).where(eq(memberships.userId, userId));
  return {
    userId,
    email: user!.email,
    name: user!.name,
    isSiteAdmin: user!.isSiteAdmin,
    memberships: new Map(rows.map((m) => [m.localityId, m.role])),
  };
}

export async function seedHostileData(db: Database): Promise<HostileIds> {
  const FY = 2026;
  const [locality] = await db
    .insert(localities)
    .values({ slug: HOSTILE_SLUG, name: HOSTILE_LOCALITY_NAME, kind: 'county', stateCode: 'ZZ', population: 50_000, fyStartMonth: 7, isDemo: true })
    .returning({ id: localities.id });
  const localityId = locality!.id;
  const { userId: editorId } = await createUser(db, { ...HOSTILE_USERS.editor, role: 'editor', locality: HOSTILE_SLUG }, null);
  const { userId: reviewerId } = await createUser(db, { ...HOSTILE_USERS.reviewer, role: 'reviewer', locality: HOSTILE_SLUG }, null);
  const editor = await actorOf(db, editorId);
  const reviewer = await actorOf(db, reviewerId);

  const categoryId = async (key: string) => {
    const [row] = await db
      .select({ id: categories.id })
      .from(categories)
      .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId))
      .where(and(eq(frameworks.key, 'health-first'), eq(categories.key, key)));
    return String(row!.id);
  };
  const [source] = await db.select({ id: fundingSources.id }).from(fundingSources).limit(1);
  const version = async (id: number) => (await readAllocationSnapshot(db, id))!.version;

  const allocation = (program: string, description: string, recipient: Record<string, unknown>, splits: { categoryId: string; percent: string }[]) =>
    createAllocation({ db, actor: editor }, {
      localityId: String(localityId),
      fiscalYear: String(FY),
      program,
      description,
      amount: '$250,000.00',
      sourceId: String(source!.id),
      recipientId: '',
      newRecipientName: '',
      newRecipientType: '',
      ...recipient,
      splits,
    });
  const submit = async (id: number) => submitAllocation({ db, actor: editor }, { id, version: await version(id) });
  const decide = async (id: number, decision: 'approve' | 'return', reason: string) =>
    decideAllocation({ db, actor: reviewer }, { id, version: await version(id), decision, reason });

  const moud = await categoryId('moud');
  const naloxone = await categoryId('naloxone');
  const police = await categoryId('law-enforcement');

  // A: a recipient named exactly like a javascript: URL; returned once with a hostile (public) reason, then approved.
  const a = await allocation(`Line A ${HOSTILE}`, `${HOSTILE} ${LONG_RTL}`.slice(0, 2000), {
    recipientMode: 'new',
    newRecipientName: PAYLOADS.js,
    newRecipientType: 'community_based_organization',
    newRecipientLivedExperience: 'on',
  }, [{ categoryId: moud, percent: '100' }]);
  await submit(a.id);
  await decide(a.id, 'return', `Returned: ${HOSTILE}`);
  await submit(a.id);
  await decide(a.id, 'approve', `Approved: ${HOSTILE}`);

  // B: a title that is a Markdown link to javascript:, split between two categories, one the evidence discourages.
  const b = await allocation(PAYLOADS.markdown, `${PAYLOADS.template} ${PAYLOADS.img} ${PAYLOADS.svg}`, {
    recipientMode: 'new',
    newRecipientName: `Recipient ${PAYLOADS.svg} ${PAYLOADS.img} ${PAYLOADS.script}`,
    newRecipientType: 'law_enforcement',
  }, [{ categoryId: naloxone, percent: '50' }, { categoryId: police, percent: '50' }]);
  await submit(b.id);
  await decide(b.id, 'approve', '');

  const existingRecipient = { recipientMode: 'none' };
  const c = await allocation(`Line C ${HOSTILE}`, `Under review ${HOSTILE}`, existingRecipient, [{ categoryId: naloxone, percent: '100' }]);
  await submit(c.id);

  const d = await allocation(`Line D ${HOSTILE}`, `Returned line ${HOSTILE}`, existingRecipient, [{ categoryId: moud, percent: '100' }]);
  await submit(d.id);
  await decide(d.id, 'return', `Say more: ${HOSTILE}`);

  const e = await allocation(`Line E ${HOSTILE}`, `Back to draft ${HOSTILE}`, existingRecipient, [{ categoryId: moud, percent: '100' }]);
  await submit(e.id);
  await decide(e.id, 'approve', '');
  await returnAllocationToDraft({ db, actor: editor }, { id: e.id, version: await version(e.id), reason: `Reopened: ${HOSTILE}` });

  const receipt = await createReceipt({ db, actor: editor }, {
    localityId: String(localityId),
    sourceId: String(source!.id),
    receivedOn: '2025-09-01',
    amount: '$1,000,000.00',
    note: `Receipt ${HOSTILE}`,
    intent: 'post',
  });
  const spent = [
    await createExpenditure({ db, actor: editor }, { localityId: String(localityId), allocationId: String(a.id), paidOn: '2025-10-01', amount: '$1,000.00', description: `Paid ${HOSTILE}`, intent: 'post' }),
    await createExpenditure({ db, actor: editor }, { localityId: String(localityId), allocationId: String(b.id), paidOn: '2025-11-01', amount: '$2,000.00', description: LONG_RTL, intent: 'post' }),
  ];
  const overspend = await createExpenditure({ db, actor: editor }, {
    localityId: String(localityId),
    allocationId: String(b.id),
    paidOn: '2025-12-01',
    amount: '$300,000.00',
    description: 'Beyond the line',
    overspendReason: `Overspent: ${HOSTILE}`,
    intent: 'post',
  });

  await setLocalityContext({ db, actor: editor }, { localityId, fiscalYear: String(FY), population: '50000', overdoseDeaths: '40', source: `Source ${HOSTILE}` });
  await setContextBreakdown({ db, actor: editor }, {
    localityId,
    fiscalYear: FY,
    dimension: 'race_ethnicity',
    groups: [
      { groupKey: 'black', groupLabel: `Group ${PAYLOADS.img} ${PAYLOADS.template}`, population: '20000', overdoseDeaths: '20' },
      { groupKey: 'white', groupLabel: `${PAYLOADS.script} ${PAYLOADS.js}`, population: '30000', overdoseDeaths: '20' },
    ],
  });
  await setContextBreakdown({ db, actor: editor }, {
    localityId,
    fiscalYear: FY,
    dimension: 'area',
    groups: [
      { groupKey: 'district-1', groupLabel: `District ${PAYLOADS.svg} ${PAYLOADS.markdown}`, population: '25000', overdoseDeaths: '25' },
      { groupKey: 'district-2', groupLabel: `District ${PAYLOADS.img}`, population: '25000', overdoseDeaths: '15' },
    ],
  });
  await setPeopleServed({ db, actor: editor }, { allocationId: a.id, fiscalYear: FY, groups: [{ groupKey: 'black', people: '300' }, { groupKey: 'white', people: '200' }] });

  const outcome = await recordOutcome({ db, actor: editor }, {
    allocationId: String(a.id),
    measure: 'other',
    customMeasureName: `Measure ${PAYLOADS.img} ${PAYLOADS.template}`,
    unit: PAYLOADS.script.slice(0, 50),
    periodStart: `${FY - 1}-07-01`,
    periodEnd: `${FY - 1}-09-30`,
    units: '120',
    source: `Report ${HOSTILE}`,
  });

  const goal = { localityId: String(localityId), fiscalYear: String(FY), comparator: 'at_least', amberMargin: '5' };
  await setEquityGoal({ db, actor: reviewer }, { ...goal, measure: 'group_share', subject: 'harm reduction', target: '25', reason: `Goal ${HOSTILE}` });
  await setEquityGoal({ db, actor: reviewer }, { ...goal, measure: 'spend_down', subject: '', target: '60', reason: `${PAYLOADS.template} ${PAYLOADS.svg} ${LONG_RTL}`.slice(0, 2000) });
  await setEquityGoal({ db, actor: reviewer }, { ...goal, measure: 'reach_parity', subject: 'black', target: '0.8', amberMargin: '0.1', reason: `Parity ${PAYLOADS.markdown}` });

  const ids: HostileIds = {
    slug: HOSTILE_SLUG,
    fiscalYear: FY,
    approved: [a.id, b.id],
    submitted: c.id,
    returned: d.id,
    backToDraft: e.id,
    receipt: receipt.id,
    expenditures: spent.map((s) => s.id),
    overspend: overspend.id,
    outcome: outcome.id,
  };
  fs.mkdirSync(path.dirname(HOSTILE_FILE), { recursive: true });
  fs.writeFileSync(HOSTILE_FILE, JSON.stringify(ids, null, 2));
  return ids;
}
