import { execSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { localities } from '../db/schema';
import { generateCsv } from '../bench/generate-import-csv';
import { runCli } from './run-cli';

/**
 * Times `npm run import` on a generated 100,000-row CSV, on the embedded database (a fresh temporary folder) and on
 * PostgreSQL (a fresh database, dropped afterwards):
 *
 *   npx tsx scripts/bench-import.ts [--rows 100000] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
 *
 * The file is the same on every run (a fixed seed): realistic cells ("$12,345.67", split categories, Exhibit E
 * labels, a few hundred recipients, spent on a third of the lines). The times are of the whole command, start-up
 * included, as an operator would see them, with the CPU time of the import process beside them (on PGlite that is
 * all of the work; on PostgreSQL the server's share is not in it). Prints one line per figure. Also prints the load
 * average, because on a shared machine the wall time says as much about the neighbours as about the import.
 */

const SLUG = 'bench-county';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000' },
      postgres: { type: 'string', default: process.env.ABATE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
      'skip-postgres': { type: 'boolean', default: false },
    },
  });
  const rowCount = Number(values.rows);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'abate-bench-'));
  try {
    const file = path.join(folder, `allocations-${rowCount}.csv`);
    fs.writeFileSync(file, generateCsv(rowCount));
    const size = fs.statSync(file).size;
    console.log(`file: ${rowCount.toLocaleString('en-US')} rows, ${(size / 1024 / 1024).toFixed(1)} MB (${file})`);
    console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);

    const dataDir = path.join(folder, 'pglite');
    await setUp(await openDatabase({ dataDir, command: 'bench-import setup' }));
    const pgliteEnv = { ABATE_DATA_DIR: dataDir, DATABASE_URL: '' };
    report('PGlite', 'dry run (read, check, no writes)', runImport(file, pgliteEnv, true), rowCount);
    report('PGlite', 'import', runImport(file, pgliteEnv, false), rowCount);
    report('PGlite', 're-import of the same file (0 created)', runImport(file, pgliteEnv, false), rowCount);
    await verify(await openDatabase({ dataDir, command: 'bench-import verify' }), 'PGlite', rowCount);

    if (values['skip-postgres']) return 0;
    const admin = values.postgres;
    const name = `abate_bench_${crypto.randomBytes(4).toString('hex')}`;
    try {
      await withAdmin(admin, (client) => client.query(`create database ${name}`));
    } catch (error) {
      console.log(`PostgreSQL: not measured, ${admin} cannot be reached (${(error as Error).message})`);
      return 0;
    }
    try {
      const url = new URL(admin);
      url.pathname = `/${name}`;
      await setUp(await openDatabase({ databaseUrl: url.toString(), poolMax: 2 }));
      const env = { DATABASE_URL: url.toString() };
      report('PostgreSQL', 'dry run (read, check, no writes)', runImport(file, env, true), rowCount);
      report('PostgreSQL', 'import', runImport(file, env, false), rowCount);
      report('PostgreSQL', 're-import of the same file (0 created)', runImport(file, env, false), rowCount);
      await verify(await openDatabase({ databaseUrl: url.toString(), poolMax: 2 }), 'PostgreSQL', rowCount);
    } finally {
      await withAdmin(admin, (client) => client.query(`drop database if exists ${name} with (force)`));
    }
    return 0;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function setUp(handle: DatabaseHandle): Promise<void> {
  try {
    await prepareDatabase(handle, { demo: null });
    await handle.db
      .insert(localities)
      .values({ slug: SLUG, name: 'Bench County', kind: 'county', stateCode: 'ZZ', fyStartMonth: 7 })
      .onConflictDoNothing();
  } finally {
    await handle.close();
  }
}

async function verify(handle: DatabaseHandle, label: string, rowCount: number): Promise<void> {
  try {
    const result = (await handle.db.execute(sql`
      select count(*)::int as lines, sum(amount_cents)::text as amount,
        (select count(*)::int from allocation_splits) as splits,
        (select count(*)::int from expenditures) as spent,
        (select count(*)::int from audit_log where entity = 'allocation') as audit
      from allocations`)) as unknown as { rows: { lines: number; amount: string; splits: number; spent: number; audit: number }[] };
    const row = result.rows[0]!;
    const ok = row.lines === rowCount && row.audit === rowCount;
    console.log(
      `${label}: database holds ${row.lines} lines, ${row.splits} category splits, ${row.spent} expenditures, ` +
        `${row.audit} audit rows, ${row.amount} cents allocated${ok ? '' : '  <-- EXPECTED ' + rowCount}`,
    );
  } finally {
    await handle.close();
  }
}

/**
 * CPU seconds used by this process's finished children (Linux: /proc/self/stat). On a busy machine the wall time
 * of a run depends on everything else running; the CPU time of the import process, which holds all the work when
 * the database is embedded, does not.
 */
let clockTicks: number | null = null;
function childrenCpuSeconds(): number | null {
  try {
    clockTicks ??= Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / clockTicks;
  } catch {
    return null;
  }
}

function runImport(
  file: string,
  env: Record<string, string>,
  dryRun: boolean,
): { seconds: number; cpuSeconds: number | null; status: number | null; tail: string } {
  const cpuBefore = childrenCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/import.ts', '--locality', SLUG, '--file', file, ...(dryRun ? ['--dry-run'] : [])],
    { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = childrenCpuSeconds();
  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { seconds, cpuSeconds, status: result.status, tail: status(result.stdout) };
}

/** What the import said when it failed: its first lines of problems. */
function status(stdout: string): string {
  return stdout.trim().split('\n').slice(0, 6).join(' | ');
}

function report(driver: string, what: string, run: ReturnType<typeof runImport>, rowCount: number): void {
  const rate = Math.round(rowCount / run.seconds).toLocaleString('en-US');
  const status = run.status === 0 ? '' : `  FAILED (exit ${run.status}): ${run.tail}`;
  const cpu = run.cpuSeconds === null ? '' : `, import process CPU ${run.cpuSeconds.toFixed(1)} s`;
  console.log(`${driver}: ${what}: ${run.seconds.toFixed(1)} s wall (${rate} rows/s${cpu})${status}`);
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

runCli(main);
