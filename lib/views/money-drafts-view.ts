import type { MoneyDrafts } from '@/lib/data/money-drafts';

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} draft ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Above a state report: what it leaves out because it is not posted yet ("2 draft receipts and 1 draft payment of
 * FY2026"), or null when nothing is.
 */
export function reportDraftsNotice(drafts: MoneyDrafts, fiscalYear: number): string | null {
  const parts = [drafts.receipts > 0 ? count(drafts.receipts, 'receipt') : null, drafts.payments > 0 ? count(drafts.payments, 'payment') : null].filter(
    (part): part is string => part !== null,
  );
  if (parts.length === 0) return null;
  return `This report leaves out ${parts.join(' and ')} of FY${fiscalYear}: they count once posted.`;
}
