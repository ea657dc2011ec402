/**
 * Deterministic synthetic data for the benchmark: localities, recipients, receipts, allocations split across 1–3
 * categories, and payments, at a named scale (bench/scales.ts). Pure apart from the files it writes: the same scale
 * and the same reference ids give byte-identical files on every run (seeded PRNG, no clock, no Math.random).
 *
 * The rows are written as PostgreSQL COPY text files (one folder, a few files per table, at most PART_ROWS rows
 * each) and loaded with COPY: `COPY … FROM STDIN` on PostgreSQL, `COPY … FROM '/dev/blob'` on PGlite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRng, type Rng } from '@/db/demo/prng';
import { fiscalYearBounds } from '@/lib/fiscal-year';
import { splitCentsByShares } from '@/lib/money';
import { fiscalYearsOf, type Scale } from './scales';
import type { BenchSql } from './sql';

/** Ids from the reference data the app seeds into every database (readReferenceIds, below, reads them). */
export interface ReferenceIds {
  /** Categories of the default framework (most lines are tagged in it). */
  primaryCategoryIds: number[];
  /** Categories of another framework (a tenth of the lines, so the crosswalk is exercised). */
  otherCategoryIds: number[];
  settlementSourceIds: number[];
}

export interface TableFiles {
  table: string;
  columns: readonly string[];
  parts: string[];
  rows: number;
}

export interface GeneratedData {
  folder: string;
  tables: TableFiles[];
  seconds: number;
  localitySlugs: string[];
}

const PART_ROWS = 250_000;
const FLUSH_CHARS = 4 * 1024 * 1024;

const COLUMNS = {
  localities: ['id', 'slug', 'name', 'kind', 'state_code', 'population', 'fy_start_month', 'parent_id', 'is_demo'],
  recipients: ['id', 'locality_id', 'name', 'type', 'lived_experience_led'],
  receipts: ['id', 'locality_id', 'source_id', 'received_on', 'fiscal_year', 'amount_cents', 'note', 'posted_at'],
  allocations: [
    'id',
    'locality_id',
    'fiscal_year',
    'program',
    'description',
    'recipient_id',
    'source_id',
    'amount_cents',
    'status',
    'deleted_at',
  ],
  allocation_splits: ['allocation_id', 'category_id', 'share_bp', 'amount_cents'],
  expenditures: ['id', 'allocation_id', 'locality_id', 'paid_on', 'fiscal_year', 'amount_cents', 'description', 'deleted_at', 'posted_at'],
} as const;


/** Every synthetic receipt and payment is posted (counted publicly), as a locality's published ledger is. */
const POSTED_AT = '2026-03-01 09:00:00+00';
/** Tables in the order they are loaded (parents first). */
export const TABLE_ORDER = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];

const PROGRAMS = [
  'Naloxone distribution',
  'Jail medication for opioid use disorder',
  'Peer recovery coaches',
  'Recovery housing',
  'Mobile crisis team',
  'Drug checking',
  'Syringe services',
  'Post-overdose outreach',
  'Youth prevention',
  'Treatment navigation',
  'Family support',
  'Transportation to treatment',
  'Workforce training',
  'Data and evaluation',
  'Harm-reduction vending',
  'School-based counseling',
];
const DESCRIPTIONS = [
  'Pays staff who meet people after an overdose and help them into treatment.',
  'Buys naloxone kits and trains residents, shelters and businesses to use them.',
  'Rent and case management for people in early recovery.',
  'Starts medication in the jail and connects people to a clinic on release.',
  'Counselors answer crisis calls instead of police officers.',
  'Test strips and a spectrometer at the syringe services program.',
];
const RECIPIENT_TYPES = [
  'community_based_organization',
  'health_care_provider',
  'government_department',
  'law_enforcement',
  'courts_corrections',
  'faith_based_organization',
  'school_or_university',
  'private_vendor',
  'other',
] as const;
const ORG_WORDS = ['Harbor', 'Bridge', 'Summit', 'River', 'Cedar', 'Lantern', 'Compass', 'Meadow', 'Beacon', 'Prairie'];
const ORG_KINDS = ['Health', 'Recovery Center', 'Outreach', 'Clinic', 'Services', 'Alliance'];

/** COPY text format: backslash escapes, `\N` for null. */
function text(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value)
    ? value.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : value;
}

class TableWriter {
  readonly parts: string[] = [];
  rows = 0;
  private buffer: string[] = [];
  private bufferChars = 0;
  private fd: number | null = null;

  constructor(
    private readonly folder: string,
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  write(cells: readonly (string | number | bigint | boolean | null)[]): void {
    if (this.rows % PART_ROWS === 0) this.rotate();
    const line = cells.map((cell) => (typeof cell === 'string' || cell === null ? text(cell) : String(cell))).join('\t');
    this.buffer.push(line);
    this.bufferChars += line.length + 1;
    this.rows += 1;
    if (this.bufferChars >= FLUSH_CHARS) this.flush();
  }

  private rotate(): void {
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    const file = path.join(this.folder, `${this.table}.${String(this.parts.length).padStart(3, '0')}.tsv`);
    this.parts.push(file);
    this.fd = fs.openSync(file, 'w');
  }

  private flush(): void {
    if (this.buffer.length === 0 || this.fd === null) return;
    fs.writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.bufferChars = 0;
  }

  close(): TableFiles {
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    return { table: this.table, columns: this.columns, parts: this.parts, rows: this.rows };
  }
}

export interface BenchLocality {
  id: number;
  slug: string;
  name: string;
  fyStartMonth: number;
  /** Relative size: how many of the scale's allocations fall to it. */
  weight: number;
}

/** The localities of a scale: ids 1…N in a fresh database. Pure, so the measurements can name pages without a query. */
export function benchLocalities(scale: Scale): BenchLocality[] {
  return Array.from({ length: scale.localities }, (_, index) => {
    const n = index + 1;
    const number = String(n).padStart(4, '0');
    const city = n % 8 === 0;
    const rng = createRng(`abate-bench:locality:${n}`);
    return {
      id: n,
      slug: city ? `bench-city-${number}` : `bench-county-${number}`,
      name: city ? `City of Benchton ${number}` : `Bench County ${number}`,
      fyStartMonth: n % 10 === 3 ? 1 : n % 10 === 7 ? 10 : 7,
      weight: rng.int(5, 15),
    };
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(startMs: number, offsetDays: number): string {
  return new Date(startMs + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

function fiscalYearStartMs(fiscalYear: number, startMonth: number): { startMs: number; days: number } {
  const { start, end } = fiscalYearBounds(fiscalYear, startMonth);
  const startMs = Date.parse(`${start}T00:00:00Z`);
  return { startMs, days: Math.round((Date.parse(`${end}T00:00:00Z`) - startMs) / DAY_MS) + 1 };
}

/** $1,000 to $500,000, log-uniform: many small lines, a few large ones. */
function allocationAmount(rng: Rng): number {
  return Math.round(Math.exp(Math.log(100_000) + rng.next() * (Math.log(50_000_000) - Math.log(100_000))));
}

function pickDistinct(rng: Rng, pool: readonly number[], count: number): number[] {
  const chosen: number[] = [];
  // Bounded: the pools have 20+ entries and count is at most 3.
  for (let attempt = 0; chosen.length < count && attempt < 100; attempt += 1) {
    const id = rng.pick(pool);
    if (!chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

function splitShares(rng: Rng, count: number): number[] {
  if (count <= 1) return [10_000];
  if (count === 2) {
    const first = rng.int(10, 90) * 100;
    return [first, 10_000 - first];
  }
  const first = rng.int(10, 60) * 100;
  const second = rng.int(10, 90 - first / 100) * 100;
  return [first, second, 10_000 - first - second];
}

/**
 * Writes the scale's rows into `folder`. Allocations are spread over the localities by weight and evenly over the
 * years, and the expenditures evenly over the allocations; both totals are exact.
 */
export function generateData(scale: Scale, reference: ReferenceIds, folder: string): GeneratedData {
  const started = process.hrtime.bigint();
  fs.mkdirSync(folder, { recursive: true });
  const writers = Object.fromEntries(
    TABLE_ORDER.map((table) => [table, new TableWriter(folder, table, COLUMNS[table])]),
  ) as Record<(typeof TABLE_ORDER)[number], TableWriter>;

  const years = fiscalYearsOf(scale);
  const localities = benchLocalities(scale);
  const totalWeight = localities.reduce((sum, l) => sum + l.weight, 0) * years.length;
  let cumulativeWeight = 0;
  let allocationIndex = 0;
  let recipientId = 0;
  let receiptId = 0;
  let expenditureId = 0;

  for (const locality of localities) {
    const rng = createRng(`abate-bench:rows:${locality.id}`);
    writers.localities.write([
      locality.id,
      locality.slug,
      locality.name,
      locality.slug.startsWith('bench-city') ? 'city' : 'county',
      'ZZ',
      rng.int(20_000, 2_000_000),
      locality.fyStartMonth,
      null,
      false,
    ]);

    const recipientIds: number[] = [];
    for (let r = 0; r < scale.recipientsPerLocality; r += 1) {
      recipientId += 1;
      recipientIds.push(recipientId);
      const name = `${ORG_WORDS[r % ORG_WORDS.length]} ${ORG_KINDS[Math.floor(r / ORG_WORDS.length) % ORG_KINDS.length]} ${r + 1}`;
      writers.recipients.write([recipientId, locality.id, name, rng.pick(RECIPIENT_TYPES), rng.chance(0.15)]);
    }

    for (const fiscalYear of years) {
      const before = Math.floor((scale.allocations * cumulativeWeight) / totalWeight);
      cumulativeWeight += locality.weight;
      const count = Math.floor((scale.allocations * cumulativeWeight) / totalWeight) - before;
      const { startMs, days } = fiscalYearStartMs(fiscalYear, locality.fyStartMonth);
      const next = fiscalYear < years[years.length - 1]! ? fiscalYearStartMs(fiscalYear + 1, locality.fyStartMonth) : null;
      let allocatedInYear = 0;

      for (let k = 0; k < count; k += 1) {
        const id = allocationIndex + 1;
        const amount = allocationAmount(rng);
        allocatedInYear += amount;
        const roll = rng.next();
        const status = roll < 0.92 ? 'approved' : roll < 0.95 ? 'submitted' : roll < 0.98 ? 'draft' : 'returned';
        const program = `${rng.pick(PROGRAMS)} ${fiscalYear}-${k + 1}`;
        writers.allocations.write([
          id,
          locality.id,
          fiscalYear,
          program,
          rng.chance(0.08) ? '' : rng.pick(DESCRIPTIONS),
          rng.chance(0.95) ? rng.pick(recipientIds) : null,
          rng.chance(0.97) ? rng.pick(reference.settlementSourceIds) : null,
          amount,
          status,
          status === 'approved' && rng.chance(0.005) ? '2026-01-15 12:00:00+00' : null,
        ]);

        const splitRoll = rng.next();
        const splitCount = splitRoll < 0.5 ? 1 : splitRoll < 0.8 ? 2 : 3;
        const pool = rng.chance(0.1) ? reference.otherCategoryIds : reference.primaryCategoryIds;
        const categoryIds = pickDistinct(rng, pool, splitCount);
        const shares = splitShares(rng, categoryIds.length);
        const parts = splitCentsByShares(BigInt(amount), shares);
        categoryIds.forEach((categoryId, index) => {
          writers.allocation_splits.write([id, categoryId, shares[index]!, parts[index]!]);
        });

        const payments =
          Math.floor(((allocationIndex + 1) * scale.expenditures) / scale.allocations) -
          Math.floor((allocationIndex * scale.expenditures) / scale.allocations);
        if (payments > 0) {
          const spent = Math.floor(amount * (0.2 + 0.8 * rng.next()));
          const each = Math.floor(spent / payments);
          for (let p = 0; p < payments; p += 1) {
            expenditureId += 1;
            // A tenth of the payments fall in the next fiscal year, as late invoices do.
            const inNext = next !== null && rng.chance(0.1);
            const window = inNext ? next : { startMs, days };
            writers.expenditures.write([
              expenditureId,
              id,
              locality.id,
              isoDay(window.startMs, rng.int(0, window.days - 1)),
              inNext ? fiscalYear + 1 : fiscalYear,
              p === payments - 1 ? spent - each * (payments - 1) : each,
              `Invoice ${p + 1}`,
              rng.chance(0.003) ? '2026-02-01 09:00:00+00' : null,
              POSTED_AT,
            ]);
          }
        }
        allocationIndex += 1;
      }

      // Receipts: quarterly payments that cover the year's budget and a little more.
      const perQuarter = Math.floor((allocatedInYear * (1.05 + 0.25 * rng.next())) / scale.receiptsPerYear);
      for (let q = 0; q < scale.receiptsPerYear; q += 1) {
        receiptId += 1;
        writers.receipts.write([
          receiptId,
          locality.id,
          rng.pick(reference.settlementSourceIds),
          isoDay(startMs, Math.min(days - 1, 20 + Math.floor((q * days) / scale.receiptsPerYear))),
          fiscalYear,
          perQuarter,
          `Payment ${q + 1} of FY${fiscalYear}`,
          POSTED_AT,
        ]);
      }
    }
  }

  const tables = TABLE_ORDER.map((table) => writers[table].close());
  if (allocationIndex !== scale.allocations || expenditureId !== scale.expenditures) {
    throw new Error(
      `generator bug: ${allocationIndex} allocations and ${expenditureId} expenditures, ` +
        `expected ${scale.allocations} and ${scale.expenditures}`,
    );
  }
  return {
    folder,
    tables,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    localitySlugs: localities.map((l) => l.slug),
  };
}

export async function readReferenceIds(sql: BenchSql, primaryFrameworkKey: string): Promise<ReferenceIds> {
  const categories = await sql.query<{ id: number; framework: string; sort: number }>(
    `select c.id, f.key as framework, f.sort_order as sort from categories c join frameworks f on f.id = c.framework_id
     where f.locality_id is null order by f.sort_order, c.sort_order, c.id`,
  );
  const primary = categories.filter((c) => c.framework === primaryFrameworkKey).map((c) => c.id);
  const otherKey = categories.find((c) => c.framework !== primaryFrameworkKey)?.framework;
  const other = categories.filter((c) => c.framework === otherKey).map((c) => c.id);
  const sources = await sql.query<{ id: number }>(`select id from funding_sources where kind = 'settlement' order by id`);
  if (primary.length < 3 || other.length < 3 || sources.length === 0) {
    throw new Error('the reference data (frameworks, categories, funding sources) is missing; was the database prepared?');
  }
  return { primaryCategoryIds: primary, otherCategoryIds: other, settlementSourceIds: sources.map((s) => s.id) };
}

export interface LoadFigures {
  /** Seconds per table, in load order. */
  tables: { table: string; rows: number; seconds: number }[];
  copySeconds: number;
  checkSeconds: number;
  vacuumSeconds: number;
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/**
 * Loads generated files with COPY in one transaction, then checks what the database's own triggers were told not to
 * check row by row, resets the id sequences, computes the per-year totals the skipped triggers would have kept, and
 * runs VACUUM ANALYZE (as autovacuum would have on a live database).
 *
 * `session_replication_role = replica` turns off the foreign-key and split-sum triggers for the load: checking
 * millions of rows one at a time would take longer than the rest of the benchmark. The same guarantees are then
 * checked set-wise below, and the load fails if any row breaks them.
 */
export async function loadData(sql: BenchSql, data: GeneratedData): Promise<LoadFigures> {
  const tables: LoadFigures['tables'] = [];
  const copyStarted = process.hrtime.bigint();
  await sql.query('begin');
  try {
    await sql.query('set local session_replication_role = replica');
    for (const table of data.tables) {
      const started = process.hrtime.bigint();
      for (const file of table.parts) await sql.copyIn(table.table, table.columns, { file });
      tables.push({ table: table.table, rows: table.rows, seconds: seconds(started) });
    }
    await sql.query('commit');
  } catch (error) {
    await sql.query('rollback').catch(() => undefined);
    throw error;
  }
  const copySeconds = seconds(copyStarted);

  const checkStarted = process.hrtime.bigint();
  await checkIntegrity(sql);
  for (const table of ['localities', 'recipients', 'receipts', 'allocations', 'expenditures']) {
    await sql.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
  }
  // The replica role also skipped the triggers that keep locality_year_totals: compute it set-wise, once.
  await sql.query('select abate_rebuild_locality_totals()');
  const checkSeconds = seconds(checkStarted);

  const vacuumStarted = process.hrtime.bigint();
  await sql.query('vacuum analyze');
  return { tables, copySeconds, checkSeconds, vacuumSeconds: seconds(vacuumStarted) };
}

async function checkIntegrity(sql: BenchSql): Promise<void> {
  const [row] = await sql.query<{ bad_splits: number; orphan_splits: number; orphan_payments: number; bad_refs: number }>(`
    select
      (select count(*)::int from (
        select a.id from allocations a left join allocation_splits s on s.allocation_id = a.id
        group by a.id, a.amount_cents
        having coalesce(sum(s.share_bp), 0) <> 10000 or coalesce(sum(s.amount_cents), 0) <> a.amount_cents) x) as bad_splits,
      (select count(*)::int from allocation_splits s
        where not exists (select 1 from allocations a where a.id = s.allocation_id)
           or not exists (select 1 from categories c where c.id = s.category_id)) as orphan_splits,
      (select count(*)::int from expenditures x left join allocations a on a.id = x.allocation_id
        where a.id is null or a.locality_id <> x.locality_id) as orphan_payments,
      (select count(*)::int from allocations a
        where not exists (select 1 from localities l where l.id = a.locality_id)
           or (a.recipient_id is not null and not exists (
                select 1 from recipients r where r.id = a.recipient_id and r.locality_id = a.locality_id))
           or (a.source_id is not null and not exists (select 1 from funding_sources f where f.id = a.source_id)))
        + (select count(*)::int from receipts r where not exists (select 1 from localities l where l.id = r.locality_id))
        as bad_refs`);
  if (!row || row.bad_splits + row.orphan_splits + row.orphan_payments + row.bad_refs > 0) {
    throw new Error(`generated data failed its integrity check: ${JSON.stringify(row)}`);
  }
}
