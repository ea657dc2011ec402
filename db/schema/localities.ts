import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { localityKind } from './enums';

export const localities = pgTable(
  'localities',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: localityKind('kind').notNull(),
    stateCode: char('state_code', { length: 2 }).notNull(),
    population: integer('population'),
    // Census FIPS code: 5 digits for a county (state + county), 7 for a place, 2 for a state; null when unknown.
    fips: text('fips'),
    // 1 = January … 12 = December. "FY2026" is the fiscal year that ends in 2026.
    fyStartMonth: smallint('fy_start_month').notNull().default(7),
    parentId: integer('parent_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    // Receipts and payments are posted by the oversight board, not the staff who recorded them (lib/services/money/post.ts).
    moneyNeedsApproval: boolean('money_needs_approval').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('localities_slug_key').on(t.slug),
    index('localities_parent_idx').on(t.parentId),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'localities_parent_fk' }),
    check('localities_fy_start_month_check', sql`${t.fyStartMonth} between 1 and 12`),
    check('localities_fips_check', sql`${t.fips} is null or ${t.fips} ~ '^([0-9]{2}|[0-9]{5}|[0-9]{7})$'`),
    uniqueIndex('localities_fips_key').on(t.fips),
    check('localities_population_check', sql`${t.population} is null or ${t.population} >= 0`),
    // `all` names every locality in the open-data downloads (/data/all/…), so no locality may take it.
    check('localities_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and ${t.slug} <> 'all'`),
  ],
);
