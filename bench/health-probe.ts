/**
 * Health while an import runs: `GET /api/health` every quarter second, each on its own connection with a 5 s limit,
 * as a load balancer's or an orchestrator's probe would. Issue 14 asks that every probe be answered 200 within 1 s
 * (a load balancer drops a server whose probes fail, and an orchestrator may restart it in the middle of the import).
 */
import http from 'node:http';
import { PAGE_HEADERS } from './http';
import { percentile } from './report';

const INTERVAL_MS = 250;
const PROBE_TIMEOUT_MS = 5_000;

export interface HealthFigures {
  probes: number;
  /** Probes answered 200. */
  ok: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Probes answered 200 but later than 1 s. */
  slow: number;
  /** Probes answered otherwise than 200, or not within PROBE_TIMEOUT_MS (counted at that time). */
  failed: number;
  /** What the failed probes got, and when: "503 after 2,013 ms", "connection failed after 12 ms", "no answer within 5 s". */
  failures: string[];
}

interface ProbeAnswer {
  ms: number;
  /** The HTTP status; 0 when there was none. */
  status: number;
  timedOut: boolean;
}

function probe(url: string): Promise<ProbeAnswer> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    let timedOut = false;
    const request = http.get(url, { agent: false, headers: PAGE_HEADERS }, (response) => {
      response.resume();
      response.on('end', () => resolve({ ms: elapsed(), status: response.statusCode ?? 0, timedOut }));
      response.on('error', () => resolve({ ms: elapsed(), status: 0, timedOut }));
    });
    request.setTimeout(PROBE_TIMEOUT_MS, () => {
      timedOut = true;
      request.destroy(new Error('timed out'));
    });
    request.on('error', () => resolve({ ms: elapsed(), status: 0, timedOut }));
  });
}

function describeFailure(answer: ProbeAnswer): string {
  const ms = `${Math.round(answer.ms).toLocaleString('en-US')} ms`;
  if (answer.timedOut) return `no answer within ${PROBE_TIMEOUT_MS / 1000} s`;
  return answer.status === 0 ? `connection failed after ${ms}` : `${answer.status} after ${ms}`;
}

/** Probes `/api/health` every quarter second until `until` settles. */
export function probeHealthUntil(baseUrl: string, until: Promise<unknown>): Promise<HealthFigures> {
  return probeUntil(`${baseUrl}/api/health`, until, INTERVAL_MS);
}

/**
 * GETs `url` every `intervalMs` until `until` settles; the probes overlap when one takes longer than the interval,
 * as real ones do. Also used for a public page (fault tests: reads while a large upload is imported).
 */
export async function probeUntil(url: string, until: Promise<unknown>, intervalMs: number): Promise<HealthFigures> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const answers: Promise<ProbeAnswer>[] = [];
  while (!done) {
    answers.push(probe(url));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const results = await Promise.all(answers);
  const times = results.map((r) => r.ms);
  return {
    probes: results.length,
    ok: results.filter((r) => r.status === 200).length,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.length ? Math.max(...times) : Number.NaN,
    slow: results.filter((r) => r.status === 200 && r.ms > 1_000).length,
    failed: results.filter((r) => r.status !== 200).length,
    failures: results.filter((r) => r.status !== 200).map(describeFailure),
  };
}
