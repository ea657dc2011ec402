/**
 * Reference data in the reader's language: stance texts, shipped frameworks' names and descriptions, category names
 * and groups. English comes from where it always did (labels.ts, the database rows seeded from db/reference); Spanish
 * from spanish.ts. Anything without a translation (a locality's own framework) keeps its English words.
 */
import type { Locale } from '../i18n/locales';
import { STANCE_TEXT, type Stance, type StanceText } from './labels';
import { FRAMEWORK_SPANISH, STANCE_TEXT_ES } from './spanish';

export function stanceText(locale: Locale, stance: Stance): StanceText {
  return locale === 'es' ? STANCE_TEXT_ES[stance] : STANCE_TEXT[stance];
}

export function frameworkName(locale: Locale, framework: { key: string; name: string }): string {
  return (locale === 'es' ? FRAMEWORK_SPANISH[framework.key]?.name : undefined) ?? framework.name;
}

export function frameworkDescription(locale: Locale, framework: { key: string; description: string | null }): string | null {
  return (locale === 'es' ? FRAMEWORK_SPANISH[framework.key]?.description : undefined) ?? framework.description;
}

export function categoryName(locale: Locale, frameworkKey: string, category: { key: string; label: string }): string {
  return (locale === 'es' ? FRAMEWORK_SPANISH[frameworkKey]?.categories[category.key] : undefined) ?? category.label;
}

export function categoryGroup(locale: Locale, frameworkKey: string, group: string): string {
  return (locale === 'es' ? FRAMEWORK_SPANISH[frameworkKey]?.groups[group] : undefined) ?? group;
}
