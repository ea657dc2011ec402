import { plural } from '../lib/backup/open';

/** "12,345 rows in 20 tables (1,234 audit-log entries)": what a backup holds, as backup and restore say it. */
export function describeTableCounts(tables: Readonly<Record<string, number>>): string {
  const counts = Object.values(tables);
  const rows = counts.reduce((sum, n) => sum + n, 0);
  const audit = tables.audit_log ?? 0;
  return `${plural(rows, 'row')} in ${plural(counts.length, 'table')} (${audit.toLocaleString('en-US')} audit-log ${audit === 1 ? 'entry' : 'entries'})`;
}

/** Each table as it is written or loaded, on stderr: "  allocations: 1,234 rows". */
export function printTableDone(table: string, rows: number): void {
  console.error(`  ${table}: ${plural(rows, 'row')}`);
}
