import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseHandle, type Driver } from '../db/client';
import { lockPathFor } from '../db/folder-lock';
import { Checks, groupGone, killTree, seededRandom, sleep, startTsx, tempFolder, type FaultResult } from './harness';
import { importStateProblems, prepareImportTarget, readImportState, SLUG, type ImportFile } from './import-data';
import { createDatabase, sessionsGone } from './postgres';

/**
 * Case a: `npm run import` killed with SIGKILL in the middle of a large import, on a fresh database each time, at
 * seeded random moments spread over the time a whole import takes, and as it commits. After
 * each kill the database is opened again (on PGlite, over the killed process's stale lock) and must hold the whole
 * import or none of it, with the audit log matching the rows and every line's category splits adding up. Finally
 * the import is run again on the last killed database: it completes, with every line once.
 */

type KillPoint = { kind: 'after'; ms: number } | { kind: 'at'; pattern: RegExp; label: string };

/**
 * Three moments spread over the time a whole import took on this machine (about a fifth, half and four fifths of
 * the way, each moved by a seeded random amount), and the moment the last lines are written and the commit begins.
 */
function killPoints(seed: number, importMs: number): KillPoint[] {
  const random = seededRandom(seed);
  const times = [0.2, 0.5, 0.8].map((share) => ({ kind: 'after' as const, ms: Math.round(importMs * (share + 0.2 * (random() - 0.5))) }));
  return [...times, { kind: 'at', pattern: /checking category splits and committing/, label: 'while committing' }];
}

function describePoint(point: KillPoint): string {
  return point.kind === 'after' ? `${(point.ms / 1000).toFixed(2)} s into the import` : point.label;
}

interface Target {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  /** PGlite: the lock file left by the killed process. */
  lockPath?: string;
  /** PostgreSQL: resolves once the killed import's server sessions have ended (false if they had not within 15 s). */
  settled?: () => Promise<boolean>;
}

export async function importKillFaults(driver: Driver, file: ImportFile, seed: number): Promise<FaultResult> {
  const checks = new Checks();
  const name = `SIGKILL during the command-line import (${driver === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${file.lines.toLocaleString('en-US')} lines)`;
  const makeTarget = await targetFactory(driver);
  const outcomes: string[] = [];
  let last: Target | null = null;

  // A whole import first, timed from the moment it starts reading: the reference for the kill points.
  const control = await makeTarget();
  const controlRun = startTsx('scripts/import.ts', ['--locality', SLUG, '--file', file.file], control.env);
  await controlRun.waitFor(/Reading .* for Fault County/, 60_000);
  const controlStarted = Date.now();
  const controlExit = await controlRun.exited;
  await groupGone(controlRun.process);
  const importMs = Date.now() - controlStarted;
  checks.expect(controlExit.code === 0, `the import without a fault failed (exit ${controlExit.code}): ${controlRun.stdout().trim().split('\n').at(-1)}`);
  const controlHandle = await control.open();
  try {
    const state = await readImportState(controlHandle);
    checks.expect(state.lines === file.lines, `the import without a fault wrote ${state.lines} of ${file.lines} lines`);
    for (const problem of importStateProblems(state, file)) checks.expect(false, `the import without a fault: ${problem}`);
  } finally {
    await controlHandle.close();
  }
  checks.notes.push(`a whole import takes ${(importMs / 1000).toFixed(1)} s here`);

  for (const point of killPoints(seed, importMs)) {
    const target = await makeTarget();
    const child = startTsx('scripts/import.ts', ['--locality', SLUG, '--file', file.file], target.env);
    const began = await child.waitFor(/Reading .* for Fault County/, 60_000);
    if (!checks.expect(began, `the import did not start (${child.stderr().trim().split('\n').at(-1) ?? ''})`)) {
      killTree(child.process);
      await child.exited;
      continue;
    }
    if (point.kind === 'after') await sleep(point.ms);
    else await child.waitFor(point.pattern, 120_000);
    const running = child.process.exitCode === null && child.process.signalCode === null;
    killTree(child.process);
    const { signal } = await child.exited;
    checks.expect(await groupGone(child.process), `kill ${describePoint(point)}: the import's processes did not end within 10 s`);
    const reportedCommitted = /Imported [\d,]+ lines/.test(child.stdout());
    if (running && signal === 'SIGKILL') checks.injected += 1;
    else checks.notes.push(`the import finished before the kill ${describePoint(point)}`);

    if (target.settled) checks.expect(await target.settled(), `kill ${describePoint(point)}: the import's database sessions did not end within 15 s`);
    const lockLeft = target.lockPath ? fs.existsSync(target.lockPath) : false;
    let handle: DatabaseHandle;
    try {
      handle = await target.open();
    } catch (error) {
      checks.expect(false, `after a kill ${describePoint(point)} the database did not open: ${(error as Error).message}`);
      continue;
    }
    try {
      const state = await readImportState(handle);
      for (const problem of importStateProblems(state, file)) checks.expect(false, `kill ${describePoint(point)}: ${problem}`);
      if (reportedCommitted && state.lines < file.lines) {
        checks.expect(false, `kill ${describePoint(point)}: the import said it committed, yet ${state.lines} of ${file.lines} lines are there`);
        checks.rowsLost += file.lines - state.lines;
      }
      outcomes.push(`${describePoint(point)} → ${state.lines === 0 ? 'none' : 'all'}${lockLeft ? ', stale lock recovered' : ''}`);
      // The re-run below goes on a database a kill left without the import. One where the kill came after the commit
      // already holds it, and running it there again adds a second ("up to date") import row, which is right.
      if (state.lines === 0) last = target;
    } finally {
      await handle.close();
    }
  }

  // The database a kill left behind takes the same import again, completely, with no line twice.
  if (last) {
    const child = startTsx('scripts/import.ts', ['--locality', SLUG, '--file', file.file], last.env);
    const { code } = await child.exited;
    await groupGone(child.process);
    checks.expect(code === 0, `the import after the kills failed (exit ${code}): ${child.stdout().trim().split('\n').slice(-3).join(' | ')}`);
    const handle = await last.open();
    try {
      const state = await readImportState(handle);
      checks.expect(state.lines === file.lines, `after the import ran again the database holds ${state.lines} of ${file.lines} lines`);
      for (const problem of importStateProblems(state, file)) checks.expect(false, `after the import ran again: ${problem}`);
    } finally {
      await handle.close();
    }
  }
  checks.notes.push(...outcomes, last ? 're-run after the last kill that left nothing: complete, no duplicates' : 'every kill came after the commit: nothing to re-run');
  return checks.result(name);
}

/** A fresh database per kill: a copy of one prepared PGlite folder, or a PostgreSQL database from a template. */
async function targetFactory(driver: Driver): Promise<() => Promise<Target>> {
  if (driver === 'pglite') {
    const folder = tempFolder('import-pglite');
    const template = path.join(folder, 'template');
    await prepareImportTarget(await openDatabase({ dataDir: template, command: 'fault tests (template)' }));
    let run = 0;
    return async () => {
      run += 1;
      const dataDir = path.join(folder, `run-${run}`);
      fs.cpSync(template, dataDir, { recursive: true });
      return {
        env: { ABATE_DATA_DIR: dataDir, DATABASE_URL: '' },
        open: () => openDatabase({ dataDir, command: 'fault tests (check)' }),
        lockPath: lockPathFor(dataDir),
      };
    };
  }
  const template = await createDatabase('template');
  await prepareImportTarget(await openDatabase({ databaseUrl: template.url, poolMax: 2 }));
  let run = 0;
  return async () => {
    run += 1;
    const database = await createDatabase(`run${run}`, template.name);
    return {
      env: { DATABASE_URL: database.url },
      open: () => openDatabase({ databaseUrl: database.url, poolMax: 2 }),
      settled: () => sessionsGone(database.name),
    };
  };
}
