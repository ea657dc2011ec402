/**
 * Facts about an allocation line that the staff pages state the same way wherever they show one (the line's page,
 * the review page's detail). Pure: tested without a database.
 */
import { RECIPIENT_TYPE_LABELS } from '@/lib/data/staff-list-query';

/** "Harm reduction organization; led by people with lived experience": what kind of recipient, in words. */
export function recipientKindText(recipient: { type: string; livedExperienceLed: boolean }): string {
  // A type the labels do not know yet is shown as stored rather than hidden.
  const kind = RECIPIENT_TYPE_LABELS[recipient.type] ?? recipient.type;
  return recipient.livedExperienceLed ? `${kind}; led by people with lived experience` : kind;
}
