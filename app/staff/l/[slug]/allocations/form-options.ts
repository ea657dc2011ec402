import 'server-only';
import type { Executor } from '@/db/client';
import type { LocalityRef } from '@/lib/data/localities';
import { listCategoryOptions, listRecipientOptions, listSourceOptions } from '@/lib/data/staff-form-options';
import { RECIPIENT_TYPE_LABELS } from '@/lib/data/staff-list-query';
import { currentFiscalYear } from '@/lib/fiscal-year';
import type { AllocationFormOptions } from './allocation-form';

/** The choices of the allocation form: two years back to two ahead of the current fiscal year (and the line's own). */
export async function loadAllocationFormOptions(db: Executor, locality: LocalityRef, lineYear?: number): Promise<AllocationFormOptions> {
  const [categories, recipients, sources] = await Promise.all([
    listCategoryOptions(db, locality.id),
    listRecipientOptions(db, locality.id),
    listSourceOptions(db),
  ]);
  const current = currentFiscalYear(locality.fyStartMonth);
  const years = new Set([current + 2, current + 1, current, current - 1, current - 2]);
  if (lineYear !== undefined) years.add(lineYear);
  return {
    categories,
    recipients,
    sources,
    fiscalYears: [...years].sort((a, b) => b - a),
    recipientTypes: Object.entries(RECIPIENT_TYPE_LABELS).map(([value, label]) => ({ value, label })),
  };
}
