import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { expenditures } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { addAllocation, addRecipient } from '@/lib/equity/testing';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { invalidatePublic } from '@/lib/cache/public-cache';
import { allocationsAnswer } from '@/lib/open-data/answers';
import { roundFraction } from '@/lib/equity/decimal';
import { computeFlags } from '@/lib/equity/flags';
import { evaluateMeasure } from '@/lib/equity/measures';
import { useServiceFixture } from '@/lib/services/testing';
import { getAllocatedBySourceAndGroup } from './public-flows';
import { getPublicLine } from './public-line';
import { listPublicLines } from './public-lines';
import { queryRows } from './rows';
import { getSpendingByCategory } from './spending-by-category';
import { KEPT_FOR_CRIMINAL_LEGAL_GROUP } from './sql/crosswalk-target';

const FRAMEWORKS = ['health-first', 'exhibit-e', 'nc-high-impact'] as const;
const EXHIBIT_E_NAME = 'National settlements: Exhibit E';

/** The "non-police" categories of the seeds (set here until the reference data sets them). */
async function markNonPoliceCategories(db: Database) {
  await db.execute(sql`update categories set excludes_criminal_legal = true
    where framework_id = (select id from frameworks where key = 'health-first') and key in ('crisis-response', 'diversion', 'prevention')`);
}

/** "Other / not yet classified" in every framework: the reference data's if it has one, else one made here. */
async function unclassifiedCategories(db: Database): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const framework of FRAMEWORKS) {
    const existing = await queryRows<{ id: number }>(
      db,
      sql`select c.id from categories c join frameworks f on f.id = c.framework_id
          where f.key = ${framework} and c.unclassified order by c.id limit 1`,
    );
    const [row] = existing.length
      ? existing
      : await queryRows<{ id: number }>(
          db,
          sql`insert into categories (framework_id, key, label, group_label, stance, description, unclassified, sort_order)
              select id, 'test-unclassified', 'Other / not yet classified', 'Other', 'neutral', 'Not yet classified.', true, 9999
              from frameworks where key = ${framework} returning id`,
        );
    found[framework] = row!.id;
  }
  return found;
}

describeEachDriver('the crosswalk rule for criminal-legal-system recipients and unclassified money', (driver) => {
  const { db, f } = useServiceFixture(driver);
  let other: Record<string, number>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    await markNonPoliceCategories(db());
    other = await unclassifiedCategories(db());
    // A guessed crosswalk from Exhibit E's "Other" to naloxone must never be followed.
    await db().execute(sql`delete from category_crosswalk where from_category_id = ${other['exhibit-e']!}`);
    await db().execute(sql`insert into category_crosswalk (from_category_id, to_framework_id, to_category_id)
      select ${other['exhibit-e']!}, framework_id, id from categories where id = ${f.category('health-first', 'naloxone')}`);

    const localityId = f.localityA;
    // No type recorded ("other"): the name says police.
    const police = await addRecipient(db(), localityId, 'Springfield Police Department', 'other');
    const sheriff = await addRecipient(db(), localityId, 'Alder County Sheriff’s Office', 'law_enforcement');
    const clinic = await addRecipient(db(), localityId, 'Harbor Harm Reduction', 'community_based_organization');
    const health = await addRecipient(db(), localityId, 'Alder Health Department', 'government_department');
    const line = (program: string, cents: bigint, recipientId: number, splits: [number, number][]) =>
      addAllocation(db(), { localityId, fiscalYear: 2026, amountCents: cents, program, recipientId, splits });
    const ee = (key: string) => f.category('exhibit-e', key);

    ids.police = await line('Police outreach officer', 12_345_67n, police, [[ee('use-c'), 10_000]]);
    ids.coResponder = await line('Co-responder deputies', 8_000_01n, sheriff, [[ee('use-d'), 10_000]]);
    ids.sro = await line('School resource officers', 5_000_00n, police, [[ee('use-g'), 10_000]]);
    ids.community = await line('Peer crisis team', 7_000_00n, clinic, [[ee('use-c'), 10_000]]);
    // Budgeted to the health department, paid to the police: still police money.
    ids.paidToPolice = await line('Overdose follow-up visits', 3_000_00n, health, [
      [ee('use-c'), 6_000],
      [ee('core-a'), 4_000],
    ]);
    await db().insert(expenditures).values({
      allocationId: ids.paidToPolice,
      localityId,
      paidOn: '2025-09-01',
      fiscalYear: fiscalYearOf('2025-09-01', 7),
      amountCents: 1_000_03n,
      recipientId: police,
      postedAt: new Date(),
    });
    const jail = await addRecipient(db(), localityId, 'County Detention Center', 'other');
    ids.jailMoud = await addAllocation(db(), {
      localityId,
      fiscalYear: 2027,
      amountCents: 4_000_00n,
      program: 'Buprenorphine in the jail and at release',
      recipientId: jail,
      splits: [
        [f.category('health-first', 'moud'), 5_000],
        [f.category('nc-high-impact', 'reentry'), 5_000],
      ],
    });
    ids.other = await line('Miscellaneous', 2_500_00n, clinic, [[other['exhibit-e']!, 10_000]]);
  });

  it('shows a police line filed under "Connections to care" as that, with the police named — not as non-police crisis response', async () => {
    const lines = await listPublicLines(db(), f.localityA, 2026, 'health-first');
    const police = lines.find((l) => l.id === ids.police)!;
    expect(police.recipient?.name).toBe('Springfield Police Department');
    expect(police.criminalLegalRecipients).toEqual(['Springfield Police Department']);
    expect(police.categories).toHaveLength(1);
    expect(police.categories[0]).toMatchObject({ key: 'exhibit-e:use-c', keptFrom: EXHIBIT_E_NAME, group: KEPT_FOR_CRIMINAL_LEGAL_GROUP });
    expect(police.categories[0]!.label).toMatch(/connections to care/i);
    expect(police.categories[0]!.label).not.toMatch(/non-police/i);

    const byId = (id: number) => lines.find((l) => l.id === id)!.categories.map((c) => c.key);
    expect(byId(ids.coResponder!)).toEqual(['exhibit-e:use-d']);
    expect(byId(ids.sro!)).toEqual(['exhibit-e:use-g']);
    // The same category with a community recipient is mapped as the crosswalk says.
    expect(byId(ids.community!)).toEqual(['crisis-response']);
    // A payment naming the police is enough; the naloxone part still maps (its match is not "non-police").
    expect(byId(ids.paidToPolice!).sort()).toEqual(['exhibit-e:use-c', 'naloxone']);
    expect(lines.find((l) => l.id === ids.paidToPolice)!.criminalLegalRecipients).toEqual(['Springfield Police Department']);
  });

  it('never shows unclassified money under a guessed health category', async () => {
    const lines = await listPublicLines(db(), f.localityA, 2026, 'health-first');
    const misc = lines.find((l) => l.id === ids.other)!;
    expect(misc.categories).toEqual([expect.objectContaining({ label: 'Other / not yet classified', unclassified: true })]);
    expect(misc.flags.map((flag) => flag.code)).toContain('unclassified');
    const spending = await getSpendingByCategory(db(), f.localityA, 2026, 'health-first');
    expect(spending.find((c) => c.key === 'naloxone')?.allocatedCents).toBe(1_200_00n); // only the 40% of the $3,000 line
  });

  it('counts the kept money once, so every framework adds up to the cent', async () => {
    const totals = await Promise.all(
      FRAMEWORKS.map(async (framework) => {
        const rows = await getSpendingByCategory(db(), f.localityA, 2026, framework);
        return [rows.reduce((s, r) => s + r.allocatedCents, 0n), rows.reduce((s, r) => s + r.spentCents, 0n)];
      }),
    );
    const all = 12_345_67n + 8_000_01n + 5_000_00n + 7_000_00n + 3_000_00n + 2_500_00n;
    for (const [allocated, spent] of totals) {
      expect(allocated).toBe(all);
      expect(spent).toBe(1_000_03n);
    }
    const health = await getSpendingByCategory(db(), f.localityA, 2026, 'health-first');
    const kept = health.find((c) => c.key === 'exhibit-e:use-c')!;
    expect(kept).toMatchObject({ group: KEPT_FOR_CRIMINAL_LEGAL_GROUP, stance: null });
    // The police line and 60% of the health department's line (paid to the police).
    expect(kept.allocatedCents).toBe(12_345_67n + 1_800_00n);
    expect(health.find((c) => c.key === 'crisis-response')?.allocatedCents).toBe(7_000_00n);
    expect(health.some((c) => c.key === 'diversion' || c.key === 'prevention')).toBe(false);

    const flows = await getAllocatedBySourceAndGroup(db(), f.localityA, 2026, 'health-first');
    expect(flows.reduce((s, r) => s + r.allocatedCents, 0n)).toBe(all);
    expect(flows.filter((r) => r.group === KEPT_FOR_CRIMINAL_LEGAL_GROUP).reduce((s, r) => s + r.allocatedCents, 0n)).toBe(
      12_345_67n + 8_000_01n + 5_000_00n + 1_800_00n,
    );
  });

  it('raises the criminal-legal-recipient flag on the line page, naming who was paid', async () => {
    const detail = await getPublicLine(db(), f.localityA, ids.police!);
    expect(detail?.flags.map((flag) => [flag.code, flag.severity])).toEqual([['criminal-legal-recipient', 'high']]);
    expect(detail?.flags[0]?.detail).toContain('Springfield Police Department');
    expect(detail?.flags[0]?.detail).toMatch(/worsen/);
    const paid = await getPublicLine(db(), f.localityA, ids.paidToPolice!);
    expect(paid?.criminalLegalRecipients).toEqual(['Springfield Police Department']);
  });

  it('counts lines paid to criminal-legal-system recipients exactly, by type, by name and by payment', async () => {
    const spec = { measure: 'recipient_share', subject: 'criminal_legal', frameworkKey: 'health-first' } as const;
    const allocated = await evaluateMeasure(db(), f.localityA, 2026, { ...spec, basis: 'allocated' });
    // Police (named) $12,345.67 + sheriff $8,000.01 + school officers $5,000.00 + paid to police $3,000.00 of $37,845.68.
    expect(allocated.inputs.part?.value).toBe('28345.68');
    expect(allocated.inputs.total?.value).toBe('37845.68');
    expect(roundFraction(allocated.value!)).toBe(7490n); // 74.898…%
    const spent = await evaluateMeasure(db(), f.localityA, 2026, { ...spec, basis: 'spent' });
    expect([spent.inputs.part?.value, spent.inputs.total?.value]).toEqual(['1000.03', '1000.03']);
  });

  it('names MOUD in jail and reentry care paid to a jail without shaming it: the evidence-backed exception', async () => {
    const detail = await getPublicLine(db(), f.localityA, ids.jailMoud!);
    expect(detail?.flags.map((flag) => [flag.code, flag.severity])).toEqual([['criminal-legal-recipient', 'medium']]);
    expect(detail?.flags[0]?.detail).toContain('County Detention Center');
    expect(detail?.flags[0]?.detail).toContain('evidence-backed');
    const flags = await computeFlags(db(), f.localityA, 2027);
    expect(flags.filter((flag) => flag.kind === 'criminal_legal_recipient').map((flag) => [flag.severity, flag.allocationId])).toEqual([
      ['medium', ids.jailMoud],
    ]);
  });

  it('gives every allocation in the API its flags as stable codes, and the kept category', async () => {
    invalidatePublic('*');
    const answer = await allocationsAnswer(db(), 'alder-county', new URLSearchParams('fy=2026&framework=health-first&limit=100'));
    const byId = new Map(answer.data.map((a) => [a.id, a]));
    expect(byId.get(ids.police!)?.flags).toEqual(['criminal-legal-recipient']);
    expect(byId.get(ids.police!)?.criminal_legal_recipients).toEqual(['Springfield Police Department']);
    expect(byId.get(ids.police!)?.categories.parts.map((p) => [p.key, p.stance])).toEqual([['exhibit-e:use-c', null]]);
    expect(byId.get(ids.community!)?.flags).toEqual([]);
    expect(byId.get(ids.community!)?.categories.parts.map((p) => p.key)).toEqual(['crisis-response']);
    expect(byId.get(ids.other!)?.flags).toEqual(['unclassified']);
    expect(byId.get(ids.paidToPolice!)?.flags).toEqual(['criminal-legal-recipient']);
    // The category filter sees the same mapping: the police line is not "crisis-response".
    invalidatePublic('*');
    const crisis = await allocationsAnswer(db(), 'alder-county', new URLSearchParams('fy=2026&framework=health-first&category=crisis-response'));
    expect(crisis.data.map((a) => a.id)).toEqual([ids.community]);
  });
});
