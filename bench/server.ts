/**
 * Starts the production server (`next start`, as `npm start` does after its build) on a free loopback port against
 * a given database, finds its processes for the memory figure, and stops it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { nextStartArgs } from '../scripts/next-server';
import { timedGet } from './http';
import { processTree, processTreeMemory, type ProcessMemory } from './process-memory';

export type { ProcessMemory };

const READY_PATH = '/api/v1/openapi.json';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;

export interface RunningServer {
  baseUrl: string;
  pid: number;
  startSeconds: number;
  /** The server's processes (the `next start` process and any child), largest peak first. */
  memory(): ProcessMemory[];
  /** CPU time (user + system) the server's processes have used so far, ms. */
  cpuMs(): number;
  /** The last lines the server printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let ticksPerSecond: number | null = null;

function clockTicksPerSecond(): number {
  if (ticksPerSecond === null) {
    const answer = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    ticksPerSecond = Number(answer.stdout?.trim()) || 100;
  }
  return ticksPerSecond;
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}


export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = process.hrtime.bigint();
  const lines: string[] = [];
  const child: ChildProcess = spawn(process.execPath, nextStartArgs(port, '127.0.0.1'), {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it reaches any child it started and nothing else.
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 0);
      resolve();
    }),
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server did not start');

  const server: RunningServer = {
    baseUrl,
    pid,
    startSeconds: 0,
    memory: () => processTreeMemory(pid),
    cpuMs: () => processTree(pid).reduce((sum, p) => sum + cpuTicks(p), 0) * (1000 / clockTicksPerSecond()),
    output: () => lines.join('\n'),
    async stop() {
      if (exited !== null) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      const stopped = await Promise.race([exit.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
      if (!stopped) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await Promise.race([exit, sleep(5_000)]);
      }
    },
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the server exited (code ${exited}) before it was ready:\n${server.output()}`);
    try {
      const answer = await timedGet(`${baseUrl}${READY_PATH}`, 5_000);
      if (answer.status === 200) {
        server.startSeconds = Number(process.hrtime.bigint() - started) / 1e9;
        return server;
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await server.stop();
  throw new Error(`the server was not ready after ${START_TIMEOUT_MS / 1000} s:\n${server.output()}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
