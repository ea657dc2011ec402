import path from 'node:path';

/** The Next.js command-line entry of the project at `root`, run with this Node (no shell, no npx). */
export const nextBin = (root = process.cwd()) => path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
export const NEXT_BIN = nextBin();

/**
 * How long the server keeps an idle keep-alive connection open. Node's default is 5 s: a client (or a load
 * balancer, whose idle timeout is commonly 60 s) that reuses a connection just as the server closes it gets
 * ECONNRESET instead of an answer. The server must be the side that waits longer, so 65 s.
 */
export const KEEP_ALIVE_MS = 65_000;

/**
 * Arguments after `node` for `next start` on `port` (and `host`, when given), of the project at `root` (a build
 * elsewhere, as the fault tests make): every server Abate starts uses these.
 */
export function nextStartArgs(port: number | string, host?: string, root?: string): string[] {
  return [nextBin(root), 'start', '-p', String(port), ...(host ? ['-H', host] : []), '--keepAliveTimeout', String(KEEP_ALIVE_MS)];
}
