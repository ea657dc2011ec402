/**
 * A known ledger for the report tests: one July-start locality with an opening balance, receipts from two
 * settlements and interest across two fiscal years, approved lines split across categories (one with no category,
 * one not covered by the state lists, one for audit costs), a draft line whose payment never counts, and a deleted
 * receipt that never counts. Every figure the reports show can be worked out by hand from the comments below.
 */
import { eq } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import type { Database, Driver } from '@/db/client';
import { allocations, allocationSplits, expenditures, fundingSources, fundOpeningBalances, localities, receipts, recipients } from '@/db/schema';
import { categories, frameworks } from '@/db/schema';
import { seedReferenceData } from '@/db/seed/reference';
import { useTestDatabase } from '@/db/testing/test-database';
import type { FigureSources, ReportCell, ReportDefinition, ReportDocument } from './types';
import { centsToDecimalString } from '@/lib/money';

export interface KnownLedger {
  localityId: number;
  receipts: { distributors: number; interest: number; janssen: number; deleted: number };
  lines: { peers: number; naloxone: number; audit: number; police: number; draft: number; multiYear: number };
  payments: { peers2024: number; naloxone2024: number; audit2024: number; police2024: number; draft2024: number; peers2025: number; multiYear2025: number };
}

export async function buildKnownLedger(db: Database, options: { slug?: string; stateCode?: string } = {}): Promise<KnownLedger> {
  await seedReferenceData(db);
  const [loc] = await db
    .insert(localities)
    .values({ slug: options.slug ?? 'pine-county', name: 'Pine County', kind: 'county', stateCode: options.stateCode ?? 'NC', fyStartMonth: 7 })
    .returning({ id: localities.id });
  const localityId = loc!.id;
  const sourceRows = await db.select({ id: fundingSources.id, key: fundingSources.key }).from(fundingSources);
  const source = (key: string) => sourceRows.find((r) => r.key === key)!.id;
  const categoryRows = await db
    .select({ id: categories.id, key: categories.key, framework: frameworks.key })
    .from(categories)
    .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId));
  const category = (framework: string, key: string) => categoryRows.find((c) => c.framework === framework && c.key === key)!.id;
  const [cbo] = await db.insert(recipients).values({ localityId, name: 'Hope Recovery Center', type: 'community_based_organization' }).returning({ id: recipients.id });
  const [sheriff] = await db.insert(recipients).values({ localityId, name: 'Pine County Sheriff', type: 'law_enforcement' }).returning({ id: recipients.id });

  // The fund held $10,000.00 on 1 July 2023 (FY2024).
  await db.insert(fundOpeningBalances).values({ localityId, fiscalYear: 2024, amountCents: 10_000_00n, note: 'FY2023 audit' });

  const receipt = async (key: string, receivedOn: string, fiscalYear: number, amountCents: bigint, extra: { paymentYear?: number; deleted?: boolean } = {}) => {
    const [row] = await db
      .insert(receipts)
      .values({ localityId, sourceId: source(key), receivedOn, fiscalYear, amountCents, paymentYear: extra.paymentYear ?? null, deletedAt: extra.deleted ? new Date() : null, postedAt: new Date() })
      .returning({ id: receipts.id });
    return row!.id;
  };
  const distributors = await receipt('distributors', '2023-08-15', 2024, 50_000_00n, { paymentYear: 2023 });
  const interest = await receipt('interest-earned', '2024-01-10', 2024, 123_45n);
  const deleted = await receipt('teva', '2024-02-01', 2024, 777_00n, { paymentYear: 2023, deleted: true });
  const janssen = await receipt('janssen', '2024-09-01', 2025, 20_000_00n, { paymentYear: 2024 });

  type Line = { fiscalYear: number; program: string; amountCents: bigint; costType?: 'salaries' | 'program_supplies' | 'audit' | null; status?: 'approved' | 'draft'; recipientId?: number; lastFiscalYear?: number; splits?: [number, number, bigint][] };
  const line = async (l: Line) => {
    const [row] = await db
      .insert(allocations)
      .values({ localityId, fiscalYear: l.fiscalYear, lastFiscalYear: l.lastFiscalYear ?? null, program: l.program, amountCents: l.amountCents, costType: l.costType ?? null, status: l.status ?? 'approved', recipientId: l.recipientId ?? null })
      .returning({ id: allocations.id });
    // One statement: the database checks that a line's shares add up to 100% at the end of each statement.
    if (l.splits?.length) {
      await db.insert(allocationSplits).values(l.splits.map(([categoryId, shareBasisPoints, amountCents]) => ({ allocationId: row!.id, categoryId, shareBasisPoints, amountCents })));
    }
    return row!.id;
  };
  const peers = await line({ fiscalYear: 2024, program: 'Peer recovery coaches', amountCents: 30_000_00n, costType: 'salaries', recipientId: cbo!.id, splits: [[category('nc-high-impact', 'recovery-support'), 10000, 30_000_00n]] });
  // Split half and half: a payment of $3,333.33 is $1,666.67 to early intervention (the lower category id takes the odd cent) + $1,666.66 to naloxone.
  const naloxone = await line({
    fiscalYear: 2024,
    program: 'Naloxone kits',
    amountCents: 10_000_01n,
    costType: 'program_supplies',
    splits: [
      [category('nc-high-impact', 'naloxone'), 5000, 5_000_01n],
      [category('nc-high-impact', 'early-intervention'), 5000, 5_000_00n],
    ],
  });
  const audit = await line({ fiscalYear: 2024, program: 'Annual audit', amountCents: 2_000_00n, costType: 'audit' });
  const police = await line({ fiscalYear: 2024, program: 'Sheriff overtime', amountCents: 1_000_00n, recipientId: sheriff!.id, splits: [[category('health-first', 'law-enforcement'), 10000, 1_000_00n]] });
  const draft = await line({ fiscalYear: 2024, program: 'Draft idea', amountCents: 5_000_00n, status: 'draft' });
  const multiYear = await line({ fiscalYear: 2025, lastFiscalYear: 2027, program: 'Recovery housing 2025–2027', amountCents: 9_000_00n, splits: [[category('nc-high-impact', 'recovery-housing'), 10000, 9_000_00n]] });

  const pay = async (allocationId: number, paidOn: string, fiscalYear: number, amountCents: bigint, costType: 'audit' | null = null) => {
    const [row] = await db.insert(expenditures).values({ allocationId, localityId, paidOn, fiscalYear, amountCents, costType, postedAt: new Date() }).returning({ id: expenditures.id });
    return row!.id;
  };
  return {
    localityId,
    receipts: { distributors, interest, janssen, deleted },
    lines: { peers, naloxone, audit, police, draft, multiYear },
    payments: {
      peers2024: await pay(peers, '2024-03-01', 2024, 12_000_00n),
      naloxone2024: await pay(naloxone, '2024-04-01', 2024, 3_333_33n),
      audit2024: await pay(audit, '2024-06-15', 2024, 1_500_00n),
      police2024: await pay(police, '2024-05-01', 2024, 400_00n),
      draft2024: await pay(draft, '2024-05-02', 2024, 999_00n),
      peers2025: await pay(peers, '2024-08-01', 2025, 5_000_00n),
      multiYear2025: await pay(multiYear, '2024-10-01', 2025, 3_000_00n),
    },
  };
}

/**
 * A fresh database of `driver` holding the known ledger, for the suite this is called in (dropped after it). Read
 * `db` and `ledger` inside tests and hooks: they are set once the suite's first hook has run.
 */
export function useKnownLedger(
  driver: Driver,
  options: { slug?: string; stateCode?: string } = {},
): { readonly db: Database; readonly ledger: KnownLedger; build(report: ReportDefinition, fiscalYear: number): Promise<ReportDocument> } {
  const database = useTestDatabase(driver);
  const made: { ledger?: KnownLedger } = {};
  // Registered after useTestDatabase's: runs once the database exists.
  beforeAll(async () => {
    made.ledger = await buildKnownLedger(database.db(), options);
  });
  const ready = () => {
    if (!made.ledger) throw new Error('the known ledger is read before its suite started');
    return { db: database.db(), ledger: made.ledger };
  };
  return {
    get db() {
      return ready().db;
    },
    get ledger() {
      return ready().ledger;
    },
    /** The report of the ledger's locality for a fiscal year. */
    build(report, fiscalYear) {
      const known = ready();
      return report.build(known.db, { localityId: known.ledger.localityId, fiscalYear });
    },
  };
}

/** A cell as a person reads it in the workbook: money as its exact decimal, percent as its decimal, dates as ISO. */
export function shown(cell: ReportCell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'money':
      return centsToDecimalString(cell.cents);
    case 'date':
      return cell.date ?? '';
    case 'percent':
      return cell.value ?? '';
  }
}

/** A section as rows of shown cells, in column order. */
export function table(report: ReportDocument, sectionKey: string): string[][] {
  const section = report.sections.find((s) => s.key === sectionKey);
  if (!section) throw new Error(`no section ${sectionKey}`);
  return section.rows.map((row) => section.columns.map((c) => shown(row.cells[c.key])));
}

/** What one figure sums. */
export function sourcesOf(report: ReportDocument, sectionKey: string, rowKey: string, column: string): FigureSources {
  const cell = report.sections.find((s) => s.key === sectionKey)?.rows.find((r) => r.key === rowKey)?.cells[column];
  if (cell?.kind !== 'money') throw new Error(`no money figure ${sectionKey}/${rowKey}/${column}`);
  return cell.sources;
}
