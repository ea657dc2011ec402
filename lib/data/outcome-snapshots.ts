/**
 * The saved state of one program outcome, as the outcome verbs write it into the audit log (before and after), hand
 * it back on a conflict and fill the staff form with. The program's name is resolved so the history reads well.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { allocations, programOutcomes } from '@/db/schema';
import { outcomeFigureColumns } from './sql/outcome-figure-columns';
import type { OutcomeFigures } from '@/lib/outcomes/measures';
import type { AllocationStatus } from './staff-snapshots';

export interface OutcomeSnapshot extends OutcomeFigures {
  id: number;
  localityId: number;
  allocation: { id: number; program: string };
  status: AllocationStatus;
  version: number;
  createdBy: number | null;
  submittedBy: number | null;
  decisionReason: string | null;
  deletedAt: Date | null;
}

export async function readOutcomeSnapshot(executor: Executor, id: number): Promise<OutcomeSnapshot | null> {
  const [row] = await executor
    .select({
      id: programOutcomes.id,
      localityId: programOutcomes.localityId,
      allocationId: programOutcomes.allocationId,
      program: allocations.program,
      ...outcomeFigureColumns,
      status: programOutcomes.status,
      version: programOutcomes.version,
      createdBy: programOutcomes.createdBy,
      submittedBy: programOutcomes.submittedBy,
      decisionReason: programOutcomes.decisionReason,
      deletedAt: programOutcomes.deletedAt,
    })
    .from(programOutcomes)
    .innerJoin(allocations, eq(allocations.id, programOutcomes.allocationId))
    .where(eq(programOutcomes.id, id));
  if (!row) return null;
  const { allocationId, program, ...rest } = row;
  return { ...rest, allocation: { id: allocationId, program } };
}

/** What the staff form shows for a saved outcome (text, as the form sends it). */
export function outcomeFormValues(snapshot: OutcomeSnapshot): Record<string, string> {
  return {
    allocationId: String(snapshot.allocation.id),
    measure: snapshot.measure,
    customMeasureName: snapshot.customMeasureName ?? '',
    unit: snapshot.unit ?? '',
    periodStart: snapshot.periodStart,
    periodEnd: snapshot.periodEnd,
    units: snapshot.units.toString(),
    source: snapshot.source,
  };
}
