import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StartupError } from './env';

/**
 * PGlite has no lock between processes: two processes on one data folder silently lose committed rows. So the
 * process that opens a folder first writes `<folder>.lock` with its pid, and every other process is refused.
 * A lock whose process is gone (killed, crashed) is stale and is taken over safely.
 */
export interface LockOwner {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
  // Linux start time of the process, so a reused pid is not mistaken for the owner.
  processStart: string | null;
}

export class FolderLockedError extends StartupError {}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) comes after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false; // kill(-1) would signal every process
  if (owner.hostname !== os.hostname()) return true; // another machine's process: we cannot tell, assume alive
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process stays a zombie until its parent (often init) reaps it; it holds no files any more.
  if (isZombie(owner.pid)) return false;
  const start = processStartTime(owner.pid);
  return owner.processStart === null || start === null || start === owner.processStart;
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Half-written or garbage: treat as a lock with no live owner.
    return { pid: -1, hostname: os.hostname(), command: 'unknown', startedAt: 'unknown', processStart: null };
  }
}

/** Writes the whole lock file aside, then links it into place: link fails if a lock exists, and is atomic. */
function tryCreate(lockPath: string, owner: LockOwner): boolean {
  const temp = `${lockPath}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(owner), { flush: true });
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function describeOwner(owner: LockOwner): string {
  return `process ${owner.pid} (${owner.command}) on ${owner.hostname}, since ${owner.startedAt}`;
}

export interface FolderLock {
  lockPath: string;
  release(): void;
}

export function acquireFolderLock(dataDir: string, command = process.argv.slice(1).join(' ') || 'node'): FolderLock {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    command: command.slice(0, 200),
    startedAt: new Date().toISOString(),
    processStart: processStartTime(process.pid),
  };

  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (tryCreate(lockPath, me)) return makeLock(lockPath, me);
    const owner = readOwner(lockPath);
    if (owner === null) continue; // released between our two calls: try again
    if (owner.pid === me.pid && owner.hostname === me.hostname) return makeLock(lockPath, me);
    if (isAlive(owner)) {
      throw new FolderLockedError(
        `The data folder ${path.resolve(dataDir)} is in use by ${describeOwner(owner)}. ` +
          `Only one process may open an embedded database: stop that process first, or set ABATE_DATA_DIR to another folder.`,
      );
    }
    recoverStale(lockPath, owner);
  }
  throw new FolderLockedError(`Could not lock the data folder ${path.resolve(dataDir)}: ${lockPath} keeps changing.`);
}

/**
 * Removes a stale lock. Two processes may find the same stale lock at once; the rename to a name of our own is
 * atomic, and only the process whose renamed file still holds the stale owner removes it — otherwise it has moved
 * a live lock aside and puts it back.
 */
function recoverStale(lockPath: string, stale: LockOwner): void {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readOwner(aside);
  if (moved && (moved.pid !== stale.pid || moved.startedAt !== stale.startedAt)) {
    // We moved someone's fresh lock: restore it unless another lock has appeared meanwhile.
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      /* a newer lock exists; ours was stale relative to it anyway */
    }
  }
  fs.rmSync(aside, { force: true });
}

function makeLock(lockPath: string, me: LockOwner): FolderLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const owner = readOwner(lockPath);
    if (owner && owner.pid === me.pid && owner.startedAt === me.startedAt) fs.rmSync(lockPath, { force: true });
  };
  process.once('exit', release);
  return { lockPath, release };
}
