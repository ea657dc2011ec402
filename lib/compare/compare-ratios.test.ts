import { describe, expect, it } from 'vitest';
import { compareMeasures } from './compare-measures';
import { measureRatios, perDeath, perResident, publicDeaths } from './compare-ratios';

describe('ratios for the public', () => {
  it('divides per resident exactly, rounding half away from zero to the cent', () => {
    expect(perResident(1_000_00n, 3)).toEqual({ kind: 'cents', cents: 333_33n });
    expect(perResident(2_000_00n, 3)).toEqual({ kind: 'cents', cents: 666_67n });
    expect(perResident(5n, 2)).toEqual({ kind: 'cents', cents: 3n });
    expect(perResident(1_00n, null)).toEqual({ kind: 'none' });
    expect(perResident(1_00n, 0)).toEqual({ kind: 'none' });
  });

  it('never divides by 1 to 10 deaths, and never shows such a count', () => {
    for (let deaths = 1; deaths <= 10; deaths += 1) {
      expect(perDeath(7_000_00n, deaths)).toEqual({ kind: 'suppressed' });
      expect(publicDeaths(deaths)).toEqual({ kind: 'suppressed' });
    }
    expect(perDeath(7_000_00n, 11)).toEqual({ kind: 'cents', cents: 636_36n });
    expect(publicDeaths(11)).toEqual({ kind: 'count', count: 11 });
    expect(perDeath(7_000_00n, 0)).toEqual({ kind: 'none' });
    expect(publicDeaths(0)).toEqual({ kind: 'count', count: 0 });
    expect(perDeath(7_000_00n, null)).toEqual({ kind: 'none' });
    expect(publicDeaths(null)).toEqual({ kind: 'none' });
  });

  it('gives every measure, groups included, both ratios', () => {
    const measures = compareMeasures(['Harm reduction', 'Treatment']);
    const ratios = measureRatios(
      measures,
      { receivedCents: 900_00n, allocatedCents: 600_00n, spentCents: 300_00n, spentByGroup: new Map([['Harm reduction', 120_00n]]) },
      300,
      12,
    );
    expect([...ratios.keys()]).toEqual(['received', 'allocated', 'spent', 'spent-harm-reduction', 'spent-treatment']);
    expect(ratios.get('spent')).toEqual({ resident: { kind: 'cents', cents: 1_00n }, death: { kind: 'cents', cents: 25_00n } });
    expect(ratios.get('spent-harm-reduction')).toEqual({ resident: { kind: 'cents', cents: 40n }, death: { kind: 'cents', cents: 10_00n } });
    expect(ratios.get('spent-treatment')?.resident).toEqual({ kind: 'cents', cents: 0n });
  });
});
