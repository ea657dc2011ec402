import { integer, text, timestamp, type UpdateDeleteAction } from 'drizzle-orm/pg-core';
import { localities } from './localities';
import { users } from './users';

/*
 * Columns that many tables spell the same way, written once. Each helper is a function, so that every table gets
 * builders of its own (a Drizzle column builder must never be shared by two tables), and each makes exactly the SQL
 * the tables wrote inline before: the migrations in drizzle/ are unchanged. Spread the multi-column ones where the
 * columns stand in the table (`...reviewColumns()`), since the order of the keys is the order of the columns.
 * users.ts imports this file, which imports users.ts: harmless, as the references are read lazily (`() => users.id`)
 * and the helpers are hoisted function declarations.
 */

/** The locality a row belongs to: the tenant key most tables carry, required and filtered on. */
export function localityRef(actions?: { onDelete: UpdateDeleteAction }) {
  return integer('locality_id')
    .notNull()
    .references(() => localities.id, actions);
}

/** Who did something to a row (created, updated, filed it): null when nobody signed in did it. */
export function userRef(name: string, actions?: { onDelete: UpdateDeleteAction }) {
  return integer(name).references(() => users.id, actions);
}

/** When a row was created and last updated; both start at the insert's time. */
export function timestamps() {
  return {
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

/**
 * The bookkeeping of a record staff edit in place (equity goals, receipts, expenditures): an optimistic-locking
 * version (every update names the version it read and bumps it), who created it, its timestamps, and a soft delete.
 * Allocations and program outcomes hold the same columns in another order, around their review columns.
 */
export function editedRecordColumns() {
  return {
    version: integer('version').notNull().default(1),
    createdBy: userRef('created_by'),
    ...timestamps(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  };
}

/**
 * Money that is recorded as a draft (null) and counted publicly only once posted (lib/data/sql/posted.ts), by the
 * oversight board when the locality asks for it (lib/services/money/post.ts): receipts and expenditures.
 */
export function postingColumns() {
  return {
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postedBy: userRef('posted_by'),
  };
}

/**
 * A line reviewed draft → submitted → approved/returned (allocations and program outcomes): who submitted it, who
 * decided and why. Separation of duties (lib/services/separation-of-duties.ts) compares decided_by with created_by and
 * submitted_by.
 */
export function reviewColumns() {
  return {
    submittedBy: userRef('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: userRef('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  };
}
