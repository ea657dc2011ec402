import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { acquireFolderLock, lockPathFor } from './folder-lock';

// `node --import tsx` runs the script in this very process: the pid we hold is the pid that holds the lock.
const TSX_NODE = [process.execPath, '--import', 'tsx'] as const;
const children: ChildProcessWithoutNullStreams[] = [];
const folders: string[] = [];

function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'abate-lock-'));
  folders.push(dir);
  return path.join(dir, 'db');
}

/** The probe table's row count as the next opener of the folder sees it (the database is closed again after). */
async function probeRowsOnReopen(dataDir: string): Promise<number | undefined> {
  const reopened = await openDatabase({ dataDir });
  try {
    const result = (await reopened.db.execute(sql`select count(*)::int as n from probe`)) as unknown as {
      rows: { n: number }[];
    };
    return result.rows[0]?.n;
  } finally {
    await reopened.close();
  }
}

/** Starts a process that holds the folder; resolves once it has written its first rows. */
function holdFolder(dataDir: string): Promise<{ child: ChildProcessWithoutNullStreams; send: (line: string, expect: string) => Promise<void> }> {
  const child = spawn(TSX_NODE[0], [...TSX_NODE.slice(1), 'db/testing/hold-folder.ts', dataDir], { stdio: 'pipe' });
  children.push(child);
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters.splice(0)) {
      if (output.includes(waiter.text)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(text)) return resolve();
      waiters.push({ text, resolve });
      child.once('exit', (code) => reject(new Error(`holder exited (${code}) before "${text}"`)));
    });
  const send = async (line: string, expectText: string) => {
    child.stdin.write(`${line}\n`);
    await waitFor(expectText);
  };
  return waitFor('READY').then(() => ({ child, send }));
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * The first two tests start processes that each create an embedded database (initdb in WebAssembly): seconds alone,
 * but over a minute when `npm test` has the browser and fault tests on the same two cores (CI 2026-12-07: both ran
 * past 60 s). Waiting is all they do meanwhile, so they get a longer limit; the refusal itself is checked by its
 * message, not its speed.
 */
const SPAWNING_TEST_TIMEOUT_MS = 300_000;

describe('one process per embedded data folder', () => {
  it('refuses a second process with a message naming the folder and the holder, and loses no row', async () => {
    const dataDir = tempFolder();
    const holder = await holdFolder(dataDir);
    await holder.send('insert 100', 'INSERTED 100');

    // A real command (npm run db:migrate) on the same folder must be refused at once.
    const second = spawnSync(TSX_NODE[0], [...TSX_NODE.slice(1), 'scripts/db-migrate.ts'], {
      env: { ...process.env, ABATE_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: SPAWNING_TEST_TIMEOUT_MS / 2,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(path.resolve(dataDir));
    expect(second.stderr).toContain(`process ${holder.child.pid}`);
    expect(second.stderr).not.toMatch(/\n\s+at /); // one line, no stack

    // The holder carries on writing after the refused attempt, and closes cleanly.
    await holder.send('insert 50', 'INSERTED 50');
    await holder.send('close', 'CLOSED');
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);

    expect(await probeRowsOnReopen(dataDir)).toBe(150);
  }, SPAWNING_TEST_TIMEOUT_MS);

  it('recovers the lock left by a killed process', async () => {
    const dataDir = tempFolder();
    const holder = await holdFolder(dataDir);
    await holder.send('insert 10', 'INSERTED 10');
    holder.child.kill('SIGKILL');
    await new Promise((resolve) => holder.child.once('exit', resolve));
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(true);

    expect(await probeRowsOnReopen(dataDir)).toBe(10);
  }, SPAWNING_TEST_TIMEOUT_MS);

  it('treats a lock held by this same process as held (re-entrant) and a garbage lock file as stale', () => {
    const dataDir = tempFolder();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(lockPathFor(dataDir), 'not json');
    const lock = acquireFolderLock(dataDir, 'test');
    expect(JSON.parse(fs.readFileSync(lock.lockPath, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
  });
});
