import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mulberry32 } from '../db/demo/prng';

/**
 * What every fault case shares: a record of the faults injected and of what each check found, and a list of things
 * to undo (processes, folders, databases, mounts) that runs however the script ends — a failed check, an exception,
 * Ctrl-C — so that a failing run leaves nothing behind.
 */

export interface FaultResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Faults injected by this case (kills, cuts, terminated sessions, refused folders). */
  injected: number;
  /** Rows a user was told were saved (or an import reported committed) that were missing afterwards. */
  rowsLost: number;
  detail: string;
}

type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
const children = new Set<ChildProcess>();

/** Runs `fn` when the script ends, last registered first. Returns a function that runs it now (and only once). */
export function onCleanup(fn: Cleanup): () => Promise<void> {
  let done = false;
  const once: Cleanup = async () => {
    if (done) return;
    done = true;
    await fn();
  };
  cleanups.push(once);
  return async () => {
    await once();
  };
}

export async function runCleanups(): Promise<void> {
  for (const child of children) killTree(child);
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (error) {
      console.error(`  cleanup failed: ${(error as Error).message}`);
    }
  }
}

export function tempFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `abate-fault-${prefix}-`));
  onCleanup(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** A child process in its own process group, so the whole tree (npm, tsx, node) can be signalled at once. */
export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or null when killed by a signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<boolean>;
}

export function start(command: string, args: string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    notify();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    notify();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      notify();
      resolve({ code, signal });
    });
  });
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve) => {
        const check = () => {
          if (pattern.test(out) || pattern.test(err)) finish(true);
          else if (child.exitCode !== null || child.signalCode !== null) finish(false);
        };
        const timer = setTimeout(() => finish(false), timeoutMs);
        const finish = (value: boolean) => {
          clearTimeout(timer);
          listeners.delete(check);
          resolve(value);
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** SIGKILL to the child's whole process group: nothing gets to clean up, as in a power cut or the OOM killer. */
export function killTree(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Resolves when no process of the child's group is left (or after `timeoutMs`). A killed process's own children
 * (tsx runs the script in a second node process) die a moment later than it, and a lock they hold is released by
 * the kernel only then: the check that follows a kill must not race them.
 */
export async function groupGone(child: ChildProcess, timeoutMs = 10_000): Promise<boolean> {
  if (child.pid === undefined) return true;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!groupMembers(child.pid)) return true;
    await sleep(50);
  }
  return false;
}

/** Whether any live (not zombie) process is in process group `pgid`, from /proc. */
function groupMembers(pgid: number): boolean {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is the state, fields[2] the process group.
      if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
    } catch {
      /* gone meanwhile */
    }
  }
  return false;
}

export const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

/** Runs a TypeScript entry point with tsx, as `npm run` does, without npm in between. */
export function startTsx(script: string, args: string[], env: Record<string, string>): Child {
  return start(process.execPath, [TSX, script, ...args], { env: { ...process.env, ...env } });
}

/** Kill points that differ between kills but are the same on every run of the script. */
export const seededRandom = mulberry32;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects what went wrong in a case; the case passes when nothing did. */
export class Checks {
  readonly problems: string[] = [];
  injected = 0;
  rowsLost = 0;
  readonly notes: string[] = [];

  expect(ok: boolean, problem: string): boolean {
    if (!ok) this.problems.push(problem);
    return ok;
  }

  result(name: string): FaultResult {
    const status = this.problems.length === 0 ? 'passed' : 'failed';
    const detail = status === 'passed' ? this.notes.join('; ') : this.problems.join('; ');
    return { name, status, injected: this.injected, rowsLost: this.rowsLost, detail };
  }
}

/** Text that must never reach a user: a stack frame, an error class, a file path, a driver's words. */
export function leaksInternals(body: string): string | null {
  const patterns: [RegExp, string][] = [
    [/\bat [\w.<>$]+ \(/, 'a stack frame'],
    [/\b\w*Error:/, 'an "Error:" line'],
    [/\/(work|tmp|home|usr|root)\/[\w./-]+\.(ts|js|mjs|tsx)/, 'a file path'],
    [/ECONNREFUSED|ECONNRESET|node_modules|Failed query/, 'a driver message'],
  ];
  for (const [pattern, what] of patterns) if (pattern.test(body)) return what;
  return null;
}
