import { BackupError } from './format';
import { ident, type Session } from './session';

export interface CatalogColumn {
  name: string;
  /** format_type(): "bigint", "timestamp with time zone", "locality_kind", "character(2)" … */
  type: string;
  /** pg_type.typname of the column's type: int8, timestamptz, jsonb … */
  typeName: string;
  /** pg_type.typcategory: 'S' string, 'E' enum, 'N' numeric, 'D' date/time, 'U' user-defined (json) … */
  typeCategory: string;
  notNull: boolean;
  hasDefault: boolean;
  identity: boolean;
  generated: boolean;
}

export interface ForeignKey {
  columns: string[];
  references: string;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** Every ordinary table of the public schema, as the database itself describes it (the migrations' result). */
export async function readCatalog(session: Session): Promise<Map<string, CatalogTable>> {
  const columns = await session.query<{
    table_name: string;
    column_name: string;
    type: string;
    type_name: string;
    type_category: string;
    not_null: boolean;
    has_default: boolean;
    identity: string;
    generated: string;
  }>(`
    select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type,
           t.typname as type_name, t.typcategory::text as type_category, a.attnotnull as not_null, a.atthasdef as has_default,
           a.attidentity::text as identity, a.attgenerated::text as generated
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_type t on t.oid = a.atttypid
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname, a.attnum`);
  const tables = new Map<string, CatalogTable>();
  for (const row of columns) {
    let table = tables.get(row.table_name);
    if (!table) {
      table = { name: row.table_name, columns: [], primaryKey: [], foreignKeys: [] };
      tables.set(row.table_name, table);
    }
    table.columns.push({
      name: row.column_name,
      type: row.type,
      typeName: row.type_name,
      typeCategory: row.type_category,
      notNull: row.not_null,
      hasDefault: row.has_default,
      identity: row.identity !== '',
      generated: row.generated !== '',
    });
  }

  const constraints = await session.query<{ table_name: string; kind: string; references: string | null; columns: string }>(`
    select c.relname as table_name, con.contype::text as kind, f.relname as references,
           (select json_agg(a.attname order by k.ord)
              from unnest(con.conkey) with ordinality as k(attnum, ord)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum)::text as columns
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_class f on f.oid = con.confrelid
     where n.nspname = 'public' and con.contype in ('p', 'f')
     order by c.relname, con.conname`);
  for (const row of constraints) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    const names = JSON.parse(row.columns) as string[];
    if (row.kind === 'p') table.primaryKey = names;
    else if (row.references) table.foreignKeys.push({ columns: names, references: row.references });
  }
  return tables;
}

/**
 * Orders tables so that each comes after every table it references. A table referencing itself (a locality's
 * parent) is fine: restore fills those columns in after the table's rows. A cycle between tables is not.
 */
export function dependencyOrder(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: CatalogTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: CatalogTable, path: string[]) => {
    const seen = state.get(table.name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      throw new BackupError(`The tables ${[...path, table.name].join(' → ')} reference each other in a cycle; they cannot be ordered`);
    }
    state.set(table.name, 'visiting');
    for (const fk of table.foreignKeys) {
      const parent = byName.get(fk.references);
      if (parent && parent.name !== table.name) visit(parent, [...path, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
  return ordered;
}

/** Tables with at least one row, with their exact counts. */
export async function nonEmptyTables(session: Session, names: string[]): Promise<{ table: string; rows: number }[]> {
  const found: { table: string; rows: number }[] = [];
  for (const name of names) {
    const [row] = await session.query<{ rows: string }>(`select count(*)::text as rows from ${ident(name)}`);
    const rows = Number(row?.rows ?? 0);
    if (rows > 0) found.push({ table: name, rows });
  }
  return found;
}
