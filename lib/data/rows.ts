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

/** A row read with its money as text (`amount`, exact on both drivers), with the money as cents instead. */
export function withAmountCents<T extends { amount: string }>({ amount, ...rest }: T): Omit<T, 'amount'> & { amountCents: bigint } {
  return { ...rest, amountCents: toCents(amount) };
}

/** queryRows for rows that select their money as text `amount`: each row comes back with it as `amountCents`. */
export async function queryMoneyRows<T extends { amountCents: bigint }>(executor: Executor, query: SQL): Promise<T[]> {
  const rows = await queryRows<Omit<T, 'amountCents'> & { amount: string }>(executor, query);
  return rows.map((row) => withAmountCents(row) as unknown as T);
}
