import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCleanups, tempFolder, type FaultResult } from '../faults/harness';
import { writeImportFile } from '../faults/import-data';
import { importKillFaults } from '../faults/import-kill';
import { heavyUploadFaults, writeHeavyFiles, type HeavyDriver } from '../faults/heavy-uploads';
import { findOrMakeBuild } from '../faults/next-server';
import { postgresReachable } from '../faults/postgres';
import { serverImportKillFaults } from '../faults/server-import-kill';
import { serverOutageFaults } from '../faults/server-outage';
import { startupFolderFaults } from '../faults/startup-folder';

/**
 * `npm run test:faults`: injects the faults of issue 8 into real processes and checks that nothing is lost —
 *
 *   a. SIGKILL in the middle of a command-line import, on PGlite and on PostgreSQL (four kills each);
 *   b. SIGKILL of the server (PGlite) in the middle of an import uploaded on the staff import route (two kills);
 *   c. PostgreSQL unreachable while the server runs (a relay cut and restored), and its sessions ended;
 *   e. the embedded database's folder read-only, on a full disk, or behind a file, at start-up;
 *   f. a million-row workbook and a 200,000-line CSV uploaded to a server on each driver while health and a public
 *      page are probed: every probe answered 200 within 5 s (the time over 1 s printed), memory under 1 GB, the workbook refused, the CSV whole.
 *
 * (Two editors saving at once, case d, is lib/services/concurrent-saves.test.ts in the unit tests.) Prints one line
 * per fault case and a last line `faults: N injected, N passed, N failed; rows lost: N`, writes
 * .test-reports/faults.json, and exits non-zero when any case failed. Everything it starts or creates — processes,
 * folders, mounts, databases — is removed however it ends.
 *
 *   npm run test:faults [-- --only a,b,c,e,f] [--rows 6000] [--seed 8]
 */

const PORTS = { server: 4330, proxy: 4331, startup: 4332, importServer: 4333, heavy: 4334, heavyPostgres: 4335 };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', default: 'a,b,c,e,f' },
      rows: { type: 'string', default: '6000' },
      seed: { type: 'string', default: '8' },
    },
  });
  const only = new Set(values.only.split(',').map((part) => part.trim()));
  const seed = Number(values.seed);
  const results: FaultResult[] = [];
  const started = Date.now();
  const record = (result: FaultResult) => {
    results.push(result);
    const mark = result.status === 'passed' ? 'ok  ' : result.status === 'skipped' ? 'skip' : 'FAIL';
    console.log(`${mark} ${result.name}: ${result.injected} injected, ${result.rowsLost} rows lost — ${result.detail}`);
  };
  const run = async (name: string, fn: () => Promise<FaultResult | FaultResult[]>) => {
    const began = Date.now();
    try {
      const out = await fn();
      console.log(`  (${name}: ${((Date.now() - began) / 1000).toFixed(0)} s)`);
      for (const result of Array.isArray(out) ? out : [out]) record(result);
    } catch (error) {
      record({ name, status: 'failed', injected: 0, rowsLost: 0, detail: `the case itself failed: ${(error as Error).stack ?? error}` });
    }
  };

  const postgresProblem = await postgresReachable();
  const skipPostgres = (name: string) =>
    record({ name, status: process.env.CI ? 'failed' : 'skipped', injected: 0, rowsLost: 0, detail: `PostgreSQL unreachable: ${postgresProblem}` });

  const file = only.has('a') || only.has('b') ? writeImportFile(tempFolder('csv'), Number(values.rows)) : null;
  const needsBuild = only.has('b') || only.has('c') || only.has('e') || only.has('f');
  let buildDir: string | null = null;
  if (needsBuild) {
    try {
      buildDir = findOrMakeBuild();
    } catch (error) {
      console.log(`  no production build: ${(error as Error).message}`);
    }
  }
  const noBuild = (name: string) => record({ name, status: 'failed', injected: 0, rowsLost: 0, detail: 'no production build to serve' });
  // Written before the lanes start: writing them is synchronous and would stall the other lane's kill timers.
  const heavy = only.has('f') ? writeHeavyFiles() : null;
  const heavyCase = async (driver: HeavyDriver, port: number) => {
    const name = `Heavy uploads under probes (${driver === 'pglite' ? 'PGlite' : 'PostgreSQL'})`;
    if (!heavy) return;
    if (driver === 'postgres' && postgresProblem) skipPostgres(name);
    else if (!buildDir) noBuild(name);
    else await run(name, () => heavyUploadFaults(buildDir!, port, driver, heavy));
  };

  // Two lanes side by side, each case alone in its lane: most of a case's time is spent waiting (for an import to
  // reach its kill point, a server to start, a probe to answer), so the second lane uses what the first leaves idle.
  // Every case has its own ports, folders and databases. The two heavy-upload cases share one lane, one after the
  // other: each is a 200,000-row import measured by its probes, and side by side each was the other's load
  // (CI 2026-12-07: they overlapped for 300 s and one health probe of 765 failed). The lanes are of about equal
  // length (same run: heavy 560 + 309 s; the rest 229 + 68 + 191 + 44 + 189 s).
  const heavyLane = async () => {
    await heavyCase('pglite', PORTS.heavy);
    await heavyCase('postgres', PORTS.heavyPostgres);
  };
  const otherLane = async () => {
    if (only.has('a') && file) {
      await run('SIGKILL during the command-line import (PGlite)', () => importKillFaults('pglite', file, seed));
      if (postgresProblem) skipPostgres('SIGKILL during the command-line import (PostgreSQL)');
      else await run('SIGKILL during the command-line import (PostgreSQL)', () => importKillFaults('postgres', file, seed + 1));
    }
    if (only.has('b') && file) {
      const name = 'SIGKILL of the server during a staff upload import (PGlite)';
      if (!buildDir) noBuild(name);
      else await run(name, () => serverImportKillFaults(buildDir!, PORTS.importServer, file));
    }
    if (only.has('c')) {
      const name = 'PostgreSQL unreachable while the server runs';
      if (postgresProblem) skipPostgres(name);
      else if (!buildDir) noBuild(name);
      else await run(name, () => serverOutageFaults(buildDir!, PORTS));
    }
    if (only.has('e')) await run('Embedded database folder at start-up', () => startupFolderFaults(buildDir, PORTS.startup));
  };
  await Promise.all([heavyLane(), otherLane()]);

  const injected = results.reduce((sum, r) => sum + r.injected, 0);
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const skipped = results.filter((r) => r.status === 'skipped').length;
  const rowsLost = results.reduce((sum, r) => sum + r.rowsLost, 0);
  fs.mkdirSync('.test-reports', { recursive: true });
  fs.writeFileSync(
    path.join('.test-reports', 'faults.json'),
    JSON.stringify({ passed, failed, skipped, injected, rowsLost, seconds: Math.round((Date.now() - started) / 1000), machine: `${os.cpus().length} CPUs`, cases: results }, null, 2),
  );
  console.log(`faults: ${injected} injected, ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}; rows lost: ${rowsLost}`);
  return failed > 0 || rowsLost > 0 ? 1 : 0;
}

// Every database the checks open adds the folder lock's exit listener until it is closed; dozens are expected here.
process.setMaxListeners(100);

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    console.error(`fault tests: ${signal}, cleaning up`);
    void runCleanups().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await runCleanups();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error('fault tests: crashed', error);
    await runCleanups();
    process.exit(1);
  });
