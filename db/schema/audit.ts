import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { userRef } from './columns';
import { localities } from './localities';

/**
 * Append-only history of every write. A trigger (see the migrations) makes the database itself refuse UPDATE and
 * DELETE on this table, so not even a bug in the app can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: userRef('user_id'),
    localityId: integer('locality_id').references(() => localities.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_locality_at_idx').on(t.localityId, t.at),
    index('audit_log_user_idx').on(t.userId),
  ],
);
