/**
 * Words for the public pages: category stances, recipient types and the framework a page starts in. The stances and
 * recipient types themselves are the database enums' values (db/schema/enums.ts), listed nowhere else. The English
 * words are here (the API, the staff pages); a page in another language passes the reader's words (the RecipientType
 * and LineFlags messages, whose English is the same).
 */
import { categoryStance, recipientType } from '@/db/schema/enums';
import type { ViewWords } from '@/lib/i18n/messages';

/** How the evidence judges a use of the money: the category_stance enum's values. */
export type Stance = (typeof categoryStance.enumValues)[number];

/** The framework a public page shows unless the reader picks another. */
export const DEFAULT_FRAMEWORK_KEY = 'health-first';

export interface StanceText {
  /** "Recommended by the evidence" — the stance in words, never in colour alone. */
  label: string;
  /** A short word for tight spaces (tables). */
  short: string;
  /** A text symbol shown next to the words (hidden from screen readers: the words say it). */
  icon: string;
  /** One sentence a resident can read. */
  explanation: string;
}

export const STANCE_TEXT: Record<Stance, StanceText> = {
  recommended: {
    label: 'Recommended by the evidence',
    short: 'Recommended',
    icon: '✓',
    explanation: 'The evidence says this use of the money saves lives or meets people’s basic needs.',
  },
  neutral: {
    label: 'Neutral',
    short: 'Neutral',
    icon: '●',
    explanation: 'Needed or useful, but not itself a way to save lives; it is usually kept small.',
  },
  discouraged: {
    label: 'Discouraged by the evidence',
    short: 'Discouraged',
    icon: '✕',
    explanation:
      'The evidence says this use repeats the harms of criminalization or loses the money to other purposes.',
  },
};

export function isStance(value: unknown): value is Stance {
  return typeof value === 'string' && (categoryStance.enumValues as readonly string[]).includes(value);
}

/** The kinds of recipient, in the database's order: the recipient_type enum is the one list. */
export const RECIPIENT_TYPES = recipientType.enumValues;

export type RecipientType = (typeof RECIPIENT_TYPES)[number];

export const RECIPIENT_TYPE_LABEL: Record<RecipientType, string> = {
  government_department: 'Government department',
  law_enforcement: 'Law enforcement',
  courts_corrections: 'Courts and corrections',
  health_care_provider: 'Health-care provider',
  community_based_organization: 'Community-based organization',
  faith_based_organization: 'Faith-based organization',
  school_or_university: 'School or university',
  private_vendor: 'Private vendor',
  other: 'Other',
};

export function isRecipientType(value: unknown): value is RecipientType {
  return typeof value === 'string' && (RECIPIENT_TYPES as readonly string[]).includes(value);
}

export function recipientTypeLabel(value: string | null | undefined, words?: ViewWords): string {
  if (words) return words.t(`RecipientType.${isRecipientType(value) ? value : 'notRecorded'}`);
  return isRecipientType(value) ? RECIPIENT_TYPE_LABEL[value] : 'Not recorded';
}

/** What a line with no plain-language description shows, as a visible flag. */
export const NO_DESCRIPTION_FLAG = 'No plain-language description provided';

/** NO_DESCRIPTION_FLAG in the reader's language (the LineFlags.noDescription message). */
export function noDescriptionFlag(words?: ViewWords): string {
  return words ? words.t('LineFlags.noDescription') : NO_DESCRIPTION_FLAG;
}
