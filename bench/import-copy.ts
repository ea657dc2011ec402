/**
 * Figure 4: the command-line import of a CSV (scripts/import.ts, run exactly as scripts/bench-import.ts runs it)
 * against PostgreSQL COPY of the very rows that import wrote.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { BenchSql } from './sql';

const TSX_CLI = 'node_modules/tsx/dist/cli.mjs';

export function writeImportCsv(file: string, rows: number): void {
  const result = spawnSync(process.execPath, [TSX_CLI, 'bench/import-csv.ts', file, String(rows)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`could not write the import CSV: ${result.stderr || result.stdout}`);
}

export interface CliImport {
  /** The whole command, start-up included, as an operator sees it. */
  seconds: number;
  /** What the command itself reports (read, check and write in one transaction), when it says. */
  reportedSeconds: number | null;
  created: number | null;
  status: number | null;
  tail: string;
}

/** `npm run import -- --locality SLUG --file FILE`, without npm's own start-up. */
export function runCliImport(file: string, slug: string, env: Record<string, string>): Promise<CliImport> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [TSX_CLI, 'scripts/import.ts', '--locality', slug, '--file', file], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
    });
    child.on('error', reject);
    child.on('exit', (status) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const done = /Imported ([\d,]+) lines? .* in ([\d.]+) s\./.exec(stdout);
      resolve({
        seconds,
        reportedSeconds: done ? Number(done[2]) : null,
        created: done ? Number(done[1]!.replaceAll(',', '')) : null,
        status,
        tail: (stdout.trim().split('\n').slice(0, 6).join(' | ') + ' | ' + stderr.trim().split('\n').slice(-3).join(' | ')).slice(0, 1_000),
      });
    });
  });
}

export async function createLocality(sql: BenchSql, slug: string, name: string): Promise<number> {
  const [row] = await sql.query<{ id: number }>(
    `insert into localities (slug, name, kind, state_code, fy_start_month) values ($1, $2, 'county', 'ZZ', 7) returning id`,
    [slug, name],
  );
  if (!row) throw new Error(`could not create locality ${slug}`);
  return row.id;
}

interface CopyPlan {
  table: string;
  /** Column → expression that moves the row to the target locality with fresh ids. */
  remap: Record<string, string>;
  /** Columns left to their defaults. */
  omit?: string[];
  where: string;
}

export interface CopyFigures {
  seconds: number;
  rows: Record<string, number>;
}

/**
 * Which of the database's checks run during the COPY:
 * - `all`: plain COPY, the fair comparison: every foreign key and the split-sum constraint triggers run as they do
 *   for the import;
 * - `foreign-keys`: the tables' own (user) triggers are disabled for the transaction, foreign keys still checked —
 *   shows what the split-sum triggers cost;
 * - `none`: the session runs as a replica, so no trigger fires at all (the raw floor).
 */
export type CopyChecks = 'all' | 'foreign-keys' | 'none';

const USER_TRIGGER_TABLES = ['allocations', 'allocation_splits'];

/**
 * Reads every row the import wrote for `sourceId` (recipients, allocations, their category splits, spending to date,
 * audit rows), moves them to `targetId` with new ids, and times loading them back with COPY in one transaction —
 * what the import's work would cost if it were only COPY.
 */
export async function copySameRows(sql: BenchSql, sourceId: number, targetId: number, checks: CopyChecks): Promise<CopyFigures> {
  const offset = async (table: string) =>
    Number((await sql.query<{ max: string }>(`select coalesce(max(id), 0)::text as max from ${table}`))[0]?.max ?? 0);
  const recipients = await offset('recipients');
  const allocations = await offset('allocations');
  const expenditures = await offset('expenditures');
  const plans: CopyPlan[] = [
    {
      table: 'recipients',
      remap: { id: `id + ${recipients}`, locality_id: String(targetId) },
      where: `locality_id = ${sourceId}`,
    },
    {
      table: 'allocations',
      remap: {
        id: `id + ${allocations}`,
        locality_id: String(targetId),
        recipient_id: `recipient_id + ${recipients}`,
      },
      where: `locality_id = ${sourceId}`,
    },
    {
      table: 'allocation_splits',
      remap: { allocation_id: `allocation_id + ${allocations}` },
      where: `allocation_id in (select id from allocations where locality_id = ${sourceId})`,
    },
    {
      table: 'expenditures',
      remap: {
        id: `id + ${expenditures}`,
        allocation_id: `allocation_id + ${allocations}`,
        locality_id: String(targetId),
      },
      where: `locality_id = ${sourceId}`,
    },
    { table: 'audit_log', remap: { locality_id: String(targetId) }, omit: ['id'], where: `locality_id = ${sourceId}` },
  ];

  const exported: { table: string; columns: string[]; bytes: Buffer; rows: number }[] = [];
  for (const plan of plans) {
    const columns = (
      await sql.query<{ column_name: string }>(
        `select column_name from information_schema.columns
         where table_schema = 'public' and table_name = $1 order by ordinal_position`,
        [plan.table],
      )
    )
      .map((c) => c.column_name)
      .filter((c) => !plan.omit?.includes(c));
    const select = columns.map((c) => plan.remap[c] ?? c).join(', ');
    const bytes = await sql.copyOut(`select ${select} from ${plan.table} where ${plan.where}`);
    let rows = 0;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) rows += 1;
    exported.push({ table: plan.table, columns, bytes, rows });
  }

  const started = process.hrtime.bigint();
  await sql.query('begin');
  try {
    if (checks === 'none') await sql.query('set local session_replication_role = replica');
    if (checks === 'foreign-keys') {
      for (const table of USER_TRIGGER_TABLES) await sql.query(`alter table ${table} disable trigger user`);
    }
    for (const table of exported) if (table.rows > 0) await sql.copyIn(table.table, table.columns, { bytes: table.bytes });
    if (checks === 'foreign-keys') {
      for (const table of USER_TRIGGER_TABLES) await sql.query(`alter table ${table} enable trigger user`);
    }
    await sql.query('commit');
  } catch (error) {
    await sql.query('rollback').catch(() => undefined);
    throw error;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // With triggers off (all, or those on allocations) the target's per-year totals were not kept: recompute them,
  // outside the timed part, so the pages read later show the rows that are there.
  if (checks !== 'all') await sql.query('select abate_refresh_locality_totals($1::integer, 0::smallint)', [targetId]);
  for (const table of ['recipients', 'allocations', 'expenditures']) {
    await sql.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
  }
  return { seconds, rows: Object.fromEntries(exported.map((t) => [t.table, t.rows])) };
}
