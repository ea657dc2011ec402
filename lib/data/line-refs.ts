/**
 * A line's recipient and funding source, from the columns of a left join (all null when the line has none): the one
 * way the staff reads, the saved snapshots and the public reads turn them into objects.
 */
import { sql } from 'drizzle-orm';
import { isRecipientType, type RecipientType } from '@/lib/categories/labels';

/** What names an allocation line and its years, in every read of one line (staff, public, saved snapshot). */
export interface LineIdentity {
  id: number;
  localityId: number;
  fiscalYear: number;
  /** The last year of a multi-year authorization; null for a line of one year. */
  lastFiscalYear: number | null;
  program: string;
  description: string;
}

/** The columns of an approved line that the public reads of one line and of a locality's lines both select. */
export interface PublicLineColumns extends Omit<LineIdentity, 'localityId'>, RecipientColumns {
  /** The amount approved, as exact text. */
  allocated: string;
  sourceName: string | null;
}

export interface RecipientColumns {
  recipientId: number | null;
  recipientName: string | null;
  recipientType: string | null;
  recipientLived: boolean | null;
}

/** RecipientColumns, read from a recipient `r` left joined to the line. */
export const RECIPIENT_COLUMNS = sql`r.id as "recipientId", r.name as "recipientName", r.type::text as "recipientType",
  r.lived_experience_led as "recipientLived"`;

export interface NamedRecipient {
  name: string;
  type: string;
  livedExperienceLed: boolean;
}

export interface StaffRecipient extends NamedRecipient {
  id: number;
}

/** The recipient as staff see it; a type that was never set reads "other". */
export function namedRecipient(row: Omit<RecipientColumns, 'recipientId'>): NamedRecipient | null {
  if (row.recipientName === null) return null;
  return { name: row.recipientName, type: row.recipientType ?? 'other', livedExperienceLed: row.recipientLived === true };
}

/** The recipient with its id, as the staff pages link it and the audit log keeps it. */
export function staffRecipient(row: RecipientColumns): StaffRecipient | null {
  const named = namedRecipient(row);
  return row.recipientId === null || named === null ? null : { id: row.recipientId, ...named };
}

/** The funding source a line is paid from, by id and name. */
export function staffSource(row: { sourceId: number | null; sourceName: string | null }): { id: number; name: string } | null {
  return row.sourceId !== null ? { id: row.sourceId, name: row.sourceName ?? '' } : null;
}

export interface PublicRecipient {
  name: string;
  type: RecipientType | null;
  livedExperienceLed: boolean;
}

/** The recipient as the public sees it: no id, and a type only when it is one of the recipient_type enum's. */
export function publicRecipient(row: Omit<RecipientColumns, 'recipientId'>): PublicRecipient | null {
  if (row.recipientName === null) return null;
  return {
    name: row.recipientName,
    type: isRecipientType(row.recipientType) ? row.recipientType : null,
    livedExperienceLed: row.recipientLived === true,
  };
}
