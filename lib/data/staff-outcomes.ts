import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { allocations, programOutcomes } from '@/db/schema';
import { outcomeFigureColumns } from './sql/outcome-figure-columns';

/** Every outcome of a locality that is not deleted, in any status, newest period first: the staff list. */
export function listStaffOutcomes(executor: Executor, args: { localityId: number }) {
  return executor
    .select({
      id: programOutcomes.id,
      version: programOutcomes.version,
      allocationId: programOutcomes.allocationId,
      program: allocations.program,
      ...outcomeFigureColumns,
      status: programOutcomes.status,
      decisionReason: programOutcomes.decisionReason,
    })
    .from(programOutcomes)
    .innerJoin(allocations, eq(allocations.id, programOutcomes.allocationId))
    .where(and(eq(programOutcomes.localityId, args.localityId), isNull(programOutcomes.deletedAt)))
    .orderBy(desc(programOutcomes.periodEnd), asc(allocations.program), asc(programOutcomes.id));
}

/** The programs an outcome can be recorded for: the locality's allocations that are not deleted. */
export function listOutcomePrograms(executor: Executor, args: { localityId: number }) {
  return executor
    .select({ id: allocations.id, program: allocations.program, fiscalYear: allocations.fiscalYear, status: allocations.status })
    .from(allocations)
    .where(and(eq(allocations.localityId, args.localityId), isNull(allocations.deletedAt)))
    .orderBy(desc(allocations.fiscalYear), asc(allocations.program), asc(allocations.id));
}
