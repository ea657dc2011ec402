/**
 * How every import's rows travel to the database. Each batch is ONE statement with ONE parameter: the rows as a JSON
 * array, unpacked by `jsonb_to_recordset`. That keeps far below PostgreSQL's 65,535-parameter limit whatever the
 * batch size, costs one parse and one round trip per few thousand rows on both drivers, and carries bigint cents
 * exactly (as JSON strings, which PostgreSQL reads with the column type's own input function).
 */

export const IMPORT_BATCH_ROWS = 5_000;

/** JSON for the database: bigint cents as exact decimal strings. */
export function toJson(rows: readonly object[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** Lets a server on the embedded database answer other requests between batches. */
export function yieldTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Writes `rows` IMPORT_BATCH_ROWS at a time, telling `onProgress` after each batch, and returns the ids the batches
 * return, in order. The embedded database answers within the same chain of promises, so without a turn of the event
 * loop between batches a server importing on PGlite would answer no reader until the whole import is done.
 */
export async function writeInBatches<Row>(
  rows: readonly Row[],
  onProgress: ((done: number, total: number) => void) | undefined,
  writeBatch: (batch: readonly Row[]) => Promise<number[]>,
): Promise<number[]> {
  const total = rows.length;
  const ids: number[] = [];
  for (let start = 0; start < total; start += IMPORT_BATCH_ROWS) {
    ids.push(...(await writeBatch(rows.slice(start, start + IMPORT_BATCH_ROWS))));
    onProgress?.(Math.min(start + IMPORT_BATCH_ROWS, total), total);
    await yieldTurn();
  }
  return ids;
}

/**
 * The ids the database gave the records just inserted, in the order of `records`, matched by import key (an insert's
 * `returning` promises no order). A record with no id is a bug: `missing` says which, and the transaction rolls back.
 */
export function idsByImportKey<Record extends { importKey: string }>(
  inserted: readonly { id: number; importKey: string | null }[],
  records: readonly Record[],
  missing: (record: Record) => string,
): number[] {
  const idByKey = new Map(inserted.map((row) => [row.importKey, Number(row.id)]));
  return records.map((record) => {
    const id = idByKey.get(record.importKey);
    if (id === undefined) throw new Error(missing(record));
    return id;
  });
}
