import type { DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { nonEmptyTables, readCatalog, type CatalogTable } from './catalog';
import { BackupError, type BackupHeader, type TableLine } from './format';
import {
  describeLevel,
  migrateUpTo,
  readJournal,
  readMigrationLevel,
  type JournalEntry,
  type MigrationLevel,
} from './migrations';
import { plural } from './open';
import { readBackup, type BackupContents } from './reader';
import { ident, withTransaction, type Session } from './session';

export interface RestoreOptions {
  /** Called as each table is loaded, for progress output. */
  onTable?: (table: string, rows: number) => void;
  /** The file's contents as readBackup() just verified them, to skip reading it once more before loading. */
  verified?: BackupContents;
}

export interface RestoreResult {
  header: BackupHeader;
  /** Rows loaded per table, in the order loaded. */
  tables: Record<string, number>;
  /** The migration the data was loaded at, and the one the database is at now (later when the backup was older). */
  loadedAt: string;
  migratedTo: string;
  durationMs: number;
}

/**
 * Loads a backup into an empty database of either driver, all or nothing:
 *
 * 1. reads the whole file once, checking its structure, row counts and checksum, before touching the database;
 * 2. refuses a backup from a newer Abate, and a database that has any row in any table;
 * 3. migrates the database to the backup's migration with the app's migrations (all of them, usually: a backup
 *    taken by an older Abate is loaded at its own migration and the newer ones run over it afterwards);
 * 4. in ONE transaction: locks every table, checks again that they are empty, inserts the rows in batches with
 *    their original ids, fills in self-references (a locality's parent) once the table is in, moves every
 *    identity sequence past both the source's position and the largest id, reads the file's checksum again
 *    at the end, and recomputes the per-year totals from the rows just loaded (never trusting the file's copy).
 *    The deferred category-split check runs at COMMIT; any failure rolls everything back.
 */
export async function restoreBackup(
  handle: DatabaseHandle,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const started = Date.now();
  const { header, tables: backupTables } = options.verified ?? (await readBackup(file));
  const journal = readJournal();
  const latest = checkCompatible(header, journal);
  const backupLevel = header.schemaMigration;

  const targetLevel = await checkTarget(handle, journal, latest, backupLevel);
  const loadedAt = backupLevel.tag ?? latest.tag;
  if (!targetLevel || targetLevel.when < backupLevel.when) await migrateUpTo(handle, loadedAt);

  const counts: Record<string, number> = {};
  try {
    await withTransaction(handle, 'write', async (session) => {
      const catalog = await readCatalog(session);
      const plans = new Map(backupTables.map((table) => [table.table, planTable(table, catalog)]));
      const names = [...catalog.keys()];
      await session.query(`lock table ${names.map(ident).join(', ')} in exclusive mode`);
      await refuseIfNotEmpty(session, names, handle);

      const planFor = (name: string) => {
        const plan = plans.get(name);
        if (!plan) throw new BackupError('The backup file changed while it was being restored; nothing was restored');
        return plan;
      };
      const deferred: string[] = [];
      await readBackup(file, {
        rows: async (table, lines) => {
          const plan = planFor(table.table);
          await session.query(plan.insert, [`[${lines.join(',')}]`]);
          if (plan.selfReferences) deferred.push(...lines.flatMap((line) => plan.selfReferences!.pick(line)));
        },
        endTable: async (table, rows) => {
          const plan = planFor(table.table);
          if (plan.selfReferences) {
            for (let i = 0; i < deferred.length; i += 1000) {
              await session.query(plan.selfReferences.update, [`[${deferred.slice(i, i + 1000).join(',')}]`]);
            }
            deferred.length = 0;
          }
          await moveIdentities(session, plan.target, table);
          counts[table.table] = rows;
          options.onTable?.(table.table, rows);
        },
      });
      await rebuildDerivedTotals(session);
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new BackupError(`The backup could not be restored, so nothing was written: ${detail}`);
  }

  if (loadedAt !== latest.tag) await migrateDatabase(handle);
  // Fresh statistics, so the first queries on the restored data get good plans without waiting for autovacuum.
  await withTransaction(handle, 'write', (session) => session.query('analyze'));
  return { header, tables: counts, loadedAt, migratedTo: latest.tag, durationMs: Date.now() - started };
}

/**
 * Refuses a backup taken by a newer Abate (a migration this copy does not have) before anything is opened;
 * returns this copy's latest migration.
 */
export function checkCompatible(header: BackupHeader, journal = readJournal()): JournalEntry {
  const latest = journal.at(-1);
  if (!latest) throw new BackupError('This copy of Abate has no migrations');
  const level = header.schemaMigration;
  if (!journal.some((entry) => entry.tag === level.tag && entry.when === level.when)) {
    if (level.when > latest.when) {
      throw new BackupError(
        `The backup was taken by a newer version of Abate (database migration ${describeLevel(level)}); ` +
          `this copy knows migrations up to ${latest.tag}. Update Abate, then restore`,
      );
    }
    throw new BackupError(`The backup's database migration (${describeLevel(level)}) is not one this copy of Abate knows`);
  }
  return latest;
}

/** Refuses a database set up by a newer Abate, and one with any row in any table; returns its migration. Reads only. */
async function checkTarget(
  handle: DatabaseHandle,
  journal: JournalEntry[],
  latest: JournalEntry,
  backupLevel: BackupHeader['schemaMigration'],
): Promise<MigrationLevel | null> {
  return withTransaction(handle, 'write', async (session) => {
    const level = await readMigrationLevel(session, journal);
    if (level && level.when > latest.when) {
      throw new BackupError(
        `The database at ${handle.where} was set up by a newer version of Abate (${describeLevel(level)}); restore with that version`,
      );
    }
    if (level && level.when > backupLevel.when && !journal.some((entry) => entry.when === level.when)) {
      throw new BackupError(`The database at ${handle.where} is at a migration this copy of Abate does not know`);
    }
    const catalog = await readCatalog(session);
    await refuseIfNotEmpty(session, [...catalog.keys()], handle);
    return level;
  });
}

async function refuseIfNotEmpty(session: Session, names: string[], handle: DatabaseHandle): Promise<void> {
  const found = await nonEmptyTables(session, names);
  if (found.length === 0) return;
  const shown = found.slice(0, 4).map((t) => `${t.table}: ${plural(t.rows, 'row')}`);
  const more = found.length > shown.length ? ` and ${found.length - shown.length} more tables with rows` : '';
  throw new BackupError(
    `The database at ${handle.where} is not empty (${shown.join(', ')}${more}). A backup is restored only into an empty ` +
      `database: create a new PostgreSQL database, or point ABATE_DATA_DIR at a new folder. Nothing was changed`,
  );
}

interface TablePlan {
  target: CatalogTable;
  insert: string;
  selfReferences: { pick(line: string): string[]; update: string } | null;
}

/**
 * How one table of the backup goes into the target: its columns must all exist there, and the target's columns
 * the backup lacks (a newer schema) must have a default or allow null.
 */
function planTable(table: TableLine, catalog: Map<string, CatalogTable>): TablePlan {
  const target = catalog.get(table.table);
  if (!target) {
    throw new BackupError(`The backup has a table ${table.table} that this version of Abate does not have; nothing was restored`);
  }
  const byName = new Map(target.columns.map((column) => [column.name, column]));
  for (const column of table.columns) {
    const found = byName.get(column.name);
    if (!found || found.generated) {
      throw new BackupError(`The backup has a column ${table.table}.${column.name} that this version of Abate does not have`);
    }
  }
  const inBackup = new Set(table.columns.map((c) => c.name));
  for (const column of target.columns) {
    if (!inBackup.has(column.name) && column.notNull && !column.hasDefault && !column.identity && !column.generated) {
      throw new BackupError(`The backup has no values for ${table.table}.${column.name}, which this version of Abate requires`);
    }
  }

  const index = new Map(table.columns.map((column, i) => [column.name, i]));
  // jsonb is parsed once per batch, where every `->>` on json would parse the row's text again; only a json
  // column (whose exact text jsonb would normalize) needs the slower json.
  const json = table.columns.some((column) => byName.get(column.name)!.typeName === 'json') ? 'json' : 'jsonb';
  const cast = (name: string) => {
    const position = index.get(name)!;
    const type = byName.get(name)!.type;
    if (table.columns[position]?.encoding !== 'json') return `(r->>${position})::${type}`;
    // [value] is the stored JSON, null is SQL NULL. (`->0` alone will not do: jsonb answers 'null'::jsonb->0 with null.)
    return `(case when ${json}_typeof(r->${position}) = 'array' then r->${position}->0 end)::${type}`;
  };

  // Columns referencing the same table (a locality's parent) are inserted empty and filled in after the table.
  const selfColumns = target.foreignKeys
    .filter((fk) => fk.references === table.table)
    .flatMap((fk) => fk.columns)
    .filter((name) => inBackup.has(name) && !byName.get(name)!.notNull);
  const keyInBackup = target.primaryKey.length > 0 && target.primaryKey.every((name) => inBackup.has(name));
  const deferred = new Set(keyInBackup ? selfColumns : []);

  const values = table.columns.map((column) =>
    deferred.has(column.name) ? `null::${byName.get(column.name)!.type}` : cast(column.name),
  );
  const overriding = table.columns.some((column) => byName.get(column.name)!.identity) ? ' overriding system value' : '';
  const insert =
    `insert into ${ident(table.table)} (${table.columns.map((c) => ident(c.name)).join(', ')})${overriding} ` +
    `select ${values.join(', ')} from ${json}_array_elements($1::${json}) as r`;

  let selfReferences: TablePlan['selfReferences'] = null;
  if (deferred.size > 0) {
    const keys = target.primaryKey;
    const refs = [...deferred];
    const picks = [...keys, ...refs].map((name) => index.get(name)!);
    selfReferences = {
      pick(line) {
        const row = JSON.parse(line) as unknown[];
        if (refs.every((name) => row[index.get(name)!] === null)) return [];
        return [JSON.stringify(picks.map((i) => row[i]))];
      },
      update:
        `update ${ident(table.table)} as t set ` +
        refs.map((name, i) => `${ident(name)} = (v->>${keys.length + i})::${byName.get(name)!.type}`).join(', ') +
        ` from json_array_elements($1::json) as v where ` +
        keys.map((name, i) => `t.${ident(name)} = (v->>${i})::${byName.get(name)!.type}`).join(' and '),
    };
  }
  return { target, insert, selfReferences };
}

/** Puts each identity sequence past the source's position and past the largest id, so no id is ever reused. */
async function moveIdentities(session: Session, target: CatalogTable, table: TableLine): Promise<void> {
  for (const column of target.columns.filter((c) => c.identity)) {
    const [found] = await session.query<{ sequence: string | null }>(
      'select pg_get_serial_sequence($1, $2) as sequence',
      [ident(target.name), column.name],
    );
    if (!found?.sequence) continue;
    const source = table.identity[column.name];
    const sourceNext = source ? BigInt(source.lastValue) + (source.isCalled ? 1n : 0n) : 1n;
    await session.query(
      `select setval($1::regclass, greatest(coalesce((select max(${ident(column.name)}) from ${ident(target.name)}), 0) + 1, $2::bigint, 1), false)`,
      [found.sequence, sourceNext.toString()],
    );
  }
}

/**
 * locality_year_totals is derived from the receipts, allocations and expenditures. The backup carries it, so the
 * file stays a faithful copy of every table, but restore recomputes it set-wise from the rows it just loaded, in the
 * same transaction: a hand-edited or partial file cannot leave wrong totals behind, and the one set-wise pass also
 * settles (and so replaces) the per-locality recomputes the loading statements queued for COMMIT. A backup from
 * before that table loads at its own migration; the migration that adds the table computes it afterwards.
 */
async function rebuildDerivedTotals(session: Session): Promise<void> {
  const [found] = await session.query<{ present: boolean }>(
    `select to_regproc('abate_rebuild_locality_totals') is not null as present`,
  );
  if (found?.present) await session.query('select abate_rebuild_locality_totals()');
}
