/**
 * Posting: a receipt or payment is recorded as a draft, seen only in the staff workspace, and counts — on the
 * public pages, in the API and downloads, in the state reports and in the locality's totals — once staff post it
 * (lib/data/sql/posted.ts says what counts). One verb posts one line or many: all or nothing, in one transaction,
 * each line checked against the version it was shown at, one audit row per line.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { expenditures, receipts } from '@/db/schema';
import type { AuditEntry } from '@/lib/audit/record-audit';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { readExpenditureSnapshot, readReceiptSnapshot } from '@/lib/data/staff-snapshots';
import { Conflict, Forbidden, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { idField, versionField } from '../input-fields';
import { loadLocality } from '../record-refs';
import { postingScope } from './posting-rules';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

/** The most lines one request may post: a page of the list, with room to spare. */
export const MAX_POST_LINES = 200;

export const POSTABLE_KINDS = ['receipt', 'expenditure'] as const;
export type PostableKind = (typeof POSTABLE_KINDS)[number];

/** What one person calls each kind, in messages. */
const NOUN: Record<PostableKind, string> = { receipt: 'receipt', expenditure: 'payment' };

const postInput = z.object({
  localityId: idField('The form does not say which locality this is for; reload the page.'),
  kind: z.enum(POSTABLE_KINDS, { error: 'The form does not say whether these are receipts or payments; reload the page.' }),
  lines: z
    .array(z.object({ id: idField('A selected line has no id; reload the page.'), version: versionField }), { error: 'Select at least one line.' })
    .min(1, { error: 'Select at least one line.' })
    .max(MAX_POST_LINES, { error: `Select at most ${MAX_POST_LINES} lines at a time.` })
    .refine((lines) => new Set(lines.map((line) => line.id)).size === lines.length, { error: 'A line is selected twice; reload the page.' }),
});

export interface PostResult {
  count: number;
  lines: { id: number; version: number }[];
}

const TABLE = { receipt: receipts, expenditure: expenditures } as const;
const SNAPSHOT = { receipt: readReceiptSnapshot, expenditure: readExpenditureSnapshot } as const;

/** Posts every selected draft receipt (or payment) of the locality, or none. */
export async function postMoney(ctx: ServiceContext<Actor | null>, input: unknown): Promise<PostResult> {
  const { db, actor } = ctx;
  const { localityId, kind, lines } = parseInput(postInput, input);
  const locality = await loadLocality(db, localityId);
  requireScope(actor, postingScope(locality), localityId);
  const table = TABLE[kind];
  const readSnapshot = SNAPSHOT[kind];
  const noun = NOUN[kind];

  return withTransaction(ctx, async ({ db: tx }) => {
    const entries: AuditEntry[] = [];
    const done: PostResult['lines'] = [];
    for (const [index, line] of lines.entries()) {
      const before = await readSnapshot(tx, line.id);
      // Another locality's line is "not found" by its number: its existence is not told.
      if (!before || before.deletedAt || before.localityId !== localityId) throw new NotFound(`Selected ${noun} ${index + 1} (no. ${line.id})`);
      if (before.postedAt) throw new Conflict(`The ${noun} no. ${line.id} was already posted; reload the page.`, before);
      if (before.version !== line.version) throw new Conflict(`The ${noun} no. ${line.id} was changed by someone else; reload the page.`, before);
      if (locality.moneyNeedsApproval) {
        const [row] = await tx.select({ createdBy: table.createdBy }).from(table).where(eq(table.id, line.id));
        if (row?.createdBy === actor.userId) throw new Forbidden(`You recorded the ${noun} no. ${line.id}: another board member approves and posts it.`);
      }
      const [row] = await tx
        .update(table)
        .set({ postedAt: new Date(), postedBy: actor.userId, version: line.version + 1, updatedAt: new Date() })
        .where(and(eq(table.id, line.id), eq(table.version, line.version)))
        .returning({ id: table.id, version: table.version });
      if (!row) throw new Conflict(`The ${noun} no. ${line.id} was changed by someone else; reload the page.`, before);
      entries.push({ userId: actor.userId, localityId, action: 'post', entity: kind, entityId: row.id, before, after: await readSnapshot(tx, row.id) });
      done.push(row);
    }
    await emitAudit(tx, entries);
    return { count: done.length, lines: done };
  });
}
