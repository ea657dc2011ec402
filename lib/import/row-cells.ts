import type { ImportRowError } from './types';

/**
 * One row's cell reader and error collector, the same for every import (allocations, receipts, payments, expected
 * payments, outcomes): a cell is read trimmed, and a refused cell is recorded against its column, or against the
 * field's label when no column holds it. `labelOf` names a field in the words of its import.
 */
export function rowCells<F extends string>(
  row: number,
  cells: readonly string[],
  headers: readonly string[],
  columns: Partial<Record<F, number>>,
  labelOf: (field: F) => string,
) {
  const errors: (ImportRowError & { index: number })[] = [];
  const text = (field: F): string => {
    const column = columns[field];
    return column === undefined ? '' : (cells[column] ?? '').trim();
  };
  const fail = (field: F, reason: string): null => {
    const index = columns[field] ?? -1;
    errors.push({ row, column: headers[index] ?? labelOf(field), value: text(field), reason, index });
    return null;
  };
  const required = (field: F): string | null => (text(field) === '' ? fail(field, `${labelOf(field)} is missing`) : text(field));
  /** Left to right, as the person reads the row. */
  const sortedErrors = (): ImportRowError[] =>
    [...errors].sort((a, b) => a.index - b.index).map(({ row: r, column, value, reason }) => ({ row: r, column, value, reason }));
  return { text, fail, required, errors, sortedErrors };
}

export type RowCells<F extends string> = ReturnType<typeof rowCells<F>>;
