import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { reportFilings } from '@/db/schema';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { todayIso } from '@/lib/fiscal-year';
import { REPORT_KEYS } from '@/lib/reports';
import { fiscalYearField, isoDateField } from '../input-fields';
import { loadLocalityOfInput } from '../record-refs';
import { emitCreated, type ServiceContext, withTransaction } from '../context';

/**
 * Marks a state report as filed for a fiscal year, so the staff overview stops listing it as due or late. Whoever
 * may write the locality's money may mark it (editor or administrator: 'money.write'); once per report and year;
 * audited. The filing date is the day it was sent to the state, never a day in the future.
 */

export const REPORT_FILING_ENTITY = 'report_filing';

const filingSchema = z.object({
  report: z.enum(REPORT_KEYS as [string, ...string[]], { error: `Choose one of the reports: ${REPORT_KEYS.join(', ')}.` }),
  fiscalYear: fiscalYearField,
  filedOn: isoDateField('Enter the date the report was filed.'),
});

export interface ReportFiling {
  id: number;
  report: string;
  fiscalYear: number;
  filedOn: string;
  filedBy: number | null;
}

export async function listReportFilings(executor: Executor, localityId: number): Promise<ReportFiling[]> {
  return executor
    .select({ id: reportFilings.id, report: reportFilings.report, fiscalYear: reportFilings.fiscalYear, filedOn: reportFilings.filedOn, filedBy: reportFilings.filedBy })
    .from(reportFilings)
    .where(eq(reportFilings.localityId, localityId))
    .orderBy(reportFilings.fiscalYear, reportFilings.report);
}

export async function markReportFiled(ctx: ServiceContext<Actor | null>, input: unknown, today: string = todayIso()): Promise<ReportFiling> {
  const { db, actor } = ctx;
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const fields = parseInput(filingSchema, input);
  if (fields.filedOn > today) {
    throw new Invalid('Please correct the field marked below.', { filedOn: ['The filing date cannot be in the future.'] });
  }
  return withTransaction(ctx, async ({ db: tx }) => {
    const [existing] = await tx
      .select({ filedOn: reportFilings.filedOn })
      .from(reportFilings)
      .where(and(eq(reportFilings.localityId, locality.id), eq(reportFilings.report, fields.report), eq(reportFilings.fiscalYear, fields.fiscalYear)));
    if (existing) {
      throw new Invalid('Please correct the field marked below.', {
        report: [`This report for FY${fields.fiscalYear} is already marked as filed on ${existing.filedOn}.`],
      });
    }
    const [row] = await tx
      .insert(reportFilings)
      .values({ localityId: locality.id, report: fields.report, fiscalYear: fields.fiscalYear, filedOn: fields.filedOn, filedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: reportFilings.id, report: reportFilings.report, fiscalYear: reportFilings.fiscalYear, filedOn: reportFilings.filedOn, filedBy: reportFilings.filedBy });
    if (!row) {
      throw new Invalid('Please correct the field marked below.', { report: [`This report for FY${fields.fiscalYear} was just marked as filed by someone else.`] });
    }
    await emitCreated(tx, actor.userId, { localityId: locality.id, entity: REPORT_FILING_ENTITY, entityId: row.id, after: row });
    return row;
  });
}
