import type { SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/**
 * Runs a raw aggregate query and returns its rows. Both drivers answer with `{ rows }`. Queries cast money to text,
 * so that neither driver turns a bigint or numeric into a float on the way out.
 */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export function toCents(value: string | null | undefined): bigint {
  return value === null || value === undefined ? 0n : BigInt(value);
}
