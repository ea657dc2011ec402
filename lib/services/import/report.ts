import type { ImportRowError } from '@/lib/import';

/**
 * How one row problem is written for people, the same on the command line and in the browser:
 * `row 7, column "Amount": "12.345" has more than two digits after the decimal point`. When the reason does not
 * already quote the value, the value is given before it.
 */
export function describeRowError(error: ImportRowError): string {
  const where = error.row > 0 ? `row ${error.row}` : 'the file';
  const column = error.column === '' ? '' : `, column "${error.column}"`;
  const quoted = `"${error.value}"`;
  const value = error.value === '' || error.reason.includes(quoted) ? '' : `${quoted}: `;
  return `${where}${column}: ${value}${error.reason}`;
}
