import http from 'node:http';

/** One reader: requests go one after another over a kept-alive connection, like a browser tab. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Timed {
  status: number;
  /** Request sent → response head received (the server's first bytes), ms. */
  ttfbMs: number;
  /** Request sent → last byte, ms. */
  totalMs: number;
  bytes: number;
  /** The server's `x-abate-page-cache` answer header: 'hit', 'miss', or '' when the page cache did not answer. */
  pageCache: string;
}

/** What a browser sends for a page: the rendered-page cache answers only requests that ask for HTML. */
export const PAGE_HEADERS = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

export function timedGet(url: string, timeoutMs = 60_000): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const request = http.get(url, { agent, headers: PAGE_HEADERS }, (response) => {
      const ttfbMs = elapsed();
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      const pageCache = String(response.headers['x-abate-page-cache'] ?? '');
      response.on('end', () => resolve({ status: response.statusCode ?? 0, ttfbMs, totalMs: elapsed(), bytes, pageCache }));
      response.on('error', reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`timed out after ${timeoutMs} ms: ${url}`)));
    request.on('error', reject);
  });
}

/** "page cache: 30 miss" — how the rendered-page cache answered a phase's requests. */
export function pageCacheNote(results: readonly Timed[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.pageCache || 'not used', (counts.get(r.pageCache || 'not used') ?? 0) + 1);
  return `page cache: ${[...counts].map(([answer, n]) => `${n} ${answer}`).join(', ')}`;
}

/** Requests each URL in turn; a non-200 answer stops the benchmark, since its timing would mean nothing. */
export async function timeEach(baseUrl: string, paths: readonly string[]): Promise<Timed[]> {
  const results: Timed[] = [];
  for (const path of paths) {
    const result = await timedGet(`${baseUrl}${path}`);
    if (result.status !== 200) throw new Error(`GET ${path} answered ${result.status}`);
    results.push(result);
  }
  return results;
}
