import { afterEach, describe, expect, it } from 'vitest';
import { cachedPublic, invalidatePublic, publicCacheStats } from './public-cache';

afterEach(() => invalidatePublic('*'));

describe('cachedPublic', () => {
  it('loads once for a burst of readers and serves the rest from memory', async () => {
    let loads = 0;
    const load = async () => {
      loads += 1;
      return 42n;
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => cachedPublic('k', 1, load)));
    expect(results.every((r) => r === 42n)).toBe(true);
    expect(loads).toBe(1);
  });

  it('drops entries of the changed locality and of cross-locality pages, keeps the others', async () => {
    let version = 0;
    const load = async () => (version += 1);
    expect(await cachedPublic('locality-1', 1, load)).toBe(1);
    expect(await cachedPublic('locality-2', 2, load)).toBe(2);
    expect(await cachedPublic('home', null, load)).toBe(3);
    invalidatePublic('1');
    expect(await cachedPublic('locality-1', 1, load)).toBe(4);
    expect(await cachedPublic('locality-2', 2, load)).toBe(2);
    expect(await cachedPublic('home', null, load)).toBe(5);
  });

  it('does not keep a failed load', async () => {
    await expect(cachedPublic('f', 1, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cachedPublic('f', 1, async () => 'ok')).toBe('ok');
  });

  it('expires entries after their time limit', async () => {
    let n = 0;
    await cachedPublic('t', 1, async () => ++n, 10);
    expect(await cachedPublic('t', 1, async () => ++n)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await cachedPublic('t', 1, async () => ++n)).toBe(2);
  });

  it('keeps at most 5,000 entries, dropping the least recently used', async () => {
    invalidatePublic('*');
    for (let i = 0; i < 5_000; i += 1) await cachedPublic(`lru-${i}`, 1, async () => i);
    await cachedPublic('lru-0', 1, async () => -1); // read again: now the most recently used
    await cachedPublic('lru-new', 1, async () => 5_000);
    expect(publicCacheStats().entries).toBe(5_000);
    expect(await cachedPublic('lru-0', 1, async () => -1)).toBe(0);
    expect(await cachedPublic('lru-1', 1, async () => -1)).toBe(-1);
  });
});
