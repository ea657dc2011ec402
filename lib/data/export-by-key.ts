/**
 * How the staff lists are exported whole: by key, never by offset.
 *
 * `limit 500 offset N` makes the database find, sort and skip N rows again for every batch: a 200,000-line export
 * read 400 batches of 500 and sorted the locality's lines 400 times (it had not finished after 10 minutes). Seeking
 * from the last row's sort key (`where (key, id) > (…)`) would not help here: the lists sort by expressions no index
 * holds (lower(program), the sum of an allocation's payments), so each batch would still sort the whole set.
 *
 * So an export reads the order once: one query returns the ids of the filtered set in the list's order, as one
 * array (4 bytes a line: 0.8 MB for 200,000 lines). The rows are then read a batch at a time by those ids, through
 * the primary key, and handed on as they come: memory holds one batch of rows, whatever the size of the export. A
 * line deleted (or no longer matching the filter) between the two is left out; a line added after the first is not
 * in this export, as if the export had been taken at that moment.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from './rows';

/** Rows per batch read by key: a few hundred kilobytes of rows, one round trip each. */
export const EXPORT_BATCH_ROWS = 2_000;

/**
 * Runs `select array_agg(<id> order by …) as ids …` (the caller's query) and returns the ids. Both drivers hand back
 * an integer array; a string form is accepted too so a driver change cannot break the export.
 */
export async function orderedIds(executor: Executor, query: SQL): Promise<Int32Array> {
  const [row] = await queryRows<{ ids: number[] | string | null }>(executor, query);
  const ids = row?.ids ?? null;
  if (ids === null) return new Int32Array(0);
  if (typeof ids === 'string') {
    const inner = ids.replace(/^\{|\}$/g, '');
    return Int32Array.from(inner === '' ? [] : inner.split(','), Number);
  }
  return Int32Array.from(ids, Number);
}

/** `= any(…)` of the batch's ids as one bound array parameter. */
export function idsParameter(ids: Int32Array): SQL {
  return sql`${`{${ids.join(',')}}`}::int[]`;
}

/**
 * The rows of `ids`, in that order, a batch at a time. `readBatch` gets the batch as an array parameter
 * (`where x.id = any(${ids})`) and returns its rows in any order.
 *
 * The next batch is asked for before this one is handed on, so the database reads it while the caller writes this
 * one out: on the embedded database that read runs on its own thread, beside the CSV or XLSX writing on the
 * server's. Memory holds at most two batches.
 */
export async function* rowsByKey<Row extends { id: number }>(
  ids: Int32Array,
  readBatch: (ids: SQL) => Promise<Row[]>,
  batchRows = EXPORT_BATCH_ROWS,
): AsyncGenerator<Row[]> {
  const read = (start: number) => {
    const batch = ids.subarray(start, start + batchRows);
    return { batch, rows: readBatch(idsParameter(batch)) };
  };
  let next = ids.length > 0 ? read(0) : null;
  try {
    for (let start = 0; next !== null; start += batchRows) {
      const { batch, rows: reading } = next;
      const rows = await reading;
      next = start + batchRows < ids.length ? read(start + batchRows) : null;
      const byId = new Map(rows.map((row) => [Number(row.id), row]));
      const ordered: Row[] = [];
      for (const id of batch) {
        const row = byId.get(id);
        if (row) ordered.push(row);
      }
      if (ordered.length > 0) yield ordered;
    }
  } finally {
    // A download cancelled mid-way leaves the batch read ahead unread: its failure, if any, has no one to tell.
    next?.rows.catch(() => undefined);
  }
}
