import { describe, expect, it } from 'vitest';
import type { PublicFeed } from '@/lib/data/public-feed';
import { localityFeedView } from './locality-feed-view';

const LOCALITY = { name: 'Cedarholm County', slug: 'cedarholm-county' };
const ORIGIN = 'https://abate.example';

const FEED: PublicFeed = {
  localityCreatedAt: '2025-01-01T00:00:00Z',
  items: [
    {
      kind: 'decision',
      id: '41',
      at: '2026-03-04T15:02:07Z',
      allocationId: 7,
      program: 'Naloxone distribution',
      amountCents: 12_000_000n,
      fiscalYear: 2026,
      decision: 'approve',
      reason: 'Matches the plan',
      decidedBy: 'reviewer',
      linePublic: true,
    },
    {
      kind: 'decision',
      id: '40',
      at: '2026-03-03T09:00:00Z',
      allocationId: 8,
      program: 'Jail MAT',
      amountCents: 5_000_00n,
      fiscalYear: null,
      decision: 'return',
      reason: null,
      decidedBy: 'staff',
      linePublic: false,
    },
    {
      kind: 'payment',
      id: 12,
      at: '2026-03-02T10:00:00Z',
      allocationId: 7,
      program: 'Naloxone distribution',
      paidOn: '2026-02-27',
      fiscalYear: 2026,
      amountCents: 1_234_56n,
      description: 'Kits, first order',
      overspendReason: 'Emergency order',
    },
    {
      kind: 'receipt',
      id: 3,
      at: '2026-03-01T08:00:00Z',
      receivedOn: '2026-02-15',
      fiscalYear: 2026,
      amountCents: 50_000_000n,
      sourceName: 'Distributors settlement',
      paymentYear: 4,
      note: '',
    },
    {
      kind: 'line',
      id: 9,
      at: '2025-08-01T12:00:00Z',
      program: 'Peer recovery',
      description: 'Peers in the emergency department.',
      amountCents: 30_000_000n,
      fiscalYear: 2025,
      lastFiscalYear: 2027,
    },
  ],
};

describe('localityFeedView', () => {
  it('names the feed after the locality, links it to its page and takes its time from the newest entry', () => {
    const feed = localityFeedView(LOCALITY, FEED, ORIGIN);
    expect(feed).toMatchObject({
      id: 'urn:abate:cedarholm-county:feed',
      title: 'Abate — Cedarholm County',
      updated: '2026-03-04T15:02:07Z',
      selfHref: 'https://abate.example/l/cedarholm-county/feed.xml',
      alternateHref: 'https://abate.example/l/cedarholm-county',
      author: { name: 'Abate', uri: 'https://abate.example/' },
    });
  });

  it('says what happened in each entry, in plain words, and links to the page that shows it', () => {
    expect(localityFeedView(LOCALITY, FEED, ORIGIN).entries).toEqual([
      {
        id: 'urn:abate:cedarholm-county:decision:41',
        title: 'Board approved: Naloxone distribution — $120,000.00',
        updated: '2026-03-04T15:02:07Z',
        link: 'https://abate.example/l/cedarholm-county/lines/7',
        summary:
          'The oversight board approved the line “Naloxone distribution” (FY2026) for $120,000.00 on 2026-03-04. ' +
          'Reason: Matches the plan. Decided by: Oversight board member (reviewer).',
      },
      {
        id: 'urn:abate:cedarholm-county:decision:40',
        title: 'Board returned: Jail MAT — $5,000.00',
        updated: '2026-03-03T09:00:00Z',
        // A returned line has no public page: the entry links to the decisions list.
        link: 'https://abate.example/l/cedarholm-county/decisions',
        summary:
          'The oversight board returned the line “Jail MAT”, $5,000.00, to the budget staff to change on 2026-03-03. ' +
          'No reason given. Decided by: Staff member.',
      },
      {
        id: 'urn:abate:cedarholm-county:payment:12',
        title: 'Paid: Naloxone distribution — $1,234.56',
        updated: '2026-03-02T10:00:00Z',
        link: 'https://abate.example/l/cedarholm-county/lines/7',
        summary:
          '$1,234.56 paid on 2026-02-27 against the line “Naloxone distribution” (FY2026). Kits, first order. ' +
          'Paid beyond what remained of the line: Emergency order.',
      },
      {
        id: 'urn:abate:cedarholm-county:receipt:3',
        title: 'Received: Distributors settlement — $500,000.00',
        updated: '2026-03-01T08:00:00Z',
        link: 'https://abate.example/l/cedarholm-county/money-in',
        summary: '$500,000.00 received from Distributors settlement on 2026-02-15 (FY2026, settlement payment year 4).',
      },
      {
        id: 'urn:abate:cedarholm-county:line:9',
        title: 'Approved line: Peer recovery — $300,000.00',
        updated: '2025-08-01T12:00:00Z',
        link: 'https://abate.example/l/cedarholm-county/lines/9',
        summary: '$300,000.00 allocated to “Peer recovery” in the FY2025–FY2027 budget. Peers in the emergency department.',
      },
    ]);
  });

  it('gives the same ids on every call, whatever else changed', () => {
    const first = localityFeedView(LOCALITY, FEED, ORIGIN).entries.map((e) => e.id);
    const renamed = localityFeedView({ ...LOCALITY, name: 'Renamed' }, { ...FEED, items: FEED.items.slice().reverse() }, 'http://127.0.0.1:3000');
    expect(renamed.entries.map((e) => e.id).reverse()).toEqual(first);
  });

  it('takes the locality’s creation as its time when there is no entry', () => {
    const feed = localityFeedView(LOCALITY, { ...FEED, items: [] }, ORIGIN);
    expect(feed.updated).toBe('2025-01-01T00:00:00Z');
    expect(feed.entries).toEqual([]);
  });
});
