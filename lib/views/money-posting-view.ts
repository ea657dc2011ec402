/**
 * The review page's "Receipts and payments awaiting posting", for a locality whose board approves its money
 * (`money_needs_approval`): one table of draft receipts and one of draft payments, each row with its date, who paid
 * or was paid, the amount, who recorded it and a link to it, and a checkbox for the bulk "Post N selected" — none on
 * a line the person looking recorded, since the recorder may not post their own (lib/services/money/post.ts). Pure:
 * tested without a database or a browser.
 */
import type { MoneyAwaitingPosting, MoneyDraftLine } from '@/lib/data/money-awaiting-posting';
import type { Role } from '@/lib/auth/authorize';
import { formatCents } from '@/lib/money';
import type { PostableKind } from '@/lib/services/money/post';

export interface MoneyPostingRow {
  id: string;
  version: string;
  date: string;
  fiscalYear: string;
  /** Who paid (a receipt) or was paid (a payment); "Not recorded" when nobody is named. */
  party: string;
  amount: string;
  amountCents: string;
  /** "Demo Editor (Cedarholm County), editor" */
  recordedBy: string;
  recordedAt: string;
  /** The link to the line: a payment's allocation (with its payments), a receipt's place in the drafts list. */
  href: string;
  linkText: string;
  /** What the checkbox and the messages call it: "$1,000.00 received 2026-02-11". */
  label: string;
  /** Null when the person may post it; else why not. */
  notYours: string | null;
}

export interface MoneyPostingSection {
  kind: PostableKind;
  /** An id for the section's heading, and for links to it. */
  id: string;
  heading: string;
  caption: string;
  partyHeader: string;
  linkHeader: string;
  rows: MoneyPostingRow[];
  /** "Receipts 201–250 are not listed: post these first." when more wait than are listed; else null. */
  more: string | null;
  emptyText: string;
  totalCents: string;
  total: string;
}

export interface MoneyPostingQueue {
  /** How many receipts and payments wait, listed or not. */
  count: number;
  /** "2 receipts and 1 payment wait for the board to post them." */
  summary: string;
  sections: MoneyPostingSection[];
}

const ROLE_WORDS: Readonly<Record<Role, string>> = { admin: 'administrator', editor: 'editor', reviewer: 'board member' };

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "Demo Editor, editor"; "Sam Admin, site administrator" for an administrator without a role here. */
export function recorderText(recordedBy: MoneyDraftLine['recordedBy']): string {
  if (!recordedBy) return 'Not recorded';
  return `${recordedBy.name}, ${recordedBy.role ? ROLE_WORDS[recordedBy.role] : 'site administrator'}`;
}

/** What waits, in one sentence: "2 receipts and 1 payment wait for the board to post them." */
export function moneyAwaitingSummary(receipts: number, payments: number): string {
  if (receipts + payments === 0) return 'No receipts or payments wait for the board to post them.';
  const parts = [receipts > 0 ? plural(receipts, 'receipt', 'receipts') : null, payments > 0 ? plural(payments, 'payment', 'payments') : null].filter(
    (part): part is string => part !== null,
  );
  return `${parts.join(' and ')} ${receipts + payments === 1 ? 'waits' : 'wait'} for the board to post ${receipts + payments === 1 ? 'it' : 'them'}.`;
}

function toRow(line: MoneyDraftLine, kind: PostableKind, base: string, actorUserId: number): MoneyPostingRow {
  const amount = formatCents(line.amountCents);
  const noun = kind === 'receipt' ? 'receipt' : 'payment';
  const link =
    kind === 'expenditure' && line.allocation
      ? { href: `${base}/allocations/${line.allocation.id}`, text: line.allocation.program }
      : { href: `${base}/receipts?posting=draft&fy=${line.fiscalYear}`, text: line.note.trim() === '' ? `Receipt no. ${line.id}` : line.note };
  return {
    id: String(line.id),
    version: String(line.version),
    date: line.date,
    fiscalYear: `FY${line.fiscalYear}`,
    party: line.party ?? 'Not recorded',
    amount,
    amountCents: line.amountCents.toString(),
    recordedBy: recorderText(line.recordedBy),
    recordedAt: line.recordedAt,
    href: link.href,
    linkText: link.text,
    label: kind === 'receipt' ? `${amount} received ${line.date}` : `${amount} paid ${line.date} from “${line.allocation?.program ?? ''}”`,
    notYours: line.recordedBy?.id === actorUserId ? `You recorded this ${noun}: another board member posts it.` : null,
  };
}

function section(
  kind: PostableKind,
  lines: readonly MoneyDraftLine[],
  count: number,
  base: string,
  actorUserId: number,
): MoneyPostingSection {
  const receipt = kind === 'receipt';
  const rows = lines.map((line) => toRow(line, kind, base, actorUserId));
  const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0n);
  const hidden = count - rows.length;
  return {
    kind,
    id: receipt ? 'receipts-awaiting-posting' : 'payments-awaiting-posting',
    heading: receipt ? 'Receipts' : 'Payments',
    caption: receipt ? 'Draft receipts awaiting posting, oldest first' : 'Draft payments awaiting posting, oldest first',
    partyHeader: receipt ? 'Paid by' : 'Paid to',
    linkHeader: receipt ? 'Note' : 'Paid from allocation',
    rows,
    more:
      hidden > 0
        ? `${plural(hidden, receipt ? 'more receipt waits' : 'more payment waits', receipt ? 'more receipts wait' : 'more payments wait')}, not listed: post these first.`
        : null,
    emptyText: receipt ? 'No receipt waits to be posted.' : 'No payment waits to be posted.',
    totalCents: totalCents.toString(),
    total: formatCents(totalCents),
  };
}

/** The section's two tables, for the person looking (`actorUserId`); `base` is the locality's staff path. */
export function buildMoneyPostingQueue(awaiting: MoneyAwaitingPosting, options: { actorUserId: number; base: string }): MoneyPostingQueue {
  return {
    count: awaiting.receiptCount + awaiting.paymentCount,
    summary: moneyAwaitingSummary(awaiting.receiptCount, awaiting.paymentCount),
    sections: [
      section('receipt', awaiting.receipts, awaiting.receiptCount, options.base, options.actorUserId),
      section('expenditure', awaiting.payments, awaiting.paymentCount, options.base, options.actorUserId),
    ],
  };
}
