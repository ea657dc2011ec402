import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { allocations, expenditures, fundingSources, receipts } from '@/db/schema';
import { describeEachDriver } from '@/db/testing/test-database';
import { addAllocation } from '@/lib/equity/testing';
import { renderAtomFeed } from '@/lib/open-data/atom';
import { readAtom } from '@/lib/open-data/testing/read-atom';
import { decideAllocation } from '@/lib/services/allocations/decide';
import { useServiceFixture } from '@/lib/services/testing';
import { localityFeedView } from '@/lib/views/locality-feed-view';
import { getPublicFeed } from './public-feed';

describeEachDriver('public feed of a locality', (driver) => {
  const { db, f } = useServiceFixture(driver);
  let sourceName = '';
  const ids = { kits: 0, patrol: 0, peers: 0, draft: 0, deleted: 0, other: 0, receipt: 0, payment: 0 };

  async function decide(id: number, decision: 'approve' | 'return', reason: string) {
    const [line] = await db().select({ version: allocations.version }).from(allocations).where(eq(allocations.id, id));
    await decideAllocation({ db: db(), actor: f.reviewerA }, { id, version: line!.version, decision, reason });
  }

  async function receipt(localityId: number, amountCents: bigint, postedAt: Date | null, deletedAt: Date | null = null) {
    const [row] = await db()
      .insert(receipts)
      .values({ localityId, sourceId: f.sourceId, receivedOn: '2026-02-15', fiscalYear: 2026, amountCents, note: 'Installment 4', postedAt, deletedAt })
      .returning({ id: receipts.id });
    return row!.id;
  }

  async function payment(allocationId: number, amountCents: bigint, postedAt: Date | null) {
    const [row] = await db()
      .insert(expenditures)
      .values({ allocationId, localityId: f.localityA, paidOn: '2026-02-27', fiscalYear: 2026, amountCents, description: 'Kits, first order', postedAt })
      .returning({ id: expenditures.id });
    return row!.id;
  }

  beforeAll(async () => {
    const [source] = await db().select({ name: fundingSources.name }).from(fundingSources).where(eq(fundingSources.id, f.sourceId));
    sourceName = source!.name;
    const line = (program: string, amountCents: bigint, status: 'draft' | 'submitted' | 'approved', extra: { deleted?: boolean; localityId?: number } = {}) =>
      addAllocation(db(), { localityId: extra.localityId ?? f.localityA, fiscalYear: 2026, amountCents, status, program, deleted: extra.deleted ?? false });

    ids.kits = await line('Naloxone kits', 12_000_000n, 'submitted');
    ids.patrol = await line('Patrol vehicle equipment', 1_000_001n, 'submitted');
    ids.peers = await line('Peer recovery', 30_000_000n, 'approved');
    ids.draft = await line('Secret draft plan', 99_999n, 'draft');
    ids.deleted = await line('Deleted line', 77_777n, 'approved', { deleted: true });
    ids.other = await line('Birch line', 55_555n, 'approved', { localityId: f.localityB });
    await decide(ids.kits, 'approve', 'Naloxone saves lives.');
    await decide(ids.patrol, 'return', 'Police equipment is not remediation.');

    ids.receipt = await receipt(f.localityA, 50_000_000n, new Date('2030-01-02T03:04:05Z'));
    ids.payment = await payment(ids.kits, 123_456n, new Date('2030-01-03T00:00:00Z'));
    // Never public: a draft receipt, a deleted one, another locality's, an unposted payment, a payment on a draft line.
    await receipt(f.localityA, 1_111n, null);
    await receipt(f.localityA, 2_222n, new Date(), new Date());
    await receipt(f.localityB, 3_333n, new Date());
    await payment(ids.kits, 4_444n, null);
    await payment(ids.draft, 5_555n, new Date('2030-01-04T00:00:00Z'));
  });

  it('holds exactly the public events, newest first: decisions, lines approved without one, posted money', async () => {
    const feed = await getPublicFeed(db(), { localityId: f.localityA });
    expect(feed.items.map((item) => `${item.kind}:${item.id}`).slice(0, 2)).toEqual([`payment:${ids.payment}`, `receipt:${ids.receipt}`]);
    expect(new Set(feed.items.map((item) => `${item.kind}:${item.kind === 'decision' ? item.allocationId : item.id}`))).toEqual(
      new Set([`payment:${ids.payment}`, `receipt:${ids.receipt}`, `decision:${ids.kits}`, `decision:${ids.patrol}`, `line:${ids.peers}`]),
    );
    expect(feed.items).toHaveLength(5);
    for (const item of feed.items) expect(item.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(feed.items.map((item) => item.at)).toEqual(feed.items.map((item) => item.at).sort().reverse());
    expect(feed.items[0]).toMatchObject({ kind: 'payment', at: '2030-01-03T00:00:00Z', amountCents: 123_456n, program: 'Naloxone kits', paidOn: '2026-02-27' });
    expect(feed.items[1]).toMatchObject({ kind: 'receipt', at: '2030-01-02T03:04:05Z', amountCents: 50_000_000n, note: 'Installment 4', sourceName });
    const decisions = feed.items.filter((item) => item.kind === 'decision');
    expect(decisions.map((d) => [d.program, d.decision, d.reason, d.decidedBy, d.linePublic])).toEqual([
      ['Patrol vehicle equipment', 'return', 'Police equipment is not remediation.', 'reviewer', false],
      ['Naloxone kits', 'approve', 'Naloxone saves lives.', 'reviewer', true],
    ]);
    expect(feed.localityCreatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('reads as an Atom feed with none of the unpublished money or lines, and the same ids on every request', async () => {
    const render = async () =>
      renderAtomFeed(localityFeedView({ name: 'Alder County', slug: 'alder-county' }, await getPublicFeed(db(), { localityId: f.localityA }), 'https://abate.example'));
    const xml = await render();
    const atom = readAtom(xml);
    expect(atom.title).toBe('Abate — Alder County');
    expect(atom.updated).toBe('2030-01-03T00:00:00Z');
    expect(atom.entries.map((e) => e.title)).toEqual([
      'Paid: Naloxone kits — $1,234.56',
      `Received: ${sourceName} — $500,000.00`,
      ...atom.entries.slice(2).map((e) => e.title),
    ]);
    expect(atom.entries.map((e) => e.title).sort()).toEqual(
      [
        'Paid: Naloxone kits — $1,234.56',
        `Received: ${sourceName} — $500,000.00`,
        'Board approved: Naloxone kits — $120,000.00',
        'Board returned: Patrol vehicle equipment — $10,000.01',
        'Approved line: Peer recovery — $300,000.00',
      ].sort(),
    );
    for (const hidden of ['Secret draft plan', 'Deleted line', 'Birch line', '$11.11', '$22.22', '$33.33', '$44.44', '$55.55', '$999.99']) {
      expect(xml).not.toContain(hidden);
    }
    expect(xml).not.toContain('Rita');
    expect(atom.entries.find((e) => e.title.startsWith('Board returned'))!.link).toBe('https://abate.example/l/alder-county/decisions');
    expect(atom.entries.find((e) => e.title.startsWith('Board approved'))!.link).toBe(`https://abate.example/l/alder-county/lines/${ids.kits}`);
    expect(readAtom(await render()).entries.map((e) => e.id)).toEqual(atom.entries.map((e) => e.id));
  });

  it('keeps the newest `limit` entries; another locality sees only its own', async () => {
    const two = await getPublicFeed(db(), { localityId: f.localityA, limit: 2 });
    expect(two.items.map((item) => `${item.kind}:${item.id}`)).toEqual([`payment:${ids.payment}`, `receipt:${ids.receipt}`]);
    const birch = await getPublicFeed(db(), { localityId: f.localityB });
    expect(birch.items.map((item) => [item.kind, item.amountCents])).toEqual(
      expect.arrayContaining([
        ['line', 55_555n],
        ['receipt', 3_333n],
      ]),
    );
    expect(birch.items).toHaveLength(2);
  });
});
