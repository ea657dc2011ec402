/**
 * Long loops that must not hold the server's thread. An import parses and plans up to 200,000 rows in JavaScript
 * (about 4.5 s here for the allocation file); run in one go, that is 4.5 s in which the server answers nobody, not
 * even its health check. So such a loop is written once, as a generator that `yield`s after each row, and driven
 * two ways: `runToEnd` at once (tests, small inputs), or `runCooperatively`, which hands the thread back to the
 * event loop every `sliceMs` of work so requests are answered meanwhile. One loop, two ways to run it: the result is
 * the same whichever runs it.
 */

export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** A turn of the event loop: pending I/O (requests, timers, the database's answers) is handled first. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runCooperatively<T>(steps: Steps<T>, sliceMs = 40): Promise<T> {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since >= sliceMs) {
      await turn();
      since = performance.now();
    }
  }
}
