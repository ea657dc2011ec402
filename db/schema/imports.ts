import { integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { userRef } from './columns';
import { localities } from './localities';

/** The header → field mapping a locality used last time, offered again on its next import. */
export const importMappings = pgTable('import_mappings', {
  localityId: integer('locality_id')
    .primaryKey()
    .references(() => localities.id, { onDelete: 'cascade' }),
  mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
  updatedBy: userRef('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
