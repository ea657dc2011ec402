import { describe, expect, it } from 'vitest';
import { wordsFor } from '@/lib/i18n/testing';
import { residentsPhrase } from './residents-view';

const en = wordsFor('en');
const es = wordsFor('es');

describe('residentsPhrase', () => {
  it("labels the year's own figure with its year", () => {
    expect(residentsPhrase({ population: 416_424, populationForTheYear: true }, 2026, en)).toBe(' · population 416,424 (FY2026)');
  });
  it("says when the figure is the locality's recorded one, not the year's", () => {
    expect(residentsPhrase({ population: 412_300, populationForTheYear: false }, 2027, en)).toBe(
      " · population 412,300 (the locality's recorded figure; none for FY2027)",
    );
  });
  it('says nothing when there is no figure at all', () => {
    expect(residentsPhrase({ population: null, populationForTheYear: false }, 2027, en)).toBe('');
    expect(residentsPhrase(undefined, 2027, en)).toBe('');
  });
  it('says it in Spanish, numbers as es-US writes them', () => {
    expect(residentsPhrase({ population: 416_424, populationForTheYear: true }, 2026, es)).toBe(' · población 416,424 (AF 2026)');
    expect(residentsPhrase({ population: 412_300, populationForTheYear: false }, 2027, es)).toBe(
      ' · población 412,300 (la cifra registrada de la localidad; no hay cifra del AF 2027)',
    );
  });
});
