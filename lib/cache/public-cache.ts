/**
 * The cache in front of public reads. Entries live in this process's memory (fast, nothing to run), and are
 * dropped when the data behind them changes. The change signal does NOT live in this process: every write signals
 * its localities in its own transaction (db/data-changes.ts, `pg_notify`, delivered on commit), and every server
 * LISTENs on its database (db/change-listener.ts) — so a write on one app server empties the matching entries on all
 * of them when it commits. A time limit is a safety net for a notification lost while a connection was down (the
 * listener also clears everything when it reconnects).
 */

import { LRUCache } from 'lru-cache';
import { ALL_LOCALITIES, onDataChanged } from '@/db/data-changes';
import { invalidatePages } from './page-cache';

export { ALL_LOCALITIES, CHANGE_CHANNEL } from '@/db/data-changes';

const MAX_ENTRIES = 5_000;
const DEFAULT_TTL_MS = 5 * 60 * 1000;

interface Entry {
  value: Promise<unknown>;
  /** null: depends on every locality (home page, comparisons). */
  localityId: number | null;
}

interface CacheState {
  /** Least recently used entries go first when it is full; an entry past its time limit is never returned. */
  entries: LRUCache<string, Entry>;
  hits: number;
  misses: number;
}

const globalForCache = globalThis as unknown as { __abatePublicCache?: CacheState };
const state: CacheState = (globalForCache.__abatePublicCache ??= {
  entries: new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: DEFAULT_TTL_MS }),
  hits: 0,
  misses: 0,
});

/**
 * Returns the cached value for `key`, or loads it. Concurrent requests for the same key share one load, so a burst
 * of readers costs one query. A failed load is not cached.
 */
export function cachedPublic<T>(key: string, localityId: number | null, load: () => Promise<T>, ttlMs = DEFAULT_TTL_MS): Promise<T> {
  const found = state.entries.get(key);
  if (found) {
    state.hits += 1;
    return found.value as Promise<T>;
  }
  state.misses += 1;
  const value = load();
  const entry: Entry = { value, localityId };
  state.entries.set(key, entry, { ttl: ttlMs });
  value.catch(() => {
    if (state.entries.peek(key) === entry) state.entries.delete(key);
  });
  return value;
}

/**
 * Drops what depends on a locality (and everything that spans localities); `*` drops all. The rendered pages
 * (page-cache.ts) are all dropped on any change: see invalidatePages.
 */
export function invalidatePublic(payload: string): void {
  invalidatePages();
  dropPublicReads(payload);
}

/** The public reads a change makes stale: those of its locality and those that span localities; `*`, all. */
function dropPublicReads(payload: string): void {
  if (payload === ALL_LOCALITIES) {
    state.entries.clear();
    return;
  }
  const localityId = Number(payload);
  // Keys first, deleted after: the cache is not changed while it is being walked.
  const dropped = [...state.entries.entries()]
    .filter(([, entry]) => entry.localityId === null || entry.localityId === localityId || !Number.isFinite(localityId))
    .map(([key]) => key);
  for (const key of dropped) state.entries.delete(key);
}

// The change signal: the rendered pages hear it themselves (page-cache.ts), so only the reads are dropped here.
onDataChanged('public-cache', dropPublicReads);

export function publicCacheStats(): { entries: number; hits: number; misses: number } {
  return { entries: state.entries.size, hits: state.hits, misses: state.misses };
}
