/**
 * The cache of rendered public pages (HTML), in front of the React render. See docs/adr/0005-rendered-page-cache.md.
 *
 * A page is rendered once with a per-process *sentinel* in place of the CSP nonce, stored split at every place the
 * sentinel appears, and served by joining the parts around a fresh nonce: every answer still has its own nonce and
 * the sentinel never leaves the process. Bounded by entries and bytes (least recently used goes first) and by a time
 * limit, the same safety net as the data cache. Dropped by the data cache's change signal (invalidatePublic).
 *
 * The state lives on globalThis: the proxy bundle (which reads and fills it), the page bundles and instrumentation
 * (where the change listener calls invalidatePublic) each get their own copy of this module.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { onDataChanged } from '@/db/data-changes';
import { deflatePart } from './gzip-splice';

export interface RenderedPage {
  status: number;
  /** Response headers to repeat (content-type, vary, …); never cookies or per-response headers. */
  headers: readonly (readonly [string, string])[];
  /** The body split at every occurrence of the sentinel nonce; joined around a fresh nonce when served. */
  parts: readonly Buffer[];
  /** Each part compressed once (gzip-splice.ts), so a compressed answer costs no compression. */
  deflated: readonly Buffer[];
  /** Body bytes less the sentinels. */
  bytes: number;
}

export interface PageCacheLimits {
  maxEntries: number;
  maxBytes: number;
  /** A page larger than this is served but not kept. */
  maxPageBytes: number;
  /** How long a page is fresh. Pages are dropped on every change signal; this is the safety net for a missed one. */
  ttlMs: number;
  /**
   * How long after that a page may still be served while one render replaces it (stale while revalidate). Only
   * time makes a page stale; a change signal drops it outright. This keeps readers answered when the render has to
   * wait: on the embedded database a long import's transaction holds PGlite's one connection for minutes (CI
   * 2026-12-06: the locality page's time limit ran out in the middle of a 200,000-line upload, and 57 readers in a
   * row waited over 5 s).
   */
  staleMs: number;
}

export const DEFAULT_PAGE_CACHE_LIMITS: PageCacheLimits = {
  maxEntries: 500,
  maxBytes: 32 * 1024 * 1024,
  maxPageBytes: 2 * 1024 * 1024,
  ttlMs: 5 * 60 * 1000,
  staleMs: 15 * 60 * 1000,
};

interface Entry {
  page: RenderedPage;
  expiresAt: number;
}

/** What a render produced: the page, and whether it may be kept for others. */
export interface RenderResult {
  page: RenderedPage;
  storable: boolean;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  renders: number;
  /** Hits answered with a page past its time limit while a render replaced it. */
  staleHits: number;
  invalidations: number;
}

/** A fresh CSP nonce: base64 of a random UUID (122 random bits), the form the proxy has always used. */
export function newNonce(): string {
  return Buffer.from(randomUUID()).toString('base64');
}

export class PageCache {
  /** Never sent to a browser: every answer replaces it. Same form and length as a real nonce. */
  readonly sentinel = newNonce();
  /** Proves that a request comes from this process's own render of a miss (see the proxy). */
  readonly secret = randomBytes(32).toString('hex');
  /**
   * Least recently used pages go first when there are too many or they weigh too much in all (lru-cache); a page
   * over the per-page limit is never kept. Time limits are checked here, against `now`, so that stale pages can
   * still be served while a render replaces them.
   */
  private readonly entries: LRUCache<string, Entry>;
  private readonly inflight = new Map<string, Promise<RenderResult | null>>();
  /** Bumped by every invalidation: a render that began before it is served but not kept. */
  private generation = 0;
  private counters = { hits: 0, misses: 0, renders: 0, staleHits: 0, invalidations: 0 };

  constructor(
    private readonly limits: PageCacheLimits = DEFAULT_PAGE_CACHE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new LRUCache<string, Entry>({
      max: limits.maxEntries,
      maxSize: limits.maxBytes,
      // A kept page is its parts and their compressed copy (smaller than the parts).
      maxEntrySize: 2 * limits.maxPageBytes,
      sizeCalculation: (entry) => Math.max(1, keptBytes(entry.page)),
    });
  }

  /** The kept page for `key` while it is fresh, or undefined; a hit counts as recent use. */
  get(key: string): RenderedPage | undefined {
    const entry = this.usable(key);
    if (!entry || entry.expiresAt <= this.now()) return undefined;
    this.counters.hits += 1;
    return entry.page;
  }

  /** The entry for `key` if it is fresh or may still be served stale (moved to most recently used); drops it after. */
  private usable(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt + this.limits.staleMs <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * The kept page, or one render shared by every request for `key` that arrives while it runs (single flight). The
   * render's page is kept when it is storable, fits the limits and no invalidation happened meanwhile. Resolves to
   * null when the render could not be done (the caller then renders the ordinary way). A page past its time limit
   * but within `staleMs` is answered at once (`stale`) while one render replaces it in the background.
   */
  async getOrRender(key: string, render: () => Promise<RenderResult | null>): Promise<{ result: RenderResult | null; hit: boolean; stale?: true }> {
    const entry = this.usable(key);
    if (entry) {
      this.counters.hits += 1;
      if (entry.expiresAt > this.now()) return { result: { page: entry.page, storable: true }, hit: true };
      this.counters.staleHits += 1;
      void this.renderOnce(key, render);
      return { result: { page: entry.page, storable: true }, hit: true, stale: true };
    }
    this.counters.misses += 1;
    return { result: await this.renderOnce(key, render), hit: false };
  }

  /** The render under way for `key`, or a new one, kept when storable and no invalidation happened meanwhile. */
  private renderOnce(key: string, render: () => Promise<RenderResult | null>): Promise<RenderResult | null> {
    const running = this.inflight.get(key);
    if (running) return running;
    const generation = this.generation;
    this.counters.renders += 1;
    const pending: Promise<RenderResult | null> = render()
      .catch(() => null)
      .then((result) => {
        if (this.inflight.get(key) === pending) this.inflight.delete(key);
        if (result?.storable && generation === this.generation) this.put(key, result.page);
        return result;
      });
    this.inflight.set(key, pending);
    return pending;
  }

  /** Drops every kept page and forgets renders under way, so the next request renders from the new data. */
  clear(): void {
    this.entries.clear();
    this.inflight.clear();
    this.generation += 1;
    this.counters.invalidations += 1;
  }

  stats(): PageCacheStats {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize, ...this.counters };
  }

  /** Splits a rendered body at each sentinel, ready to be kept. */
  toPage(status: number, headers: readonly (readonly [string, string])[], body: Buffer): RenderedPage {
    const marker = Buffer.from(this.sentinel);
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = body.indexOf(marker, from); at !== -1; at = body.indexOf(marker, from)) {
      parts.push(body.subarray(from, at));
      from = at + marker.length;
    }
    parts.push(body.subarray(from));
    const bytes = parts.reduce((sum, part) => sum + part.length, 0);
    // Compressed only when it may be kept: a page over the limit answers its one request and is gone.
    const deflated = status === 200 && bytes <= this.limits.maxPageBytes ? parts.map(deflatePart) : [];
    return { status, headers, parts, deflated, bytes };
  }

  private put(key: string, page: RenderedPage): void {
    if (page.bytes > this.limits.maxPageBytes) return;
    this.entries.set(key, { page, expiresAt: this.now() + this.limits.ttlMs });
  }
}

/** What a kept page holds in memory: its parts and their compressed copy. */
export function keptBytes(page: RenderedPage): number {
  return page.bytes + page.deflated.reduce((sum, part) => sum + part.length, 0);
}

/** The body with `nonce` wherever the render had the sentinel. */
export function pageBody(page: RenderedPage, nonce: string): Buffer {
  if (page.parts.length === 1) return page.parts[0]!;
  const nonceBytes = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  page.parts.forEach((part, index) => {
    if (index > 0) pieces.push(nonceBytes);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

const globalForPages = globalThis as unknown as { __abatePageCache?: PageCache };

/** This process's page cache, shared by every bundle. */
export function pageCache(): PageCache {
  return (globalForPages.__abatePageCache ??= new PageCache());
}

/**
 * Drops every rendered page. Called with the data cache's invalidation, whatever locality changed: pages are not
 * tracked per locality (the home, compare and category pages span them all) and writes are rare, so emptying the
 * whole page cache on any change is simple and costs one render per page afterwards.
 */
export function invalidatePages(): void {
  globalForPages.__abatePageCache?.clear();
}

// Also heard here: a process whose proxy keeps pages may not have loaded the public data cache (public-cache.ts).
onDataChanged('page-cache', invalidatePages);
