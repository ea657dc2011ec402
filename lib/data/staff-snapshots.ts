/**
 * The saved state of one receipt, allocation or expenditure, as the verbs write it into the audit log (before and
 * after), hand it back when someone else saved first (a conflict), and fill edit forms with. Names are resolved
 * (recipient, source, categories) so the history still reads well after a category is renamed.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  allocationSplits,
  allocations,
  categories,
  expenditures,
  frameworks,
  fundingSources,
  receipts,
  recipients,
} from '@/db/schema';
import type { allocationStatus, costType } from '@/db/schema/enums';
import { staffRecipient, staffSource, type LineIdentity, type StaffRecipient } from './line-refs';

type CostType = (typeof costType.enumValues)[number];

/** Where a line is in its review: the allocation_status enum's values. */
export type AllocationStatus = (typeof allocationStatus.enumValues)[number];

export interface SplitSnapshot {
  categoryId: number;
  categoryKey: string;
  categoryLabel: string;
  frameworkKey: string;
  shareBasisPoints: number;
  amountCents: bigint;
}

export interface AllocationSnapshot extends LineIdentity {
  recipient: StaffRecipient | null;
  source: { id: number; name: string } | null;
  amountCents: bigint;
  /** The kind of cost (state reports ask for it); null when not given. */
  costType: CostType | null;
  status: AllocationStatus;
  version: number;
  splits: SplitSnapshot[];
  submittedBy: number | null;
  decisionReason: string | null;
  deletedAt: Date | null;
}

export interface ReceiptSnapshot {
  id: number;
  localityId: number;
  source: { id: number; name: string };
  receivedOn: string;
  fiscalYear: number;
  amountCents: bigint;
  /** The settlement payment year the money belongs to; null when not given or the source has none. */
  paymentYear: number | null;
  note: string;
  /** When it was posted (counted publicly); null while it is a draft. */
  postedAt: Date | null;
  version: number;
  deletedAt: Date | null;
}

export interface ExpenditureSnapshot {
  id: number;
  localityId: number;
  allocation: { id: number; program: string; fiscalYear: number };
  paidOn: string;
  fiscalYear: number;
  amountCents: bigint;
  description: string;
  /** The payment's own kind of cost; null: its allocation's. */
  costType: CostType | null;
  /** Why it was paid beyond what remained of its allocation; null when it was not. Public. */
  overspendReason: string | null;
  /** When it was posted (counted publicly); null while it is a draft. */
  postedAt: Date | null;
  version: number;
  deletedAt: Date | null;
}

/** The allocation as saved (deleted ones included: the verbs decide what a deleted line means), or null. */
export async function readAllocationSnapshot(executor: Executor, id: number): Promise<AllocationSnapshot | null> {
  const [row] = await executor
    .select({
      id: allocations.id,
      localityId: allocations.localityId,
      fiscalYear: allocations.fiscalYear,
      lastFiscalYear: allocations.lastFiscalYear,
      program: allocations.program,
      description: allocations.description,
      amountCents: allocations.amountCents,
      costType: allocations.costType,
      status: allocations.status,
      version: allocations.version,
      submittedBy: allocations.submittedBy,
      decisionReason: allocations.decisionReason,
      deletedAt: allocations.deletedAt,
      recipientId: recipients.id,
      recipientName: recipients.name,
      recipientType: recipients.type,
      recipientLived: recipients.livedExperienceLed,
      sourceId: fundingSources.id,
      sourceName: fundingSources.name,
    })
    .from(allocations)
    .leftJoin(recipients, eq(recipients.id, allocations.recipientId))
    .leftJoin(fundingSources, eq(fundingSources.id, allocations.sourceId))
    .where(eq(allocations.id, id));
  if (!row) return null;
  const splits = await executor
    .select({
      categoryId: allocationSplits.categoryId,
      categoryKey: categories.key,
      categoryLabel: categories.label,
      frameworkKey: frameworks.key,
      shareBasisPoints: allocationSplits.shareBasisPoints,
      amountCents: allocationSplits.amountCents,
    })
    .from(allocationSplits)
    .innerJoin(categories, eq(categories.id, allocationSplits.categoryId))
    .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId))
    // Largest share first, as people list them ("MOUD 60%, housing 40%").
    .where(eq(allocationSplits.allocationId, id))
    .orderBy(sql`${allocationSplits.shareBasisPoints} desc`, asc(allocationSplits.categoryId));
  return {
    id: row.id,
    localityId: row.localityId,
    fiscalYear: row.fiscalYear,
    lastFiscalYear: row.lastFiscalYear,
    program: row.program,
    description: row.description,
    recipient: staffRecipient(row),
    source: staffSource(row),
    amountCents: row.amountCents,
    costType: row.costType,
    status: row.status,
    version: row.version,
    splits,
    submittedBy: row.submittedBy,
    decisionReason: row.decisionReason,
    deletedAt: row.deletedAt,
  };
}

export async function readReceiptSnapshot(executor: Executor, id: number): Promise<ReceiptSnapshot | null> {
  const [row] = await executor
    .select({
      id: receipts.id,
      localityId: receipts.localityId,
      sourceId: fundingSources.id,
      sourceName: fundingSources.name,
      receivedOn: receipts.receivedOn,
      fiscalYear: receipts.fiscalYear,
      amountCents: receipts.amountCents,
      paymentYear: receipts.paymentYear,
      note: receipts.note,
      postedAt: receipts.postedAt,
      version: receipts.version,
      deletedAt: receipts.deletedAt,
    })
    .from(receipts)
    .innerJoin(fundingSources, eq(fundingSources.id, receipts.sourceId))
    .where(eq(receipts.id, id));
  if (!row) return null;
  const { sourceId, sourceName, ...rest } = row;
  return { ...rest, source: { id: sourceId, name: sourceName } };
}

export async function readExpenditureSnapshot(executor: Executor, id: number): Promise<ExpenditureSnapshot | null> {
  const [row] = await executor
    .select({
      id: expenditures.id,
      localityId: expenditures.localityId,
      allocationId: allocations.id,
      allocationProgram: allocations.program,
      allocationFiscalYear: allocations.fiscalYear,
      paidOn: expenditures.paidOn,
      fiscalYear: expenditures.fiscalYear,
      amountCents: expenditures.amountCents,
      description: expenditures.description,
      costType: expenditures.costType,
      overspendReason: expenditures.overspendReason,
      postedAt: expenditures.postedAt,
      version: expenditures.version,
      deletedAt: expenditures.deletedAt,
    })
    .from(expenditures)
    .innerJoin(allocations, eq(allocations.id, expenditures.allocationId))
    .where(eq(expenditures.id, id));
  if (!row) return null;
  const { allocationId, allocationProgram, allocationFiscalYear, ...rest } = row;
  return { ...rest, allocation: { id: allocationId, program: allocationProgram, fiscalYear: allocationFiscalYear } };
}
