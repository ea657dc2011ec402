import { integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { localities } from './localities';
import { users } from './users';

/** The header → field mapping a locality used last time, offered again on its next import. */
export const importMappings = pgTable('import_mappings', {
  localityId: integer('locality_id')
    .primaryKey()
    .references(() => localities.id, { onDelete: 'cascade' }),
  mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
