import { describe, expect, it } from 'vitest';
import { residentsPhrase } from './residents-view';

describe('residentsPhrase', () => {
  it("labels the year's own figure with its year", () => {
    expect(residentsPhrase({ population: 416_424, populationForTheYear: true }, 2026)).toBe(' · population 416,424 (FY2026)');
  });
  it("says when the figure is the locality's recorded one, not the year's", () => {
    expect(residentsPhrase({ population: 412_300, populationForTheYear: false }, 2027)).toBe(
      " · population 412,300 (the locality's recorded figure; none for FY2027)",
    );
  });
  it('says nothing when there is no figure at all', () => {
    expect(residentsPhrase({ population: null, populationForTheYear: false }, 2027)).toBe('');
    expect(residentsPhrase(undefined, 2027)).toBe('');
  });
});
