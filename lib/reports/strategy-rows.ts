import { money } from './ledger';
import type { PaymentPart } from './ledger';
import type { ReportCell } from './types';

export interface StrategyRow {
  key: string;
  label: string;
  cell: ReportCell;
  total?: boolean;
}

export const NOT_COVERED_KEY = 'not-covered';
export const UNCATEGORIZED_KEY = 'uncategorized';
export const TOTAL_KEY = 'total';

/** The row a payment part is summed in: its reported category, "not covered" by the framework, or "uncategorized". */
export function strategyKeyOf(part: PaymentPart): string {
  return part.uncategorized ? UNCATEGORIZED_KEY : (part.categoryKey ?? NOT_COVERED_KEY);
}

/**
 * Payment parts summed by reported category, in the framework's order, then what it does not cover, then lines
 * with no category, then the total: the rows of a "spent by strategy" section. Each figure carries the payments and
 * lines it sums; the rows add up to the total to the cent because each part is in exactly one row.
 */
export function groupParts(parts: readonly PaymentPart[], labels: { notCovered: string; withGroup?: boolean }): StrategyRow[] {
  const groups = new Map<string, { label: string; sortOrder: number; cents: bigint; payments: number[]; lines: number[] }>();
  const labelOf = (part: PaymentPart) => {
    if (part.uncategorized) return 'Not yet categorized';
    if (part.categoryKey === null) return labels.notCovered;
    return labels.withGroup && part.categoryGroup ? `${part.categoryGroup} — ${part.categoryLabel}` : part.categoryLabel!;
  };
  const orderOf = (part: PaymentPart) => (part.uncategorized ? 3_000_000 : part.categoryKey === null ? 2_000_000 : part.sortOrder);
  for (const part of parts) {
    const key = strategyKeyOf(part);
    const group = groups.get(key) ?? { label: labelOf(part), sortOrder: orderOf(part), cents: 0n, payments: [], lines: [] };
    group.cents += part.amountCents;
    group.payments.push(part.paymentId);
    group.lines.push(part.allocationId);
    groups.set(key, group);
  }
  const rows: StrategyRow[] = [...groups.entries()]
    .sort(([, a], [, b]) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label))
    .map(([key, g]) => ({ key, label: g.label, cell: money(g.cents, { payments: g.payments, lines: g.lines }) }));
  let total = 0n;
  for (const part of parts) total += part.amountCents;
  rows.push({
    key: TOTAL_KEY,
    label: 'Total',
    cell: money(total, { payments: parts.map((p) => p.paymentId), lines: parts.map((p) => p.allocationId) }),
    total: true,
  });
  return rows;
}
