/**
 * The probing itself: GET a URL every `intervalMs`, each on its own connection with a 5 s limit, until told to
 * stop. It runs on a thread of its own (bench/probe-worker.ts, started by bench/health-probe.ts), so that a probe's
 * time is the server's and not the prober's: the fault tests' runner does synchronous work in its other lane (copying
 * database folders, filling a small disk), and a probe whose timer fires late there counted as "no answer within 5 s"
 * from a server that had answered (CI 2026-12-07: 9 of 894 health probes).
 */
import http from 'node:http';
import { PAGE_HEADERS } from './http';

export const PROBE_TIMEOUT_MS = 5_000;

export interface ProbeAnswer {
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

/**
 * Probes `url` every `intervalMs` until `stopped()` says so, then waits for the probes still out; they overlap when
 * one takes longer than the interval, as real ones do.
 */
export async function probeWhile(url: string, intervalMs: number, stopped: () => boolean): Promise<ProbeAnswer[]> {
  const answers: Promise<ProbeAnswer>[] = [];
  while (!stopped()) {
    answers.push(probe(url));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return Promise.all(answers);
}
