import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { categoryStance } from './enums';
import { localities } from './localities';

/** A list of categories: Abate's health-first list, the settlements' Exhibit E, a state's list, or a locality's own. */
export const frameworks = pgTable(
  'frameworks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // null for the frameworks Abate ships; set for a locality's own framework.
    localityId: integer('locality_id').references(() => localities.id),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('frameworks_key_key').on(t.key)],
);

export const categories = pgTable(
  'categories',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id),
    key: text('key').notNull(),
    label: text('label').notNull(),
    groupLabel: text('group_label').notNull(),
    stance: categoryStance('stance').notNull(),
    description: text('description').notNull(),
    why: text('why'),
    // The category's name says it is not police or courts ("Community (non-police) crisis response", "Voluntary
    // pre-arrest diversion"): the crosswalk never reports a criminal-legal-system recipient's money under it.
    excludesCriminalLegal: boolean('excludes_criminal_legal').notNull().default(false),
    // "Other / not yet classified": where a line lands when its source says "Other" or names no category.
    unclassified: boolean('unclassified').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('categories_framework_key_key').on(t.frameworkId, t.key),
    // lets the crosswalk's composite foreign key name a category together with its framework
    unique('categories_id_framework_key').on(t.id, t.frameworkId),
  ],
);

/**
 * Maps a category to at most one category of another framework, so that a line tagged in one framework can be
 * reported in another and the totals still add up exactly.
 */
export const categoryCrosswalk = pgTable(
  'category_crosswalk',
  {
    fromCategoryId: integer('from_category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    toFrameworkId: integer('to_framework_id').notNull(),
    toCategoryId: integer('to_category_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'category_crosswalk_pk', columns: [t.fromCategoryId, t.toFrameworkId] }),
    foreignKey({
      name: 'category_crosswalk_to_fk',
      columns: [t.toCategoryId, t.toFrameworkId],
      foreignColumns: [categories.id, categories.frameworkId],
    }).onDelete('cascade'),
    index('category_crosswalk_to_idx').on(t.toCategoryId),
    check('category_crosswalk_not_self', sql`${t.fromCategoryId} <> ${t.toCategoryId}`),
  ],
);
