import { sql, type SQL } from 'drizzle-orm';

/**
 * A receipt or payment counts — on public pages, in the API and downloads, in the state reports and in
 * locality_year_totals (migration 0014) — once it is posted and while it is not deleted. Recorded lines start as
 * drafts (posted_at null), seen only in the staff workspace. `alias` is the row's table alias in the query.
 */
export function countedMoneySql(alias: SQL): SQL {
  return sql`${alias}.deleted_at is null and ${alias}.posted_at is not null`;
}

/** The values of `posted_at, posted_by` for rows an import writes: posted now by `userId`, or drafts. */
export function postedColumnsSql(post: boolean, userId: number | null): SQL {
  return post ? sql`now(), ${userId}::integer` : sql`null::timestamptz, null::integer`;
}

/** A draft the workspace asks staff to post: recorded, not deleted, not posted. */
export function draftMoneySql(alias: SQL): SQL {
  return sql`${alias}.deleted_at is null and ${alias}.posted_at is null`;
}

/** A list's filter on posting: drafts only, posted only, or (null) both. */
export function postingConditionSql(alias: SQL, posting: 'draft' | 'posted' | null): SQL | null {
  if (posting === null) return null;
  return posting === 'draft' ? sql`${alias}.posted_at is null` : sql`${alias}.posted_at is not null`;
}
