/**
 * The few parts of two benchmark-only packages that bench/ uses. Neither ships TypeScript types, and a local
 * declaration is smaller than two more devDependencies.
 */

declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    total: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    requests?: { method?: string; path: string; headers?: Record<string, string> }[];
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }
  /** A promise of the result that can also be stopped early (it then resolves with what was measured). */
  interface Running extends Promise<Result> {
    stop(): void;
  }
  function autocannon(options: Options): Running;
  export default autocannon;
}

declare module 'pg-copy-streams' {
  import type { Readable, Writable } from 'node:stream';
  import type { Submittable } from 'pg';
  export function from(sql: string): Writable & Submittable;
  export function to(sql: string): Readable & Submittable;
}
