/**
 * `npm run bench -- [--scale quick|state|national] [--driver pglite|postgres|both] [--json FILE]`
 *
 * Generates deterministic synthetic data at a named scale, loads it into a fresh database of each driver, and
 * measures what issue 7 asks: locality and home page time to first byte (uncached and cached), the API summary,
 * the same aggregates as plain SQL (page ÷ SQL), the command-line import against COPY, 50 concurrent readers with
 * and without an import, and the server's peak memory. Prints one line per figure, then the targets, met or missed.
 *
 * PostgreSQL: the server at ABATE_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres); the
 * benchmark creates and drops the database abate_bench_<scale>. PGlite: a temporary folder. The production build
 * (`next build`) is made first when .next/BUILD_ID is missing. Loopback only; everything it starts or creates is
 * stopped and removed at the end, on failure and on Ctrl-C too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readOptions } from './cli-options';
import { writeImportCsv } from '../bench/import-copy';
import type { Report } from '../bench/report';
import { runDriver, type Cleanup } from '../bench/run-driver';
import { isScaleName, SCALES, type DriverName } from '../bench/scales';
import { checkTargets, type TargetCheck } from '../bench/targets';

const ADMIN_URL = process.env.ABATE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const USAGE = 'usage: npm run bench -- [--scale quick|state|national] [--driver pglite|postgres|both] [--json FILE]';

const cleanups: { label: string; fn: () => Promise<void> | void }[] = [];
const cleanup: Cleanup = (label, fn) => cleanups.push({ label, fn });

/** Undoes what was registered after `mark` (everything by default), newest first. */
async function runCleanups(mark = 0): Promise<void> {
  while (cleanups.length > mark) {
    const { label, fn } = cleanups.pop()!;
    try {
      await fn();
    } catch (error) {
      console.error(`bench: could not ${label}: ${(error as Error).message}`);
    }
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '?';
  }
}

function ensureBuild(): void {
  const buildId = path.join(process.cwd(), '.next', 'BUILD_ID');
  if (fs.existsSync(buildId)) return;
  console.log('# no production build (.next/BUILD_ID): running next build first (not part of any figure)');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('next build failed');
}

function header(scale: string, driver: string): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((v) => v.toFixed(2)).join(',');
  const buildId = path.join(process.cwd(), '.next', 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtime.toISOString().slice(0, 16) + 'Z' : 'none';
  const dirty = git(['status', '--porcelain']) === '' ? '' : '+uncommitted';
  return (
    `# abate bench  date=${new Date().toISOString().slice(0, 16)}Z  scale=${scale}  driver=${driver}  ` +
    `cores=${cpus.length}  cpu="${cpus[0]?.model.trim() ?? '?'}"  memory=${(os.totalmem() / 1024 ** 3).toFixed(1)}GiB  ` +
    `node=${process.version}  loadavg=${load}  commit=${git(['rev-parse', '--short', 'HEAD'])}${dirty}  build=${built}`
  );
}

async function main(): Promise<number> {
  const values = readOptions(
    USAGE,
    { scale: { type: 'string', default: 'quick' }, driver: { type: 'string', default: 'both' }, json: { type: 'string' } },
    [],
    'bench',
  );
  if (typeof values === 'number') return values;
  if (!isScaleName(values.scale) || !['pglite', 'postgres', 'both'].includes(values.driver)) {
    console.error(USAGE);
    return 2;
  }
  const scale = SCALES[values.scale];
  const requested: DriverName[] = values.driver === 'both' ? ['pglite', 'postgres'] : [values.driver as DriverName];

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`bench: ${signal}, cleaning up`);
      void runCleanups().finally(() => process.exit(130));
    });
  }

  ensureBuild();
  const started = Date.now();
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'abate-bench-csv-'));
  cleanup(`remove ${shared}`, () => fs.rmSync(shared, { recursive: true, force: true }));
  const importCsv = path.join(shared, `import-${scale.importRows}.csv`);
  writeImportCsv(importCsv, scale.importRows);
  const reports: { driver: DriverName; report: Report; header: string }[] = [];
  let failed = false;
  for (const driver of requested) {
    const line = header(scale.name, driver);
    console.log(line);
    if (!scale.drivers.includes(driver)) {
      console.log(`[${driver}] not measured: the ${scale.name} scale is for ${scale.drivers.join(' and ')} only`);
      continue;
    }
    const mark = cleanups.length;
    try {
      reports.push({ driver, report: await runDriver({ scale, driver, adminUrl: ADMIN_URL, importCsv, cleanup }), header: line });
    } catch (error) {
      failed = true;
      console.error(`[${driver}] FAILED: ${(error as Error).stack ?? String(error)}`);
    } finally {
      await runCleanups(mark);
      console.log(`[${driver}] machine.loadavg  after=${os.loadavg().map((v) => v.toFixed(2)).join(',')}  (1, 5 and 15 minutes; ${os.cpus().length} cores)`);
    }
  }
  await runCleanups();

  const checks: TargetCheck[] = reports.flatMap(({ driver, report }) => checkTargets(scale.name, driver, report));
  console.log(`# targets (issue 7; set for --scale ${scale.name === 'national' ? 'national' : 'state'}${scale.name === 'quick' ? ', so only indicative here' : ''})`);
  for (const check of checks) {
    const verdict = check.met === null ? 'not measured' : check.met ? 'met' : 'MISSED';
    console.log(`target  [${check.driver}] ${check.target}  measured=${check.measured}  ${verdict}`);
  }
  console.log(`# done in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  if (values.json) {
    const summary = {
      scale: scale.name,
      runs: reports.map(({ driver, report, header: line }) => ({ driver, header: line, figures: report.figures })),
      targets: checks,
    };
    fs.writeFileSync(values.json, JSON.stringify(summary, null, 2));
  }
  return failed ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch(async (error: unknown) => {
    console.error(`bench: ${(error as Error).stack ?? String(error)}`);
    await runCleanups();
    process.exit(1);
  });
