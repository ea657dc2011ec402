import { describe, expect, it } from 'vitest';
import { wordsFor } from '@/lib/i18n/testing';
import { monthName, quarterLabel, summarizeFlows, summarizeQuarters } from './summaries';

const en = wordsFor('en');
const es = wordsFor('es');

/** Where $1 came from: 40 cents from one settlement and 60 from another. */
const TWO_SETTLEMENTS = [
  { name: 'Teva settlement', cents: 40n },
  { name: 'Distributors settlement', cents: 60n },
];

describe('quarterLabel', () => {
  it('names the months of each quarter of the fiscal year', () => {
    expect(quarterLabel(2026, 7, 1)).toBe('Q1 (Jul–Sep 2025)');
    expect(quarterLabel(2026, 7, 3)).toBe('Q3 (Jan–Mar 2026)');
    expect(quarterLabel(2026, 1, 4)).toBe('Q4 (Oct–Dec 2026)');
    expect(quarterLabel(2026, 10, 1)).toBe('Q1 (Oct–Dec 2025)');
    expect(quarterLabel(2026, 11, 1)).toBe('Q1 (Nov 2025–Jan 2026)');
  });
});

describe('summaries', () => {
  it('says how spending fell across the quarters', () => {
    expect(
      summarizeQuarters(
        [
          { label: 'Q1', cents: 25_000_00n },
          { label: 'Q2', cents: 75_000_00n },
        ],
        2026,
        en,
      ),
    ).toBe('Of $100,000 spent in FY2026, $25,000 (25%) in Q1 and $75,000 (75%) in Q2.');
    expect(summarizeQuarters([{ label: 'Q1', cents: 0n }], 2026, en)).toBe('No spending was recorded in FY2026.');
  });

  it('says where the money came from and where it went', () => {
    expect(
      summarizeFlows(
        TWO_SETTLEMENTS,
        [{ name: 'Treatment', cents: 100n }],
        2026,
        en,
      ),
    ).toBe('Of $1 allocated in FY2026, 60% came from Distributors settlement and 40% from Teva settlement; 100% went to Treatment.');
  });

  it('says the same in Spanish, with es-US money', () => {
    expect(summarizeQuarters([{ label: 'T1', cents: 25_000_00n }, { label: 'T2', cents: 75_000_00n }], 2026, es)).toBe(
      'De $100,000 gastados en el AF 2026, $25,000 (25%) en T1 y $75,000 (75%) en T2.',
    );
    expect(summarizeQuarters([], 2026, es)).toBe('No se registró gasto en el AF 2026.');
    expect(
      summarizeFlows(
        TWO_SETTLEMENTS,
        [{ name: 'Tratamiento', cents: 100n }],
        2026,
        es,
      ),
    ).toBe('De $1 asignados en el AF 2026, el 60% vino de Distributors settlement y el 40% de Teva settlement; el 100% se destinó a Tratamiento.');
  });
});

describe('monthName', () => {
  it('names the month in the reader\'s language', () => {
    expect(monthName(7)).toBe('July');
    expect(monthName(7, 'es')).toBe('julio');
  });
});
