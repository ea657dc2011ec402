import type { LocalityContextFigures } from '@/lib/data/public-compare';
import type { ViewWords } from '@/lib/i18n/messages';
import { formatInteger } from '@/lib/i18n/numbers';

/**
 * The header's population phrase for the fiscal year shown, from the same figure the compare page and the board
 * summary use (lib/data/sql/residents.ts): the year's own figure is labelled with its year; the locality's recorded
 * one is labelled as such, so a reader can tell the two apart. Empty when there is neither. In the reader's words.
 */
export function residentsPhrase(
  figures: Pick<LocalityContextFigures, 'population' | 'populationForTheYear'> | undefined,
  fiscalYear: number,
  words: ViewWords,
): string {
  if (!figures || figures.population === null) return '';
  const values = { count: formatInteger(figures.population, words.locale), year: String(fiscalYear) };
  return words.t(figures.populationForTheYear ? 'Locality.residentsForYear' : 'Locality.residentsRecorded', values);
}
