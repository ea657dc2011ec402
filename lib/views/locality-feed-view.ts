/**
 * A locality's public events (lib/data/public-feed.ts) as an Atom feed: the words of each entry, the public page
 * that shows it, and ids that never change. Pure: the route handler fetches, this shapes, lib/open-data/atom.ts writes.
 */
import { PUBLIC_ACTOR_LABEL } from '@/lib/data/public-actor';
import type { PublicFeed, PublicFeedItem } from '@/lib/data/public-feed';
import { formatFiscalYear, formatFiscalYearSpan } from '@/lib/fiscal-year';
import { formatCents } from '@/lib/money';
import type { AtomEntry, AtomFeed } from '@/lib/open-data/atom';

export const feedPath = (slug: string) => `/l/${slug}/feed.xml`;
export const feedTitle = (localityName: string) => `Abate — ${localityName}`;

/** "urn:abate:{slug}:{kind}:{id}": built from the record alone, so a reader never sees an entry twice. */
const entryId = (slug: string, item: PublicFeedItem) => `urn:abate:${slug}:${item.kind}:${item.id}`;

const sentences = (...parts: (string | null | false)[]) => parts.filter((part): part is string => Boolean(part)).join(' ');
const asSentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function entryTitle(item: PublicFeedItem): string {
  const amount = formatCents(item.amountCents);
  switch (item.kind) {
    case 'decision':
      return `Board ${item.decision === 'approve' ? 'approved' : 'returned'}: ${item.program} — ${amount}`;
    case 'line':
      return `Approved line: ${item.program} — ${amount}`;
    case 'receipt':
      return `Received: ${item.sourceName} — ${amount}`;
    case 'payment':
      return `Paid: ${item.program} — ${amount}`;
  }
}

function entrySummary(item: PublicFeedItem): string {
  const amount = formatCents(item.amountCents);
  switch (item.kind) {
    case 'decision': {
      const year = item.fiscalYear === null ? '' : ` (${formatFiscalYear(item.fiscalYear)})`;
      return sentences(
        item.decision === 'approve'
          ? `The oversight board approved the line “${item.program}”${year} for ${amount} on ${item.at.slice(0, 10)}.`
          : `The oversight board returned the line “${item.program}”${year}, ${amount}, to the budget staff to change on ${item.at.slice(0, 10)}.`,
        item.reason ? `Reason: ${asSentence(item.reason)}` : 'No reason given.',
        `Decided by: ${PUBLIC_ACTOR_LABEL[item.decidedBy]}.`,
      );
    }
    case 'line':
      return sentences(
        `${amount} allocated to “${item.program}” in the ${formatFiscalYearSpan(item.fiscalYear, item.lastFiscalYear)} budget.`,
        item.description && asSentence(item.description),
      );
    case 'receipt':
      return sentences(
        `${amount} received from ${item.sourceName} on ${item.receivedOn} (${formatFiscalYear(item.fiscalYear)}${
          item.paymentYear === null ? '' : `, settlement payment year ${item.paymentYear}`
        }).`,
        item.note && asSentence(item.note),
      );
    case 'payment':
      return sentences(
        `${amount} paid on ${item.paidOn} against the line “${item.program}” (${formatFiscalYear(item.fiscalYear)}).`,
        item.description && asSentence(item.description),
        item.overspendReason && `Paid beyond what remained of the line: ${asSentence(item.overspendReason)}`,
      );
  }
}

/** The public page that shows the entry: the line's page while the line is public, else the list it is in. */
function entryPath(slug: string, item: PublicFeedItem): string {
  switch (item.kind) {
    case 'decision':
      return item.linePublic ? `/l/${slug}/lines/${item.allocationId}` : `/l/${slug}/decisions`;
    case 'line':
      return `/l/${slug}/lines/${item.id}`;
    case 'receipt':
      return `/l/${slug}/money-in`;
    case 'payment':
      return `/l/${slug}/lines/${item.allocationId}`;
  }
}

/** `origin` is the site's, without a trailing slash ("https://abate.example"): feed readers need absolute links. */
export function localityFeedView(locality: { name: string; slug: string }, feed: PublicFeed, origin: string): AtomFeed {
  const { slug } = locality;
  const entries: AtomEntry[] = feed.items.map((item) => ({
    id: entryId(slug, item),
    title: entryTitle(item),
    updated: item.at,
    link: `${origin}${entryPath(slug, item)}`,
    summary: entrySummary(item),
  }));
  return {
    id: `urn:abate:${slug}:feed`,
    title: feedTitle(locality.name),
    subtitle: `Board decisions, approved lines, and posted receipts and payments of ${locality.name}, newest first: public data only.`,
    updated: feed.items[0]?.at ?? feed.localityCreatedAt,
    selfHref: `${origin}${feedPath(slug)}`,
    alternateHref: `${origin}/l/${slug}`,
    author: { name: 'Abate', uri: `${origin}/` },
    entries,
  };
}
