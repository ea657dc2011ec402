import type { BenchSql } from './sql';

/**
 * A locality of N allocation lines for the export figure: set-based inserts (one statement a table), each line in
 * one of 30 recipients, split over one or two categories, every fourth with a payment against it. The names and
 * amounts vary so every sort order of the staff list means something.
 */
export async function seedExportLocality(sql: BenchSql, localityId: number, lines: number, categoryIds: readonly number[]): Promise<void> {
  if (categoryIds.length < 2) throw new Error('the export data needs two categories');
  const [first, second] = categoryIds;
  await sql.query('begin');
  try {
    await sql.query(
      `insert into recipients (locality_id, name, type)
       select $1, 'Export recipient ' || g, 'community_based_organization' from generate_series(1, 30) g`,
      [localityId],
    );
    await sql.query(
      `insert into allocations (locality_id, fiscal_year, program, description, recipient_id, amount_cents, status, updated_at)
       select $1, 2020 + g % 8, 'Program ' || lpad((g * 7919 % $2)::text, 7, '0'), 'Line ' || g || ' of the export bench',
              (select min(id) from recipients where locality_id = $1) + g % 30, 10000 + (g * 104729) % 5000000,
              (array['draft','submitted','approved','returned'])[1 + g % 4]::allocation_status,
              timestamptz '2026-01-01' + make_interval(secs => g * 37 % 9000000)
       from generate_series(1::bigint, $2) g`,
      [localityId, lines],
    );
    // Half the lines in one category; the other half split 60/40 over two.
    await sql.query(
      `insert into allocation_splits (allocation_id, category_id, share_bp, amount_cents)
       select id, $2, case when id % 2 = 0 then 10000 else 6000 end,
              case when id % 2 = 0 then amount_cents else amount_cents * 6 / 10 end
       from allocations where locality_id = $1`,
      [localityId, first],
    );
    await sql.query(
      `insert into allocation_splits (allocation_id, category_id, share_bp, amount_cents)
       select id, $2, 4000, amount_cents - amount_cents * 6 / 10 from allocations where locality_id = $1 and id % 2 = 1`,
      [localityId, second],
    );
    await sql.query(
      `insert into expenditures (allocation_id, locality_id, paid_on, fiscal_year, amount_cents, posted_at)
       select id, $1, make_date(fiscal_year - 1, 9, 1), fiscal_year, amount_cents / 3, now()
       from allocations where locality_id = $1 and id % 4 = 0`,
      [localityId],
    );
    await sql.query('commit');
  } catch (error) {
    await sql.query('rollback');
    throw error;
  }
  await sql.query('analyze allocations');
  await sql.query('analyze allocation_splits');
  await sql.query('analyze expenditures');
}
