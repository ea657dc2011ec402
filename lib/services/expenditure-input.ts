import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { allocations } from '@/db/schema';
import { Invalid } from '@/lib/errors';
import { costTypeField } from './cost-type';
import { idField, isoDateField, moneyField, textField } from './input-fields';

/**
 * A payment made against an allocation. The payment date decides its fiscal year, whatever the allocation's year
 * (money budgeted in FY2025 is often paid in FY2026). Negative amounts are refunds.
 */
export const expenditureFieldsSchema = z.object({
  allocationId: idField('Choose the allocation this payment was made from.'),
  paidOn: isoDateField('Enter the date the payment was made.'),
  amount: moneyField({ required: 'Enter the amount paid.', allowNegative: true, allowZero: false }),
  description: textField({ max: 2000, tooLong: 'Keep the description under 2,000 characters.' }),
  // Only when it differs from the allocation's (empty: the allocation's own).
  costType: costTypeField,
});

export type ExpenditureFields = z.infer<typeof expenditureFieldsSchema>;

/** Spending is recorded only against a live allocation of the same locality — never against another locality's. */
export async function checkExpenditureAllocation(tx: Executor, localityId: number, allocationId: number): Promise<void> {
  const [row] = await tx
    .select({ id: allocations.id })
    .from(allocations)
    .where(and(eq(allocations.id, allocationId), eq(allocations.localityId, localityId), isNull(allocations.deletedAt)));
  if (!row) {
    throw new Invalid('Please correct the field marked below.', {
      allocationId: ['Choose an allocation of this locality from the list.'],
    });
  }
}
