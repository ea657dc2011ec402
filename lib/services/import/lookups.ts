import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import { isImportField, type ImportField } from '@/lib/import/fields';
import type { ExpenditureLine } from '@/lib/import/parse-expenditures';
import { NotFound } from '@/lib/errors';
import type { CategoryOption, CrosswalkLink, SourceOption } from './resolvers';

/**
 * Everything an import looks up, loaded with one query per table before the rows are read: a 100,000-row file must
 * not cost 100,000 queries.
 */

export interface ImportLocality {
  id: number;
  slug: string;
  name: string;
  fyStartMonth: number;
}

export interface ReferenceLookups {
  locality: ImportLocality;
  categories: CategoryOption[];
  crosswalk: CrosswalkLink[];
  sources: SourceOption[];
  /** What this locality mapped last time, header → field. */
  remembered: Record<string, ImportField>;
  /** The "Other / not yet classified" category of each framework that has one, in framework order. */
  unclassified: { id: number; label: string; frameworkKey: string }[];
  /** Funding sources of kind `interest` (interest earned on settlement money held), in id order. */
  interestSourceIds: number[];
}

export interface ExistingLine {
  id: number;
  deleted: boolean;
  /** Cents of spending this import recorded for the line (`<key>:spent`), if any. */
  importedSpentCents: bigint | null;
}

export interface LocalityLookups {
  /** import_key → the line that holds it (deleted lines too: the key stays taken). */
  lines: Map<string, ExistingLine>;
  /** lower(name) → recipient, as the database's unique index compares them. */
  recipients: Map<string, { id: number; name: string; type: string }>;
}

export async function loadReferenceLookups(executor: Executor, localityId: number): Promise<ReferenceLookups> {
  const [locality] = await queryRows<ImportLocality>(
    executor,
    sql`select id, slug, name, fy_start_month as "fyStartMonth" from localities where id = ${localityId}`,
  );
  if (!locality) throw new NotFound('That locality');

  // The frameworks Abate ships and the locality's own; never another locality's list.
  const categories = await queryRows<CategoryOption>(
    executor,
    sql`select c.id, c.key, c.label, f.key as "frameworkKey", f.name as "frameworkName"
        from categories c join frameworks f on f.id = c.framework_id
        where f.locality_id is null or f.locality_id = ${localityId}
        order by f.sort_order, f.id, c.sort_order, c.id`,
  );
  const crosswalk = await queryRows<CrosswalkLink>(
    executor,
    sql`select x.from_category_id as "fromId", x.to_category_id as "toId", f.key as "toFrameworkKey"
        from category_crosswalk x join frameworks f on f.id = x.to_framework_id`,
  );
  const sources = await queryRows<SourceOption>(executor, sql`select id, key, name from funding_sources order by id`);
  const unclassified = await queryRows<{ id: number; label: string; frameworkKey: string }>(
    executor,
    sql`select c.id, c.label, f.key as "frameworkKey"
        from categories c join frameworks f on f.id = c.framework_id
        where c.unclassified and (f.locality_id is null or f.locality_id = ${localityId})
        order by f.sort_order, f.id, c.sort_order, c.id`,
  );
  const interest = await queryRows<{ id: number }>(
    executor,
    sql`select id from funding_sources where kind = 'interest' order by id`,
  );
  const [mappingRow] = await queryRows<{ mapping: unknown }>(
    executor,
    sql`select mapping from import_mappings where locality_id = ${localityId}`,
  );
  return {
    locality,
    categories,
    crosswalk,
    sources,
    remembered: rememberedMapping(mappingRow?.mapping),
    unclassified: unclassified.map((row) => ({ ...row, id: Number(row.id) })),
    interestSourceIds: interest.map((row) => Number(row.id)),
  };
}

/** A stored mapping is JSON from the database: keep only header → known field pairs. */
export function rememberedMapping(value: unknown): Record<string, ImportField> {
  const result: Record<string, ImportField> = Object.create(null);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return result;
  for (const [header, field] of Object.entries(value)) {
    if (isImportField(field)) result[header] = field;
  }
  return result;
}

export async function loadLocalityLookups(executor: Executor, localityId: number): Promise<LocalityLookups> {
  // Two plain scans joined here, not in SQL: right after a bulk import the planner has no statistics yet and may
  // pick a nested loop over 100,000 × 30,000 rows.
  const lineRows = await queryRows<{ id: number; importKey: string; deleted: boolean }>(
    executor,
    sql`select id, import_key as "importKey", deleted_at is not null as deleted
        from allocations where locality_id = ${localityId} and import_key is not null`,
  );
  const spentRows = await queryRows<{ importKey: string; spent: string }>(
    executor,
    sql`select import_key as "importKey", amount_cents::text as spent
        from expenditures
        where locality_id = ${localityId} and import_key like '%:spent' and deleted_at is null`,
  );
  const spentByKey = new Map(spentRows.map((row) => [row.importKey, BigInt(row.spent)]));
  const lines = new Map<string, ExistingLine>();
  for (const row of lineRows) {
    lines.set(row.importKey, {
      id: Number(row.id),
      deleted: row.deleted,
      importedSpentCents: spentByKey.get(`${row.importKey}:spent`) ?? null,
    });
  }
  const recipientRows = await queryRows<{ id: number; name: string; type: string }>(
    executor,
    sql`select id, name, type::text as type from recipients where locality_id = ${localityId}`,
  );
  const recipients = new Map(recipientRows.map((row) => [row.name.toLowerCase(), { ...row, id: Number(row.id) }]));
  return { lines, recipients };
}

/**
 * The locality's live allocation lines with their recipient's name, oldest year first: what the rows of a payments
 * or outcomes file are matched to. Another locality's line is never among them, however it is named.
 */
export async function loadLocalityLines(executor: Executor, localityId: number): Promise<ExpenditureLine[]> {
  const lines = await queryRows<ExpenditureLine>(
    executor,
    sql`select a.id, a.program, a.fiscal_year as "fiscalYear", a.last_fiscal_year as "lastFiscalYear", r.name as recipient
        from allocations a left join recipients r on r.id = a.recipient_id
        where a.locality_id = ${localityId} and a.deleted_at is null
        order by a.fiscal_year, a.id`,
  );
  return lines.map((line) => ({ ...line, id: Number(line.id) }));
}
