/**
 * The first step of every verb: find which locality the request is about, from the database record (updates,
 * deletes, status changes) or from the input's locality (creates), so `requireScope` can check it before anything
 * else happens. Deleted records are "not found": nobody edits what is no longer there.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { localities } from '@/db/schema';
import {
  readAllocationSnapshot,
  readExpenditureSnapshot,
  readReceiptSnapshot,
  type AllocationSnapshot,
  type ExpenditureSnapshot,
  type ReceiptSnapshot,
} from '@/lib/data/staff-snapshots';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { idField, versionField } from './input-fields';

const recordRef = z.object({ id: idField('The form does not say which record to change; reload the page.') });
const versionedRef = recordRef.extend({ version: versionField });
const localityRef = z.object({ localityId: idField('The form does not say which locality this is for; reload the page.') });

/** A record that is still there: deleted ones are "not found" to the verbs that say so. */
export function live<T extends { deletedAt: Date | null }>(record: T | null): T | null {
  return record && !record.deletedAt ? record : null;
}

export function parseRecordRef(input: unknown): { id: number } {
  return parseInput(recordRef, input);
}

export function parseVersionedRef(input: unknown): { id: number; version: number } {
  return parseInput(versionedRef, input);
}

export interface LocalityForWrite {
  id: number;
  fyStartMonth: number;
  /** Its receipts and payments are posted by the oversight board (lib/services/money/post.ts). */
  moneyNeedsApproval: boolean;
}

/** For creates: the locality named by the input, which must exist. */
export async function loadLocalityOfInput(executor: Executor, input: unknown): Promise<LocalityForWrite> {
  const { localityId } = parseInput(localityRef, input);
  return loadLocality(executor, localityId);
}

export async function loadLocality(executor: Executor, localityId: number): Promise<LocalityForWrite> {
  const [row] = await executor
    .select({ id: localities.id, fyStartMonth: localities.fyStartMonth, moneyNeedsApproval: localities.moneyNeedsApproval })
    .from(localities)
    .where(eq(localities.id, localityId));
  if (!row) throw new NotFound('That locality');
  return row;
}

export async function loadAllocation(executor: Executor, id: number): Promise<AllocationSnapshot> {
  const snapshot = await readAllocationSnapshot(executor, id);
  if (!snapshot || snapshot.deletedAt) throw new NotFound('That allocation');
  return snapshot;
}

export async function loadReceipt(executor: Executor, id: number): Promise<ReceiptSnapshot> {
  const snapshot = await readReceiptSnapshot(executor, id);
  if (!snapshot || snapshot.deletedAt) throw new NotFound('That receipt');
  return snapshot;
}

export async function loadExpenditure(executor: Executor, id: number): Promise<ExpenditureSnapshot> {
  const snapshot = await readExpenditureSnapshot(executor, id);
  if (!snapshot || snapshot.deletedAt) throw new NotFound('That expenditure');
  return snapshot;
}
