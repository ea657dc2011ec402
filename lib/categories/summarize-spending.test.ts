import { describe, expect, it } from 'vitest';
import { wordsFor } from '@/lib/i18n/testing';
import { shareBasisPoints, summarizeByGroup, totalsByGroup } from './summarize-spending';

describe('shareBasisPoints', () => {
  it('rounds half up with integers only', () => {
    expect(shareBasisPoints(1n, 3n)).toBe(3333n);
    expect(shareBasisPoints(2n, 3n)).toBe(6667n);
    expect(shareBasisPoints(0n, 0n)).toBe(0n);
    expect(shareBasisPoints(10n ** 20n, 4n * 10n ** 20n)).toBe(2500n);
  });
});

describe('summarizeByGroup', () => {
  it('names the largest groups and their shares', () => {
    const groups = totalsByGroup(
      [
        { group: 'Treatment', cents: 42_000_00n },
        { group: 'Harm reduction', cents: 30_000_00n },
        { group: 'Treatment', cents: 0n },
        { group: 'Criminal-legal', cents: 20_000_00n },
        { group: 'Other', cents: 8_000_00n },
      ],
      (row) => row.cents,
    );
    expect(summarizeByGroup(groups, 2026, 'allocated', wordsFor('en'))).toBe(
      'Of $100,000 allocated in FY2026, 42% went to Treatment, 30% to Harm reduction, 20% to Criminal-legal and 8% to other groups.',
    );
  });

  it('says so when nothing was spent', () => {
    expect(summarizeByGroup([], 2025, 'spent', wordsFor('en'))).toBe('No money was spent in approved lines in FY2025.');
  });

  it('says it in Spanish', () => {
    const groups = [
      { group: 'Tratamiento', cents: 60_00n },
      { group: 'Reducción de daños', cents: 40_00n },
    ];
    expect(summarizeByGroup(groups, 2026, 'allocated', wordsFor('es'))).toBe(
      'De $100 asignados en el AF 2026, el 60% se destinó a Tratamiento y el 40% a Reducción de daños.',
    );
    expect(summarizeByGroup([], 2025, 'spent', wordsFor('es'))).toBe('No se gastó dinero en líneas aprobadas en el AF 2025.');
  });
});
