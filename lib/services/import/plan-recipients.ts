/**
 * Who each row of an allocations import pays, for its plan (plan.ts): a recipient the locality has recorded (by its
 * id; a different type in the file is pointed out once, never applied), or a new one gathered across the rows by
 * the name as the database compares them (lower case). A new recipient's type is the first one a row gives, else
 * what its name says ("Springfield Police Department"), else "other"; two rows that give it different types are
 * refused. Types are settled only after every row has been read (`settle`).
 */
import type { ImportField, ParsedImportRow, RecipientType } from '@/lib/import';
import { recipientTypeFromName } from '@/lib/recipients/criminal-legal';
import type { ImportWarning, NewRecipient, PlannedLine } from './plan';

const TYPE_LABELS: Record<RecipientType, string> = {
  government_department: 'government department',
  law_enforcement: 'law enforcement',
  courts_corrections: 'courts/corrections',
  health_care_provider: 'health-care provider',
  community_based_organization: 'community-based organization',
  faith_based_organization: 'faith-based organization',
  school_or_university: 'school or university',
  private_vendor: 'private vendor',
  other: 'other',
};

export function recipientTypeLabel(type: string): string {
  return TYPE_LABELS[type as RecipientType] ?? type;
}

type Fail = (field: ImportField, value: string, reason: string) => void;

export function recipientTracker(
  recorded: ReadonlyMap<string, { id: number; name: string; type: string }>,
  headerOf: (field: ImportField) => string,
  warnings: ImportWarning[],
) {
  const pending = new Map<string, NewRecipient & { typed: boolean; fromName: boolean }>();
  const warnedExisting = new Set<string>();
  return {
    /** The row's recipient (a new one with id null), or null when the row names none; `fail` records a refusal. */
    of(row: ParsedImportRow, fail: Fail): PlannedLine['recipient'] {
      if (row.recipient === null) return null;
      const folded = row.recipient.toLowerCase();
      const known = recorded.get(folded);
      if (known) {
        if (row.recipientType !== null && row.recipientType !== known.type && !warnedExisting.has(folded)) {
          warnedExisting.add(folded);
          warnings.push({
            row: row.row,
            column: headerOf('recipient_type'),
            value: recipientTypeLabel(row.recipientType),
            message:
              `${known.name} is already recorded as ${recipientTypeLabel(known.type)}; ` +
              'the import does not change it (edit the recipient if it is wrong)',
          });
        }
        return { name: known.name, id: known.id, type: known.type as RecipientType };
      }
      const seen = pending.get(folded);
      if (!seen) {
        // No type given: the name may say it ("Springfield Police Department"), which is better than "other".
        const fromName = row.recipientType === null ? recipientTypeFromName(row.recipient) : null;
        pending.set(folded, {
          name: row.recipient,
          type: row.recipientType ?? fromName ?? 'other',
          typed: row.recipientType !== null,
          fromName: fromName !== null,
          row: row.row,
        });
      } else if (row.recipientType !== null) {
        if (!seen.typed) {
          seen.fromName = false;
          seen.type = row.recipientType;
          seen.typed = true;
        } else if (seen.type !== row.recipientType) {
          fail(
            'recipient_type',
            recipientTypeLabel(row.recipientType),
            `${seen.name} is a ${recipientTypeLabel(seen.type)} in row ${seen.row}; one recipient has one type`,
          );
        }
      }
      // Its type is settled once every row has been read (settle).
      return { name: pending.get(folded)!.name, id: null, type: 'other' };
    },

    /** The new recipients, with their types settled, and those types given to the new lines that pay them. */
    settle(create: readonly PlannedLine[]): NewRecipient[] {
      const newRecipients: NewRecipient[] = [];
      for (const recipient of pending.values()) {
        newRecipients.push({ name: recipient.name, type: recipient.type, row: recipient.row });
        if (!recipient.typed && recipient.fromName) {
          warnings.push({
            row: recipient.row,
            column: headerOf('recipient'),
            value: recipient.name,
            message: `recipient type set to ${recipientTypeLabel(recipient.type)} from the name '${recipient.name}'`,
          });
        } else if (!recipient.typed) {
          warnings.push({
            row: recipient.row,
            column: headerOf('recipient'),
            value: recipient.name,
            message:
              `${recipient.name} is a new recipient and no row says what kind of organization it is; ` +
              'it is recorded as "other" (add a recipient type column, or edit the recipient afterwards)',
          });
        }
      }
      for (const line of create) {
        if (line.recipient && line.recipient.id === null) {
          line.recipient.type = pending.get(line.recipient.name.toLowerCase())?.type ?? 'other';
        }
      }
      return newRecipients;
    },
  };
}
