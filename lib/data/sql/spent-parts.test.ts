/**
 * The SQL split of a line's spending (spentPartsCtes) gives, to the cent, what splitCentsByShares gives in
 * TypeScript, for any spending (refunds too) and any shares, on both drivers. The fragment reads only
 * allocation_splits' line, category and share, so it runs here against a table of those columns in an empty
 * database: the rule is what is checked, the pages that use it have their own tests on the real schema.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { splitCentsByShares } from '@/lib/money';
import { queryRows } from '../rows';
import { spentPartsCtes } from './spent-parts';

interface Line {
  spent: bigint;
  /** Basis points by category id, ascending, adding up to 10000; empty for a line with no split. */
  shares: number[];
}

/** Shares that add up to 10000: the gaps between sorted cut points, none empty. */
const shares = fc
  .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 7 })
  .map((cuts) => [0, ...cuts.sort((a, b) => a - b), 10_000].flatMap((cut, i, all) => (i === 0 ? [] : [cut - all[i - 1]!])));

const line: fc.Arbitrary<Line> = fc.record({
  spent: fc.oneof(fc.bigInt({ min: -10_000n, max: 10_000n }), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })),
  shares: fc.oneof({ arbitrary: shares, weight: 5 }, { arbitrary: fc.constant<number[]>([]), weight: 1 }),
});

/** What splitCentsByShares says each part is: "line:category" → cents (category "none" for a line with no split). */
function expectedParts(lines: readonly Line[]): Map<string, string> {
  const parts = new Map<string, string>();
  lines.forEach(({ spent, shares: lineShares }, index) => {
    if (lineShares.length === 0) parts.set(`${index + 1}:none`, spent.toString());
    else splitCentsByShares(spent, lineShares).forEach((cents, i) => parts.set(`${index + 1}:${i + 1}`, cents.toString()));
  });
  return parts;
}

describeEachDriver('spentPartsCtes: the largest-remainder split in SQL', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver, { migrate: false });
    await database.handle.db.execute(sql`create table allocation_splits (allocation_id integer, category_id integer, share_bp integer)`);
  }, 60_000);
  afterAll(async () => database?.drop());

  async function sqlParts(lines: readonly Line[]): Promise<Map<string, string>> {
    const { db } = database.handle;
    await db.execute(sql`delete from allocation_splits`);
    const splitRows = lines.flatMap((l, index) => l.shares.map((share, i) => sql`(${index + 1}, ${i + 1}, ${share})`));
    if (splitRows.length > 0) await db.execute(sql`insert into allocation_splits values ${sql.join(splitRows, sql`, `)}`);
    const spentRows = lines.map((l, index) => sql`(${index + 1}::integer, ${l.spent.toString()}::numeric)`);
    const rows = await queryRows<{ line: number; category: number | null; cents: string }>(
      db,
      sql`with spent_by_line(allocation_id, spent) as (values ${sql.join(spentRows, sql`, `)}),
        ${spentPartsCtes()}
        select allocation_id as line, category_id as category, amount::text as cents from spent_parts`,
    );
    return new Map(rows.map((r) => [`${r.line}:${r.category ?? 'none'}`, r.cents.replace(/\.0*$/, '')]));
  }

  it('splits every line as splitCentsByShares does, refunds and lines with no split included', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
        expect(await sqlParts(lines)).toEqual(expectedParts(lines));
      }),
      { numRuns: 60, seed: 2026_12_07 },
    );
  });

  it('gives the leftover cents to the largest remainders, ties to the lower category', async () => {
    // $1.00 in thirds: 33.33… each, one cent left over, three equal remainders: the first category takes it.
    // -$1.00 is its mirror image. 2 cents in 40%/60%: remainders 0.8 and 0.2, so the 40% part gets the cent.
    const parts = await sqlParts([
      { spent: 100n, shares: [3_334, 3_333, 3_333] },
      { spent: -100n, shares: [3_333, 3_333, 3_334] },
      { spent: 2n, shares: [4_000, 6_000] },
    ]);
    expect(Object.fromEntries(parts)).toEqual({
      '1:1': '34', '1:2': '33', '1:3': '33',
      '2:1': '-33', '2:2': '-33', '2:3': '-34',
      '3:1': '1', '3:2': '1',
    });
  });
});
