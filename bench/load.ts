/** Figure 5: many readers at once on the locality page, with autocannon's programmatic API. */
import autocannon from 'autocannon';
import { PAGE_HEADERS } from './http';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  seconds: number;
}

/**
 * `seconds` of load; with `until`, the load instead lasts until that settles (at most `seconds`), so that reads
 * "during an import" cover the whole import, its commit included.
 */
export async function runLoad(
  baseUrl: string,
  paths: readonly string[],
  seconds: number,
  connections = 50,
  until?: Promise<unknown>,
): Promise<LoadFigures> {
  const running = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 10,
    // Each connection cycles through the pages, so the load is spread over several localities.
    requests: paths.map((path) => ({ method: 'GET', path, headers: PAGE_HEADERS })),
  });
  void until?.finally(() => running.stop());
  const result = await running;
  // autocannon times only the answers that arrived; with none, there is no latency to report.
  const answered = result.requests.total > 0;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: answered ? result.latency.p50 : Number.NaN,
    p99Ms: answered ? result.latency.p99 : Number.NaN,
    maxMs: answered ? result.latency.max : Number.NaN,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
  };
}
