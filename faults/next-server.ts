import { spawnSync } from 'node:child_process';
import { nextStartArgs } from '../scripts/next-server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup, sleep, start, type Child } from './harness';

/**
 * The production server the outage cases run. It uses the build in ABATE_FAULT_BUILD_DIR, or the working tree's
 * when `.next/BUILD_ID` exists (npm test builds before it runs this), or else builds a throwaway copy of the tree
 * once (under the machine's lock for heavy jobs).
 */
export function findOrMakeBuild(): string {
  const candidates = [process.env.ABATE_FAULT_BUILD_DIR, process.cwd()].filter((dir): dir is string => !!dir);
  for (const dir of candidates) if (fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) return path.resolve(dir);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'abate-fault-build-'));
  onCleanup(() => fs.rmSync(copy, { recursive: true, force: true }));
  console.log(`  (no build found: building a copy of the tree in ${copy}; this takes a few minutes)`);
  const rsync = spawnSync('rsync', ['-a', '--exclude', 'node_modules', '--exclude', '.next', '--exclude', '.git', '--exclude', 'data', '--exclude', '.e2e-data', `${process.cwd()}/`, `${copy}/`]);
  if (rsync.status !== 0) throw new Error(`could not copy the tree: ${rsync.stderr.toString()}`);
  // Turbopack does not follow a symlinked node_modules: hard links cost no space.
  const link = spawnSync('cp', ['-al', path.join(process.cwd(), 'node_modules'), path.join(copy, 'node_modules')]);
  if (link.status !== 0) throw new Error(`could not link node_modules: ${link.stderr.toString()}`);
  const build = spawnSync('flock', ['/tmp/abate-heavy.lock', process.execPath, 'node_modules/next/dist/bin/next', 'build'], {
    cwd: copy,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`next build failed: ${(build.stdout + build.stderr).trim().split('\n').slice(-5).join(' | ')}`);
  return copy;
}

export interface NextServer {
  child: Child;
  url: string;
  stop(): Promise<void>;
}

export function startNext(buildDir: string, port: number, env: Record<string, string>): NextServer {
  const child = start(process.execPath, nextStartArgs(port, '127.0.0.1', buildDir), {
    cwd: buildDir,
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  const stop = onCleanup(async () => {
    if (child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGTERM');
      const timer = setTimeout(() => child.process.kill('SIGKILL'), 5_000);
      await child.exited;
      clearTimeout(timer);
    }
  });
  return { child, url: `http://127.0.0.1:${port}`, stop };
}

/** Waits until /api/health answers 200 (or the server exits). */
export async function waitHealthy(server: NextServer, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.process.exitCode !== null) return false;
    try {
      const response = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(3_000) });
      if (response.ok) return true;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  return false;
}
