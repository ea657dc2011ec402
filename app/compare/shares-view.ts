import type { ColumnSpec } from '@/app/_components/data-table';
import type { CompareView } from '@/lib/views/compare-view';

/**
 * The share table's columns and rows on the compare page: the locality (a link) and one percent column per group
 * with spending, each cell the group's share in basis points as a string (DataTable's contract), null for a
 * locality that spent nothing (shown as "not enough data"), 0 for a group it spent nothing on.
 */
export function shareTable(
  view: Pick<CompareView, 'groupsPresent' | 'groupNames' | 'shareRows' | 'notEnough'>,
  localityHeader: string,
): { columns: ColumnSpec[]; rows: Record<string, string | null>[] } {
  const columns: ColumnSpec[] = [
    { id: 'name', header: localityHeader, kind: 'link', hrefKey: 'href' },
    ...view.groupsPresent.map((g) => ({ id: `g:${g}`, header: view.groupNames[g] ?? g, kind: 'percent' as const, emptyText: view.notEnough })),
  ];
  const rows = view.shareRows.map((r) => {
    const row: Record<string, string | null> = { key: r.key, name: r.name, href: r.href };
    for (const g of view.groupsPresent) row[`g:${g}`] = r.shares ? String(r.shares[g] ?? 0) : null;
    return row;
  });
  return { columns, rows };
}
