import { describe, expect, it } from 'vitest';
import { ImportLine, ImportLineFullError, ImportLineLeftError } from './line';

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ImportLine', () => {
  it('runs one import at a time, first come first served, telling each waiter its place as the line moves', async () => {
    const line = new ImportLine();
    const order: string[] = [];
    const positions: Record<string, number[]> = { b: [], c: [] };
    const first = gate();
    const second = gate();
    const a = line.run(async () => {
      order.push('a starts');
      await first.opened;
      order.push('a ends');
    });
    const b = line.run(
      async () => {
        order.push('b starts');
        await second.opened;
        order.push('b ends');
      },
      (n) => positions.b!.push(n),
    );
    const c = line.run(
      async () => {
        order.push('c starts');
      },
      (n) => positions.c!.push(n),
    );
    await tick();
    expect(order).toEqual(['a starts']);
    expect(positions).toEqual({ b: [1], c: [2] });
    first.open();
    await a;
    await tick();
    expect(order).toEqual(['a starts', 'a ends', 'b starts']);
    expect(positions).toEqual({ b: [1], c: [2, 1] });
    second.open();
    await Promise.all([b, c]);
    expect(order).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts']);
    expect(line.busy).toBe(false);
  });

  it('never tells an import that starts at once that it waited', async () => {
    const line = new ImportLine();
    const told: number[] = [];
    expect(await line.run(async () => 42, (n) => told.push(n))).toBe(42);
    expect(told).toEqual([]);
  });

  it('frees the line when an import fails', async () => {
    const line = new ImportLine();
    await expect(line.run(async () => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(await line.run(async () => 'next')).toBe('next');
  });

  it('lets a waiter that gives up leave the line; those behind it move up', async () => {
    const line = new ImportLine();
    const running = gate();
    const leaving = new AbortController();
    const behind: number[] = [];
    const a = line.run(() => running.opened);
    const b = line.run(async () => 'b ran', undefined, leaving.signal);
    const c = line.run(async () => 'c ran', (n) => behind.push(n));
    leaving.abort();
    await expect(b).rejects.toBeInstanceOf(ImportLineLeftError);
    expect(behind).toEqual([2, 1]);
    running.open();
    await a;
    expect(await c).toBe('c ran');
  });

  it('refuses to queue more than its limit, saying how many wait', async () => {
    const line = new ImportLine(1);
    const running = gate();
    const a = line.run(() => running.opened);
    const b = line.run(async () => undefined);
    await expect(line.run(async () => undefined)).rejects.toBeInstanceOf(ImportLineFullError);
    await expect(line.run(async () => undefined)).rejects.toThrow(
      'The server is busy with 1 import waiting their turn; try again in a few minutes. Nothing was saved.',
    );
    running.open();
    await Promise.all([a, b]);
  });
});
