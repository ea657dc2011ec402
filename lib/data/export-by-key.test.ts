import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsByKey } from './export-by-key';

const dialect = new PgDialect();
/** The ids a batch's `= any(…)` parameter holds. */
const idsOf = (parameter: SQL): number[] => {
  const [text] = dialect.sqlToQuery(parameter).params as string[];
  return text!.replace(/[{}]/g, '').split(',').map(Number);
};

describe('rows read by key', () => {
  it('hands on the rows in the order of the ids, a batch at a time, leaving out ids no longer there', async () => {
    const ids = Int32Array.from([5, 3, 9, 1, 7]);
    const batches: number[][] = [];
    // The database answers in its own order, and id 9 was deleted in between.
    const read = async (parameter: SQL) => idsOf(parameter).filter((id) => id !== 9).reverse().map((id) => ({ id }));
    for await (const batch of rowsByKey(ids, read, 2)) batches.push(batch.map((row) => row.id));
    expect(batches).toEqual([[5, 3], [1], [7]]);
  });

  it('asks for the next batch before handing on this one, so the database reads while the caller writes', async () => {
    const asked: number[][] = [];
    const read = async (parameter: SQL) => {
      asked.push(idsOf(parameter));
      return idsOf(parameter).map((id) => ({ id }));
    };
    const batches = rowsByKey(Int32Array.from([1, 2, 3, 4, 5]), read, 2);
    await batches.next();
    expect(asked).toEqual([[1, 2], [3, 4]]);
    await batches.next();
    expect(asked).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('lets a read ahead fail quietly when the download was cancelled before it was needed', async () => {
    let calls = 0;
    const read = async (parameter: SQL) => {
      calls += 1;
      if (calls === 2) throw new Error('connection lost');
      return idsOf(parameter).map((id) => ({ id }));
    };
    const batches = rowsByKey(Int32Array.from([1, 2, 3, 4]), read, 2);
    expect((await batches.next()).value).toEqual([{ id: 1 }, { id: 2 }]);
    // The client went away: the export stops, and the failed read ahead is not an unhandled rejection.
    await batches.return(undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(2);
  });
});
