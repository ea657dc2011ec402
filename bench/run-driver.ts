/**
 * One driver's benchmark, start to end: a fresh database, generated data loaded, the import against COPY, the SQL
 * floor, then the production server and the page, API and load figures. Everything it creates (temporary folder,
 * database, server) is registered with `cleanup` as soon as it exists, so a failure or Ctrl-C removes it.
 */
import type { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { openDatabase, rawClient, type DatabaseHandle } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { createRng } from '@/db/demo/prng';
import { CHANGE_CHANNEL, ALL_LOCALITIES } from '@/lib/cache/public-cache';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { benchLocalities, generateData, loadData, readReferenceIds } from './generate';
import { probeHealthUntil, type HealthFigures } from './health-probe';
import { PAGE_HEADERS, pageCacheNote, timedGet, timeEach, type Timed } from './http';
import { copySameRows, createLocality, runCliImport } from './import-copy';
import { measureExport } from './export-measure';
import { seedExportLocality } from './export-data';
import { runLoad, type LoadFigures } from './load';
import { createUploadSession, runUploadImport } from './upload-import';
import { Report } from './report';
import { fiscalYearsOf, type DriverName, type Scale } from './scales';
import { startServer, sleep, type RunningServer } from './server';
import { measureSqlFloor, type Target } from './sql-floor';
import { databaseUrl, dropDatabase, pgliteSql, postgresSql, recreateDatabase, withAdminClient, type BenchSql } from './sql';

export type Cleanup = (label: string, fn: () => Promise<void> | void) => void;

const IMPORT_CLI = 'bench-import-cli';
const IMPORT_COPY = 'bench-import-copy';
const IMPORT_COPY_FK = 'bench-import-copy-fk';
const IMPORT_COPY_RAW = 'bench-import-copy-raw';
const IMPORT_UNDER_LOAD = 'bench-import-load';
const EXPORT_LOCALITY = 'bench-export';
/** Pages kept warm for the cached figures and the load. */
const CACHED_PAGES = 10;

export interface MeasurementTargets {
  warmup: Target[];
  uncached: Target[];
}

/**
 * Which locality pages are requested: distinct (locality, fiscal year) pairs, every locality once before any twice,
 * in a fixed shuffled order. Each is requested once for the uncached figures, since the server caches a page's
 * reads after the first request.
 */
export function measurementTargets(scale: Scale): MeasurementTargets {
  const years = fiscalYearsOf(scale);
  const order = createRng('abate-bench:targets').shuffle(benchLocalities(scale));
  const wanted = scale.uncachedSamples + 2;
  const pairs: Target[] = [];
  for (let round = 0; round < years.length && pairs.length < wanted; round += 1) {
    for (const [index, locality] of order.entries()) {
      if (pairs.length >= wanted) break;
      pairs.push({ slug: locality.slug, fiscalYear: years[years.length - 1 - ((index + round) % years.length)]! });
    }
  }
  return { warmup: pairs.slice(0, 2), uncached: pairs.slice(2) };
}

const pagePath = (t: Target) => `/l/${t.slug}?fy=${t.fiscalYear}`;
const summaryPath = (t: Target) => `/api/v1/localities/${t.slug}/summary?fy=${t.fiscalYear}&framework=${DEFAULT_FRAMEWORK_KEY}`;

function folderBytes(folder: string): number {
  let total = 0;
  const stack = [folder];
  for (let guard = 0; stack.length > 0 && guard < 1_000_000; guard += 1) {
    const current = stack.pop()!;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile()) total += fs.statSync(full).size;
    }
  }
  return total;
}

async function withSql<T>(handle: DatabaseHandle, fn: (sql: BenchSql) => Promise<T>): Promise<T> {
  if (handle.driver === 'pglite') return fn(pgliteSql(rawClient(handle) as PGlite));
  const client = await (rawClient(handle) as pg.Pool).connect();
  try {
    return await fn(postgresSql(client));
  } finally {
    client.release();
  }
}

function ttfb(results: readonly Timed[]): number[] {
  return results.map((r) => r.ttfbMs);
}

function loadValues(figures: LoadFigures): Record<string, number> {
  return {
    rps: figures.requestsPerSecond,
    p50_ms: figures.p50Ms,
    p99_ms: figures.p99Ms,
    max_ms: figures.maxMs,
    requests: figures.requests,
    errors: figures.errors,
    timeouts: figures.timeouts,
    non2xx: figures.non2xx,
  };
}

export interface DriverOptions {
  scale: Scale;
  driver: DriverName;
  adminUrl: string;
  /** The CSV the command-line import reads (bench/import-csv.ts), written once for every driver. */
  importCsv: string;
  cleanup: Cleanup;
}

export async function runDriver({ scale, driver, adminUrl, importCsv: csv, cleanup }: DriverOptions): Promise<Report> {
  const report = new Report(`[${driver}] `);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `abate-bench-${scale.name}-${driver}-`));
  cleanup(`remove ${work}`, () => fs.rmSync(work, { recursive: true, force: true }));

  let env: Record<string, string>;
  let open: () => Promise<DatabaseHandle>;
  let databaseSize: () => Promise<number>;
  if (driver === 'postgres') {
    const name = `abate_bench_${scale.name}`;
    await recreateDatabase(adminUrl, name);
    cleanup(`drop database ${name}`, () => dropDatabase(adminUrl, name));
    const url = databaseUrl(adminUrl, name);
    env = { DATABASE_URL: url };
    open = () => openDatabase({ databaseUrl: url, poolMax: 4 });
    databaseSize = async () => {
      const handle = await open();
      try {
        return await withSql(handle, async (sql) =>
          Number((await sql.query<{ size: string }>('select pg_database_size(current_database())::text as size'))[0]?.size),
        );
      } finally {
        await handle.close();
      }
    };
  } else {
    const dataDir = path.join(work, 'db');
    env = { ABATE_DATA_DIR: dataDir, DATABASE_URL: '' };
    open = () => openDatabase({ dataDir, command: 'npm run bench' });
    databaseSize = async () => folderBytes(dataDir);
  }

  // ---- 1. generate and load
  const ids = { cli: 0, copy: 0, copyFk: 0, copyRaw: 0 };
  let uploadCookie = '';
  {
    const handle = await open();
    try {
      const prepared = process.hrtime.bigint();
      await prepareDatabase(handle, { demo: null });
      report.values('load.migrate', { s: Number(process.hrtime.bigint() - prepared) / 1e9 }, "the app's migrator and reference data");
      await withSql(handle, async (sql) => {
        const reference = await readReferenceIds(sql, DEFAULT_FRAMEWORK_KEY);
        const rowsFolder = path.join(work, 'rows');
        const data = generateData(scale, reference, rowsFolder);
        const bytes = data.tables.flatMap((t) => t.parts).reduce((sum, file) => sum + fs.statSync(file).size, 0);
        report.values('load.generate', { s: data.seconds, mb: bytes / 1024 / 1024 }, 'COPY text files');
        const load = await loadData(sql, data);
        for (const table of load.tables) {
          report.values(`load.copy.${table.table}`, {
            rows: table.rows,
            s: table.seconds,
            rows_per_s: Math.round(table.rows / Math.max(table.seconds, 1e-6)),
          });
        }
        report.values(
          'load.total',
          { copy_s: load.copySeconds, check_s: load.checkSeconds, vacuum_analyze_s: load.vacuumSeconds },
          driver === 'postgres' ? 'COPY … FROM STDIN, one transaction' : "COPY … FROM '/dev/blob', one transaction",
        );
        fs.rmSync(rowsFolder, { recursive: true, force: true });
        ids.cli = await createLocality(sql, IMPORT_CLI, 'Bench Import County (command line)');
        ids.copy = await createLocality(sql, IMPORT_COPY, 'Bench Import County (COPY)');
        ids.copyFk = await createLocality(sql, IMPORT_COPY_FK, 'Bench Import County (COPY, foreign keys only)');
        ids.copyRaw = await createLocality(sql, IMPORT_COPY_RAW, 'Bench Import County (COPY, no triggers)');
        await createLocality(sql, IMPORT_UNDER_LOAD, 'Bench Import County (under load)');
        const exportLocality = await createLocality(sql, EXPORT_LOCALITY, 'Bench Export County');
        const exported = process.hrtime.bigint();
        const categoryIds = (await sql.query<{ id: number }>('select id from categories order by id limit 2')).map((row) => row.id);
        await seedExportLocality(sql, exportLocality, scale.exportRows, categoryIds);
        report.values('load.export_locality', { rows: scale.exportRows, s: Number(process.hrtime.bigint() - exported) / 1e9 }, 'one locality for the export figures');
      });
      // An administrator's session: the export downloads as staff, and on PGlite the import under load goes through
      // the server's upload route, as an editor's would.
      uploadCookie = await createUploadSession(handle);
    } finally {
      await handle.close();
    }
  }
  report.values('load.database_size', { mb: (await databaseSize()) / 1024 / 1024 });

  // ---- 4. the command-line import against COPY of the same rows (before the server: PGlite admits one process)
  const cli = await runCliImport(csv, IMPORT_CLI, env);
  const targets = measurementTargets(scale);
  {
    const handle = await open();
    try {
      if (cli.status !== 0 || cli.created !== scale.importRows) {
        report.values('import.cli', { rows: scale.importRows, s: cli.seconds, exit: cli.status ?? -1 }, `FAILED: ${cli.tail}`);
      } else {
        report.values(
          'import.cli',
          { rows: cli.created, s: cli.seconds, reported_s: cli.reportedSeconds ?? Number.NaN, rows_per_s: Math.round(cli.created / cli.seconds) },
          'whole command incl. start-up; reported_s = what the import prints',
        );
        const copy = await withSql(handle, (sql) => copySameRows(sql, ids.cli, ids.copy, 'all'));
        const foreignKeys = await withSql(handle, (sql) => copySameRows(sql, ids.cli, ids.copyFk, 'foreign-keys'));
        const raw = await withSql(handle, (sql) => copySameRows(sql, ids.cli, ids.copyRaw, 'none'));
        const rows = Object.values(copy.rows).reduce((a, b) => a + b, 0);
        report.values(
          'import.copy',
          { rows, s: copy.seconds },
          `plain COPY of the same rows, constraints and triggers on: ${Object.entries(copy.rows).map(([t, n]) => `${n} ${t}`).join(', ')}`,
        );
        report.values('import.copy_foreign_keys_only', { rows, s: foreignKeys.seconds }, 'the same COPY with the split-sum triggers disabled, foreign keys checked');
        report.values('import.copy_no_triggers', { rows, s: raw.seconds }, 'the same COPY with no trigger firing (foreign keys and split checks off)');
        report.values('import.ratio', {
          cli_over_copy: cli.seconds / copy.seconds,
          reported_over_copy: (cli.reportedSeconds ?? Number.NaN) / copy.seconds,
          cli_over_copy_no_triggers: cli.seconds / raw.seconds,
        });
      }

      // ---- 3. the SQL floor, on the same data, before the server takes the database
      const floor = await measureSqlFloor(handle.db, targets.uncached, DEFAULT_FRAMEWORK_KEY, 2);
      report.timing('sql.aggregates', floor.aggregates, 'getLocalityTotals + getSpendingByCategory, direct, 2 runs each');
      report.timing('sql.page_reads', floor.pageReads, 'every read the locality page makes, direct, 2 runs each');
    } finally {
      await handle.close();
    }
  }

  // ---- the server
  const server: RunningServer = await startServer({ ...env, ABATE_DEMO: '0' });
  cleanup('stop the server', () => server.stop());
  try {
    report.values('server.start', { s: server.startSeconds }, 'to the first answer');
    await measureServer(report, server, scale, driver, targets, env, csv, uploadCookie);
    const memory = server.memory();
    const top = memory[0];
    report.values(
      'server.memory',
      {
        peak_mb: top ? top.peakKb / 1024 : Number.NaN,
        rss_mb: top ? top.rssKb / 1024 : Number.NaN,
        processes: memory.length,
        peak_sum_mb: memory.reduce((sum, m) => sum + m.peakKb, 0) / 1024,
      },
      `VmHWM of ${top ? `${top.name} (pid ${top.pid})` : 'the server'}`,
    );
  } finally {
    await server.stop();
  }
  return report;
}

async function measureServer(
  report: Report,
  server: RunningServer,
  scale: Scale,
  driver: DriverName,
  targets: MeasurementTargets,
  env: Record<string, string>,
  csv: string,
  /** An administrator's session cookie: the exports, and on PGlite the import through the upload route. */
  uploadCookie: string,
): Promise<void> {
  const base = server.baseUrl;
  const years = fiscalYearsOf(scale);

  // Warm-up: the first request to each route loads its code; those pages are not measured.
  await timeEach(base, [...targets.warmup.map(pagePath), ...targets.warmup.map(summaryPath), `/?fy=${years[0]}`]);

  // ---- 1. locality page and home page, uncached (first request for each) then cached
  const cpu = { start: server.cpuMs(), pageUncached: 0, homeUncached: 0, summaryUncached: 0, pageCached: 0 };
  const uncached = await timeEach(base, targets.uncached.map(pagePath));
  cpu.pageUncached = server.cpuMs();
  const pageUncached = report.timing('page.locality.uncached.ttfb', ttfb(uncached), `first request of each distinct page; ${pageCacheNote(uncached)}`);
  report.timing('page.locality.uncached.last_byte', uncached.map((r) => r.totalMs), `median size ${Math.round(median(uncached.map((r) => r.bytes)) / 1024)} KiB`);
  // Issue 15: the page gained server-drawn charts, and its HTML must stay under 120 KiB.
  report.values('page.locality.html', {
    kib_median: median(uncached.map((r) => r.bytes)) / 1024,
    kib_max: Math.max(...uncached.map((r) => r.bytes)) / 1024,
  }, 'the HTML of each uncached locality page, as sent (the flight data inline included)');
  // ABATE_BENCH_SAVE_PAGE=FILE keeps the largest of those pages, to see where its bytes go (it is fetched again,
  // cached, after the figures above are taken).
  const savePage = process.env.ABATE_BENCH_SAVE_PAGE;
  if (savePage) {
    const largest = uncached.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const target = targets.uncached[uncached.indexOf(largest)]!;
    fs.writeFileSync(savePage, await (await fetch(`${base}${pagePath(target)}`, { headers: PAGE_HEADERS })).text());
  }
  const homeYears = years.slice(1).reverse();
  const homeUncached = await timeEach(base, homeYears.map((fy) => `/?fy=${fy}`));
  report.timing('home.uncached.ttfb', ttfb(homeUncached), `first request for each fiscal year, ${scale.localities + 3} localities`);
  cpu.homeUncached = server.cpuMs();

  // ---- 2. the public API's summary answer, uncached then cached
  report.timing('api.summary.uncached.ttfb', ttfb(await timeEach(base, targets.uncached.map(summaryPath))), 'first request of each');
  cpu.summaryUncached = server.cpuMs();

  const cachedPages = targets.uncached.slice(0, CACHED_PAGES);
  const rounds = (paths: string[]) => Array.from({ length: scale.cachedRounds }, () => paths).flat();
  const cachedPage = await timeEach(base, rounds(cachedPages.map(pagePath)));
  cpu.pageCached = server.cpuMs();
  const cachedSummary = await timeEach(base, rounds(cachedPages.map(summaryPath)));
  const cachedHome = await timeEach(base, rounds(homeYears.slice(0, 2).map((fy) => `/?fy=${fy}`)));
  report.timing('page.locality.cached.ttfb', ttfb(cachedPage), pageCacheNote(cachedPage));
  report.timing('home.cached.ttfb', ttfb(cachedHome), pageCacheNote(cachedHome));
  report.timing('api.summary.cached.ttfb', ttfb(cachedSummary));
  report.values(
    'server.cpu_per_request',
    {
      page_uncached_ms: (cpu.pageUncached - cpu.start) / uncached.length,
      page_cached_ms: (cpu.pageCached - cpu.summaryUncached) / cachedPage.length,
      summary_uncached_ms: (cpu.summaryUncached - cpu.homeUncached) / targets.uncached.length,
    },
    "the server process's user + system CPU time, less sensitive than wall time to other work on the machine",
  );

  if (driver === 'postgres') {
    // The first read after a write: the bench sends the signal every write sends (pg_notify on commit), which empties
    // the cache of every server, then reads the same page again.
    const url = env.DATABASE_URL!;
    const afterPage: Timed[] = [];
    const afterHome: number[] = [];
    await withAdminClient(url, async (client) => {
      for (let i = 0; i < scale.afterChangeSamples; i += 1) {
        await client.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, ALL_LOCALITIES]);
        await sleep(50);
        afterPage.push(await timedGet(`${base}${pagePath(cachedPages[i % cachedPages.length]!)}`));
        afterHome.push((await timedGet(`${base}/?fy=${years[years.length - 1]}`)).ttfbMs);
      }
    });
    report.timing('page.locality.after_change.ttfb', ttfb(afterPage), `same pages again after a change signal emptied the cache; ${pageCacheNote(afterPage)}`);
    report.timing('home.after_change.ttfb', afterHome, 'same');
  }

  // ---- 3. page ÷ SQL
  const floor = report.find('sql.aggregates');
  const pageReads = report.find('sql.page_reads');
  if (floor?.kind === 'ms' && pageReads?.kind === 'ms') {
    report.values('ratio.page_over_sql', {
      median: pageUncached.median / floor.value.median,
      p95: pageUncached.p95 / floor.value.p95,
      median_over_page_reads: pageUncached.median / pageReads.value.median,
      // CPU is what other work on the machine disturbs least; SQL time is part of it only as driver overhead.
      cpu_over_sql: (cpu.pageUncached - cpu.start) / uncached.length / floor.value.median,
    }, 'uncached page TTFB ÷ the same aggregates run directly; cpu_over_sql: server CPU per uncached page ÷ the same');
  }

  // ---- 5. 50 readers for loadSeconds on the cached locality pages, then again while an editor imports
  const loadPaths = cachedPages.map(pagePath);
  const loadCpu = server.cpuMs();
  const load = await runLoad(base, loadPaths, scale.loadSeconds);
  report.values(
    'load.locality.cached',
    { ...loadValues(load), cpu_ms_per_request: (server.cpuMs() - loadCpu) / Math.max(load.requests, 1) },
    `50 connections, ${scale.loadSeconds} s, ${loadPaths.length} pages${load.requests < 50 ? '; fewer answers than readers: the window ended before one answer each' : ''}`,
  );
  // Reads and health probes from the start of the import to its end, its commit included (at most 10 minutes).
  const duringNote = (how: string) => `50 connections from the start of ${how} of ${scale.importRows} rows to its end`;
  if (driver === 'postgres') {
    const { during, health, imported } = await underLoad(base, loadPaths, runCliImport(csv, IMPORT_UNDER_LOAD, env));
    report.values('load.locality.during_import', loadValues(during), duringNote('the command-line import'));
    report.values('health.during_import', healthValues(health), HEALTH_NOTE);
    report.values(
      'import.cli.during_load',
      { s: imported.seconds, exit: imported.status ?? -1, created: imported.created ?? 0 },
      imported.status === 0 ? undefined : `FAILED: ${imported.tail}`,
    );
  } else {
    // The embedded database admits one process: the import runs inside the server, through the staff upload route.
    const { during, health, imported } = await underLoad(base, loadPaths, runUploadImport(base, IMPORT_UNDER_LOAD, csv, uploadCookie));
    report.values('load.locality.during_import', loadValues(during), duringNote('the staff upload import, inside the server,'));
    report.values('health.during_import', healthValues(health), HEALTH_NOTE);
    report.values(
      'import.upload.during_load',
      { s: imported.seconds, ok: imported.ok ? 1 : 0, created: imported.created ?? 0 },
      imported.ok ? undefined : `FAILED: ${imported.tail}`,
    );
  }
  await measureExports(report, server, scale, uploadCookie, loadPaths);
}

const IMPORT_LOAD_LIMIT_S = 600;

/** 50 readers and the health probe from the start of `importing` to its end. */
async function underLoad<T>(base: string, loadPaths: readonly string[], importing: Promise<T>): Promise<{ during: LoadFigures; health: HealthFigures; imported: T }> {
  const [during, health, imported] = await Promise.all([
    runLoad(base, loadPaths, IMPORT_LOAD_LIMIT_S, 50, importing),
    probeHealthUntil(base, importing),
    importing,
  ]);
  return { during, health, imported };
}

/** The staff list of `scale.exportRows` lines downloaded whole as CSV then XLSX, under the same 50 readers. */
async function measureExports(report: Report, server: RunningServer, scale: Scale, cookie: string, loadPaths: readonly string[]): Promise<void> {
  for (const format of ['csv', 'xlsx'] as const) {
    const figures = await measureExport(server.baseUrl, server.pid, EXPORT_LOCALITY, format, cookie, loadPaths);
    report.values(
      `export.${format}`,
      {
        status: figures.status,
        s: figures.seconds,
        mb: figures.bytes / 1024 / 1024,
        ...(figures.rows === null ? {} : { rows: figures.rows }),
        memory_before_mb: figures.beforeMb,
        memory_peak_mb: figures.peakMb,
      },
      `the staff allocation list of ${scale.exportRows} lines, whole, read by key; memory = resident, all server processes`,
    );
    report.values(`load.locality.during_export_${format}`, loadValues(figures.load), `50 connections on cached pages from the start of the ${format.toUpperCase()} export to its end`);
  }
}
const HEALTH_NOTE = 'GET /api/health every 250 ms during the same import; slow = 200 but over 1 s; failed = not 200 within 5 s';

function healthValues(figures: HealthFigures): Record<string, number> {
  return {
    probes: figures.probes,
    ok: figures.ok,
    p50_ms: figures.p50Ms,
    p99_ms: figures.p99Ms,
    max_ms: figures.maxMs,
    slow: figures.slow,
    failed: figures.failed,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
