/**
 * A measure's name in the reader's words (the CompareMeasures messages): as a label ("Spent on Harm reduction",
 * "Gastado en Reducción de daños") and inside a sentence ("spent on harm reduction", "lo gastado en reducción de
 * daños"). The group of a "spent on" measure is named as the reference data names it in the reader's language.
 */
import { categoryGroup } from '@/lib/categories/localized';
import { DEFAULT_FRAMEWORK_KEY } from '@/lib/categories/labels';
import { FORMAT_LOCALE } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';
import type { Measure } from './compare-measures';

function groupName(measure: Measure, words: ViewWords): string {
  return categoryGroup(words.locale, DEFAULT_FRAMEWORK_KEY, measure.group ?? '');
}

/** "Spent", "Spent on Harm reduction": for choosers, column headers and headings. */
export function measureLabel(measure: Measure, words: ViewWords): string {
  if (measure.group !== undefined) return words.t('CompareMeasures.label.spentOn', { group: groupName(measure, words) });
  return words.t(`CompareMeasures.label.${measure.key}`);
}

/** "spent", "spent on harm reduction": the measure inside a sentence, the group's name in lower case. */
export function measureInSentence(measure: Measure, words: ViewWords): string {
  if (measure.group !== undefined) {
    return words.t('CompareMeasures.inSentence.spentOn', { group: groupName(measure, words).toLocaleLowerCase(FORMAT_LOCALE[words.locale]) });
  }
  return words.t(`CompareMeasures.inSentence.${measure.key}`);
}
