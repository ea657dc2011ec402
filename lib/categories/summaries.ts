/**
 * The sentences under the public charts, so a reader who cannot see a chart (or prefers words) gets its point.
 * Shares are computed with integer arithmetic (shareBasisPoints) and amounts formatted from bigint.
 */
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { shareBasisPoints } from './summarize-spending';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function monthName(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
}

/** "Q1 (Jul–Sep 2025)" for FY2026 starting in July; a quarter that spans New Year names both years. */
export function quarterLabel(fiscalYear: number, startMonth: number, quarter: 1 | 2 | 3 | 4): string {
  const startYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const firstIndex = startMonth - 1 + (quarter - 1) * 3; // months since January of startYear
  const lastIndex = firstIndex + 2;
  const first = MONTHS[firstIndex % 12]!;
  const last = MONTHS[lastIndex % 12]!;
  const firstYear = startYear + Math.floor(firstIndex / 12);
  const lastYear = startYear + Math.floor(lastIndex / 12);
  return firstYear === lastYear ? `Q${quarter} (${first}–${last} ${lastYear})` : `Q${quarter} (${first} ${firstYear}–${last} ${lastYear})`;
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "Of $1,000,000 spent in FY2026, $200,000 (20%) was paid in Q1 (Jul–Sep 2025), …" */
export function summarizeQuarters(
  quarters: readonly { label: string; cents: bigint }[],
  fiscalYear: number,
): string {
  const total = quarters.reduce((sum, q) => sum + q.cents, 0n);
  if (total === 0n) return `No spending was recorded in FY${fiscalYear}.`;
  const parts = quarters.map(
    (q) => `${formatCents(q.cents, { showCents: false })} (${formatPercentFromBasisPoints(shareBasisPoints(q.cents, total))}) in ${q.label}`,
  );
  return `Of ${formatCents(total, { showCents: false })} spent in FY${fiscalYear}, ${list(parts)}.`;
}

/**
 * "Of $2,250,360 allocated in FY2026, 45% came from the Distributors settlement and 30% from Teva settlement; 42%
 * went to Treatment and 30% to Harm reduction."
 */
export function summarizeFlows(
  sources: readonly { name: string; cents: bigint }[],
  groups: readonly { name: string; cents: bigint }[],
  fiscalYear: number,
): string {
  const total = sources.reduce((sum, s) => sum + s.cents, 0n);
  if (total === 0n) return `No money was allocated in approved lines in FY${fiscalYear}.`;
  const top = <T extends { name: string; cents: bigint }>(items: readonly T[]) =>
    [...items].sort((a, b) => (a.cents === b.cents ? a.name.localeCompare(b.name) : a.cents > b.cents ? -1 : 1)).slice(0, 3);
  const from = top(sources).map(
    (s, i) => `${formatPercentFromBasisPoints(shareBasisPoints(s.cents, total))} ${i === 0 ? 'came from' : 'from'} ${s.name}`,
  );
  const to = top(groups).map(
    (g, i) => `${formatPercentFromBasisPoints(shareBasisPoints(g.cents, total))} ${i === 0 ? 'went to' : 'to'} ${g.name}`,
  );
  if (sources.length > 3) from.push('the rest from other sources');
  if (groups.length > 3) to.push('the rest to other groups');
  return `Of ${formatCents(total, { showCents: false })} allocated in FY${fiscalYear}, ${list(from)}; ${list(to)}.`;
}
