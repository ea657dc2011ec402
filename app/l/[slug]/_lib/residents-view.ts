import type { LocalityContextFigures } from '@/lib/data/public-compare';

/**
 * The header's population phrase for the fiscal year shown, from the same figure the compare page and the board
 * summary use (lib/data/sql/residents.ts): the year's own figure is labelled with its year; the locality's recorded
 * one is labelled as such, so a reader can tell the two apart. Empty when there is neither.
 */
export function residentsPhrase(figures: Pick<LocalityContextFigures, 'population' | 'populationForTheYear'> | undefined, fiscalYear: number): string {
  if (!figures || figures.population === null) return '';
  const count = figures.population.toLocaleString('en-US');
  return figures.populationForTheYear ? ` · population ${count} (FY${fiscalYear})` : ` · population ${count} (the locality's recorded figure; none for FY${fiscalYear})`;
}
