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

/** The staff form's fields, as text (as the form sends them). */
export interface OutcomeFormValues {
  allocationId: string;
  measure: string;
  customMeasureName: string;
  unit: string;
  periodStart: string;
  periodEnd: string;
  units: string;
  source: string;
}

/** What the staff form shows for a saved outcome, and what a conflict hands back as the other person's version. */
export function outcomeFormValues(snapshot: OutcomeSnapshot): OutcomeFormValues {
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
