import { afterEach, describe, expect, it } from 'vitest';
import { invalidatePublic } from './public-cache';
import { keptBytes, newNonce, PageCache, pageBody, pageCache, type PageCacheLimits, type RenderResult } from './page-cache';

const LIMITS: PageCacheLimits = { maxEntries: 100, maxBytes: 1_000_000, maxPageBytes: 100_000, ttlMs: 60_000, staleMs: 0 };

/** A page as the proxy's render produces it: the sentinel wherever Next.js put the nonce. */
function rendered(cache: PageCache, text: string, status = 200): RenderResult {
  const html = `<html><head><script nonce="${cache.sentinel}">a()</script></head><body>${text}<script nonce="${cache.sentinel}">self.__next_f.push([1,"{\\"nonce\\":\\"${cache.sentinel}\\"}"])</script></body></html>`;
  return { page: cache.toPage(status, [['content-type', 'text/html; charset=utf-8']], Buffer.from(html)), storable: status === 200 };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

afterEach(() => invalidatePublic('*'));

describe('PageCache', () => {
  it('renders on a miss, then answers from memory', async () => {
    const cache = new PageCache(LIMITS);
    let renders = 0;
    const render = async () => {
      renders += 1;
      return rendered(cache, 'Cedarholm');
    };
    const first = await cache.getOrRender('/l/a', render);
    const second = await cache.getOrRender('/l/a', render);
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(renders).toBe(1);
    expect(pageBody(second.result!.page, 'n').toString()).toContain('Cedarholm');
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1, renders: 1 });
  });

  it('gives every answer its own nonce in place of the sentinel, and never the sentinel', async () => {
    const cache = new PageCache(LIMITS);
    const { result } = await cache.getOrRender('/', async () => rendered(cache, 'home'));
    const page = result!.page;
    expect(page.parts).toHaveLength(4);
    const nonces = Array.from({ length: 20 }, () => newNonce());
    const bodies = nonces.map((nonce) => pageBody(page, nonce).toString());
    expect(new Set(nonces).size).toBe(20);
    expect(new Set(bodies).size).toBe(20);
    bodies.forEach((body, i) => {
      expect(body).not.toContain(cache.sentinel);
      expect(body.split(nonces[i]!).length - 1).toBe(3);
      // Apart from the nonce, every answer is the same bytes.
      expect(body.replaceAll(nonces[i]!, 'N')).toBe(bodies[0]!.replaceAll(nonces[0]!, 'N'));
    });
    expect(Buffer.byteLength(bodies[0]!)).toBe(page.bytes + 3 * Buffer.byteLength(nonces[0]!));
  });

  it('has a sentinel and secret of its own in each process (instance), in the nonce form', () => {
    const a = new PageCache(LIMITS);
    const b = new PageCache(LIMITS);
    expect(a.sentinel).not.toBe(b.sentinel);
    expect(a.secret).not.toBe(b.secret);
    expect(a.sentinel).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    expect(a.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shares one render between every request for a page that arrives while it runs', async () => {
    const cache = new PageCache(LIMITS);
    const gate = deferred<void>();
    let renders = 0;
    const render = async () => {
      renders += 1;
      await gate.promise;
      return rendered(cache, 'busy');
    };
    const waiting = Array.from({ length: 25 }, () => cache.getOrRender('/l/busy', render));
    gate.resolve();
    const results = await Promise.all(waiting);
    expect(renders).toBe(1);
    expect(results.every((r) => r.result?.page === results[0]!.result?.page && !r.hit)).toBe(true);
    expect((await cache.getOrRender('/l/busy', render)).hit).toBe(true);
  });

  it('evicts the least recently used page beyond the entry limit', async () => {
    const cache = new PageCache({ ...LIMITS, maxEntries: 2 });
    for (const key of ['/a', '/b']) await cache.getOrRender(key, async () => rendered(cache, key));
    cache.get('/a'); // /a is now more recent than /b
    await cache.getOrRender('/c', async () => rendered(cache, '/c'));
    expect(cache.get('/a')).toBeDefined();
    expect(cache.get('/b')).toBeUndefined();
    expect(cache.get('/c')).toBeDefined();
    expect(cache.stats().entries).toBe(2);
  });

  it('keeps the total bytes under the limit and does not keep a page larger than the page limit', async () => {
    const size = keptBytes(rendered(new PageCache(LIMITS), 'x'.repeat(1000)).page);
    const cache = new PageCache({ ...LIMITS, maxBytes: size * 2 + 10, maxPageBytes: size + 10 });
    for (const key of ['/1', '/2', '/3']) await cache.getOrRender(key, async () => rendered(cache, 'x'.repeat(1000)));
    expect(cache.stats().entries).toBe(2);
    expect(cache.stats().bytes).toBe(size * 2);
    expect(cache.get('/1')).toBeUndefined();

    const big = await cache.getOrRender('/big', async () => rendered(cache, 'x'.repeat(2000)));
    expect(big.result).not.toBeNull(); // served …
    expect(cache.get('/big')).toBeUndefined(); // … but not kept
  });

  it('keeps neither a page that may not be stored nor a failed render', async () => {
    const cache = new PageCache(LIMITS);
    const notFound = await cache.getOrRender('/l/nowhere', async () => rendered(cache, 'not found', 404));
    expect(notFound.result?.page.status).toBe(404);
    expect(cache.get('/l/nowhere')).toBeUndefined();
    expect((await cache.getOrRender('/l/x', async () => null)).result).toBeNull();
    expect((await cache.getOrRender('/l/y', () => Promise.reject(new Error('down')))).result).toBeNull();
    expect(cache.stats().entries).toBe(0);
  });

  it('forgets a page after its time limit', async () => {
    let now = 1_000;
    const cache = new PageCache({ ...LIMITS, ttlMs: 100 }, () => now);
    await cache.getOrRender('/', async () => rendered(cache, 'old'));
    now += 99;
    expect(cache.get('/')).toBeDefined();
    now += 1;
    expect(cache.get('/')).toBeUndefined();
    expect(cache.stats().bytes).toBe(0);
  });

  it('answers at once with a page past its time limit while one render replaces it, however long that render waits', async () => {
    let now = 1_000;
    const cache = new PageCache({ ...LIMITS, ttlMs: 100, staleMs: 1_000 }, () => now);
    await cache.getOrRender('/l/a', async () => rendered(cache, 'old'));
    now += 150;
    const slow = deferred<RenderResult | null>();
    let renders = 0;
    const render = () => {
      renders += 1;
      return slow.promise;
    };
    const answers = [await cache.getOrRender('/l/a', render), await cache.getOrRender('/l/a', render)];
    expect(answers.map((answer) => [answer.hit, answer.stale])).toEqual([[true, true], [true, true]]);
    expect(answers.map((answer) => pageBody(answer.result!.page, 'n').toString())).toEqual([expect.stringContaining('old'), expect.stringContaining('old')]);
    expect(renders).toBe(1);
    slow.resolve(rendered(cache, 'new'));
    await slow.promise;
    await Promise.resolve();
    const fresh = await cache.getOrRender('/l/a', render);
    expect([fresh.hit, fresh.stale]).toEqual([true, undefined]);
    expect(pageBody(fresh.result!.page, 'n').toString()).toContain('new');
    expect(cache.stats()).toMatchObject({ renders: 2, staleHits: 2 });
  });

  it('keeps serving the stale page when its render fails, and renders again after the stale limit', async () => {
    let now = 1_000;
    const cache = new PageCache({ ...LIMITS, ttlMs: 100, staleMs: 1_000 }, () => now);
    await cache.getOrRender('/l/a', async () => rendered(cache, 'old'));
    now += 500;
    const failing = await cache.getOrRender('/l/a', () => Promise.reject(new Error('database busy')));
    expect(failing.stale).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.getOrRender('/l/a', async () => null)).stale).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    now += 700;
    const after = await cache.getOrRender('/l/a', async () => rendered(cache, 'new'));
    expect(after.hit).toBe(false);
    expect(pageBody(after.result!.page, 'n').toString()).toContain('new');
  });

  it('never serves a stale page after a change signal', async () => {
    let now = 1_000;
    const cache = new PageCache({ ...LIMITS, ttlMs: 100, staleMs: 1_000 }, () => now);
    await cache.getOrRender('/l/a', async () => rendered(cache, 'before the change'));
    now += 150;
    cache.clear();
    const answer = await cache.getOrRender('/l/a', async () => rendered(cache, 'after the change'));
    expect(answer.hit).toBe(false);
    expect(pageBody(answer.result!.page, 'n').toString()).toContain('after the change');
  });
});

describe('invalidation with the data cache', () => {
  it('drops every rendered page of the shared cache on any change signal, for one locality or all', async () => {
    const cache = pageCache();
    expect(pageCache()).toBe(cache);
    for (const payload of ['7', '*']) {
      await cache.getOrRender('/', async () => rendered(cache, 'home'));
      await cache.getOrRender('/l/other', async () => rendered(cache, 'other locality'));
      expect(cache.get('/')).toBeDefined();
      invalidatePublic(payload);
      expect(cache.get('/')).toBeUndefined();
      expect(cache.get('/l/other')).toBeUndefined();
      expect(cache.stats().bytes).toBe(0);
    }
  });

  it('does not keep a render that began before a change, and renders afresh for requests after it', async () => {
    const cache = pageCache();
    const gate = deferred<void>();
    let version = 'before';
    const render = async () => {
      const seen = version;
      await gate.promise;
      return rendered(cache, seen);
    };
    const early = cache.getOrRender('/l/a', render);
    version = 'after';
    invalidatePublic('1');
    const late = cache.getOrRender('/l/a', render);
    gate.resolve();
    expect(pageBody((await early).result!.page, 'n').toString()).toContain('before');
    expect(pageBody((await late).result!.page, 'n').toString()).toContain('after');
    expect(pageBody(cache.get('/l/a')!, 'n').toString()).toContain('after');
  });
});
