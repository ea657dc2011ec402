import { describe, expect, it } from 'vitest';
import { centsPer } from '@/lib/categories/ratios';
import type { PublicOutcome } from '@/lib/data/public-outcomes';
import { wordsFor } from '@/lib/i18n/testing';
import { formatCents } from '@/lib/money';
import { MEASURE_KEYS, MEASURES } from '@/lib/outcomes/measures';
import {
  formatPeriod,
  measureWords,
  notReportedTableRows,
  outcomeQuarterLabel,
  outcomeQuarterTableRows,
  outcomeRow,
  outcomesView,
  outcomeTableRows,
} from './outcomes-view';

const outcome = (overrides: Partial<PublicOutcome>): PublicOutcome => ({
  id: 1,
  allocationId: 10,
  program: 'Naloxone kits',
  measure: 'naloxone_kits',
  customMeasureName: null,
  unit: null,
  periodStart: '2025-07-01',
  periodEnd: '2025-09-30',
  units: 3n,
  source: 'Quarterly report',
  spentInPeriodCents: 100_000n,
  ...overrides,
});

describe('outcomeRow', () => {
  it('divides what was spent in the period by the units, exactly to the cent, rounding half away from zero', () => {
    expect(outcomeRow(outcome({})).costPerUnit).toBe('$333.33 per kit');
    expect(outcomeRow(outcome({ spentInPeriodCents: 100n, units: 8n })).costPerUnitCents).toBe(13n); // 12.5 → 13
    expect(outcomeRow(outcome({ spentInPeriodCents: 500n, units: 200n })).costPerUnit).toBe('$0.03 per kit'); // 2.5 → 3
    expect(outcomeRow(outcome({ units: 1204n })).units).toBe('1,204 kits');
  });

  it('says "not reported" for a cost per unit when nothing was counted', () => {
    const row = outcomeRow(outcome({ units: 0n }));
    expect(row).toMatchObject({ units: '0 kits', costPerUnitCents: null, costPerUnit: 'not reported' });
  });

  it('hides 1 to 10 people and withholds their cost per unit, which would give the count back', () => {
    for (const units of [1n, 7n, 10n]) {
      const row = outcomeRow(outcome({ measure: 'housing_placements', units }));
      expect(row).toMatchObject({ units: 'fewer than 11', unitsValue: null, costPerUnitCents: null, costPerUnit: 'withheld (small count)' });
      // Neither the count nor what $1,000.00 ÷ count would be appears anywhere in the row.
      const shown = JSON.stringify(outcomeTableRows({ rows: [row], notReported: [], quarters: [], quarterRows: [], quarterTotalsLeaveOutSmallCounts: true, summary: '' }));
      expect(shown).not.toContain(formatCents(centsPer(100_000n, units)!));
      expect(shown).not.toMatch(new RegExp(`"${units}\\b|\\b${units} placement`));
    }
    expect(outcomeRow(outcome({ measure: 'housing_placements', units: 11n })).units).toBe('11 placements');
    expect(outcomeRow(outcome({ measure: 'people_served', units: 0n })).units).toBe('0 people');
    // Kits are not people: 3 kits are shown.
    expect(outcomeRow(outcome({ units: 3n })).units).toBe('3 kits');
  });

  it('names a free-form measure and unit as entered', () => {
    const row = outcomeRow(outcome({ measure: 'other', customMeasureName: 'Peer recovery sessions', unit: 'session', units: 40n, spentInPeriodCents: 200_000n }));
    expect(row).toMatchObject({ measure: 'Peer recovery sessions', units: '40 sessions', costPerUnit: '$50.00 per session' });
  });
});

describe('outcomesView', () => {
  const data = {
    outcomes: [
      outcome({ id: 1, periodStart: '2025-07-01', periodEnd: '2025-09-30', units: 300n }),
      outcome({ id: 2, periodStart: '2025-10-01', periodEnd: '2025-12-31', units: 250n }),
      outcome({ id: 3, allocationId: 11, program: 'Bridge housing', measure: 'housing_placements', periodEnd: '2026-03-31', units: 4n }),
      outcome({ id: 4, allocationId: 11, program: 'Bridge housing', measure: 'housing_placements', periodEnd: '2026-06-30', units: 14n }),
    ],
    programs: [
      { allocationId: 10, program: 'Naloxone kits', spentInYearCents: 500_000n },
      { allocationId: 11, program: 'Bridge housing', spentInYearCents: 900_000n },
      { allocationId: 12, program: 'Jail MOUD', spentInYearCents: 250_000n },
    ],
  };

  it('lists every outcome, and each program that spent money and reports nothing as "not reported"', () => {
    const view = outcomesView(data, 2026, 7);
    expect(view.rows.map((r) => [r.program, r.measure, r.units, r.period, r.costPerUnit])).toEqual([
      ['Naloxone kits', 'Naloxone kits distributed', '300 kits', 'Jul–Sep 2025', '$3.33 per kit'],
      ['Naloxone kits', 'Naloxone kits distributed', '250 kits', 'Oct–Dec 2025', '$4.00 per kit'],
      ['Bridge housing', 'Housing placements', 'fewer than 11', 'Jul 2025–Mar 2026', 'withheld (small count)'],
      ['Bridge housing', 'Housing placements', '14 placements', 'Jul 2025–Jun 2026', '$71.43 per placement'],
    ]);
    expect(notReportedTableRows(view)).toEqual([{ program: 'Jail MOUD', spent: '250000', outcomes: 'Not reported' }]);
    expect(view.summary).toBe('2 programs reported outcomes for FY2026; 1 program that spent money reported none.');
  });

  it('adds counts by the quarter their period ends in, leaving out small counts of people', () => {
    const view = outcomesView(data, 2026, 7);
    expect(view.quarters.map((q) => q.key)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(outcomeQuarterTableRows(view)).toEqual([
      { measure: 'Naloxone kits distributed (kits)', Q1: '300', Q2: '250', Q3: '0', Q4: '0', total: '550' },
      { measure: 'Housing placements (placements)', Q1: '0', Q2: '0', Q3: '0', Q4: '14', total: '14' },
    ]);
    expect(view.quarterTotalsLeaveOutSmallCounts).toBe(true);
  });

  it('says so when nothing is reported', () => {
    expect(outcomesView({ outcomes: [], programs: [] }, 2026, 7).summary).toBe(
      'No program has reported outcomes for FY2026, and none spent money that year.',
    );
  });
});

describe('formatPeriod', () => {
  it('writes a period in words, and a single day once', () => {
    expect(formatPeriod('2025-07-01', '2025-09-30')).toBe('Jul–Sep 2025');
    expect(formatPeriod('2025-11-01', '2026-01-31')).toBe('Nov 2025–Jan 2026');
    expect(formatPeriod('2024-02-01', '2024-02-29')).toBe('Feb 2024');
    expect(formatPeriod('2025-07-15', '2025-09-30')).toBe('Jul 15, 2025 – Sep 30, 2025');
    expect(formatPeriod('2026-01-15', '2026-01-15')).toBe('Jan 15, 2026');
  });
});

describe('in the reader\'s words', () => {
  const english = wordsFor('en');
  const spanish = wordsFor('es');
  const data = {
    outcomes: [
      outcome({ id: 1, periodStart: '2025-07-01', periodEnd: '2025-09-30', units: 1204n, spentInPeriodCents: 400_000_000n }),
      outcome({ id: 2, allocationId: 11, program: 'Bridge housing', measure: 'housing_placements', periodEnd: '2026-03-31', units: 4n }),
      outcome({ id: 3, allocationId: 11, program: 'Bridge housing', measure: 'people_served', periodStart: '2025-07-15', periodEnd: '2025-09-30', units: 1n }),
      outcome({ id: 4, allocationId: 11, program: 'Bridge housing', measure: 'overdose_reversals', periodStart: '2025-11-01', periodEnd: '2026-01-31', units: 0n }),
    ],
    programs: [
      { allocationId: 10, program: 'Naloxone kits', spentInYearCents: 500_000n },
      { allocationId: 11, program: 'Bridge housing', spentInYearCents: 900_000n },
      { allocationId: 12, program: 'Jail MOUD', spentInYearCents: 123_456_789n },
    ],
  };

  it('writes English through the messages exactly as without them (the API and staff pages use no words)', () => {
    for (const fy of [2026, 2027]) {
      for (const start of [1, 7, 10]) {
        expect(outcomesView(data, fy, start, english)).toEqual(outcomesView(data, fy, start));
        for (const quarter of [1, 2, 3, 4] as const) expect(outcomeQuarterLabel(fy, start, quarter, english)).toBe(outcomeQuarterLabel(fy, start, quarter));
      }
    }
    expect(notReportedTableRows(outcomesView(data, 2026, 7), english)).toEqual(notReportedTableRows(outcomesView(data, 2026, 7)));
    const free = { measure: 'other' as const, customMeasureName: 'Peer recovery sessions', unit: 'session' };
    expect(measureWords(free, english)).toEqual(measureWords(free));
    expect(outcomesView({ outcomes: [], programs: [] }, 2026, 7, english).summary).toBe(outcomesView({ outcomes: [], programs: [] }, 2026, 7).summary);
  });

  it('names every measure in English as lib/outcomes/measures.ts does', () => {
    for (const measure of MEASURE_KEYS) {
      const words = measureWords({ measure, customMeasureName: null, unit: null }, english);
      expect(words.label).toBe(MEASURES[measure].label);
      expect(words.unit).toBe(MEASURES[measure].unit);
    }
  });

  it('writes the rows, quarters and summary in Spanish, with es-US numbers and money', () => {
    const view = outcomesView(data, 2026, 7, spanish);
    expect(view.rows.map((r) => [r.measure, r.units, r.period, r.costPerUnit])).toEqual([
      ['Kits de naloxona distribuidos', '1,204 kits', 'jul–sep 2025', '$3,322.26 por kit'],
      ['Colocaciones en vivienda', 'menos de 11', 'jul 2025–mar 2026', 'no se muestra (cifra pequeña)'],
      ['Personas atendidas', 'menos de 11', '15 jul 2025 – 30 sep 2025', 'no se muestra (cifra pequeña)'],
      ['Reversiones de sobredosis informadas', '0 reversiones', 'nov 2025–ene 2026', 'no informado'],
    ]);
    expect(view.quarters.map((q) => q.label)).toEqual(['T1 (jul–sep 2025)', 'T2 (oct–dic 2025)', 'T3 (ene–mar 2026)', 'T4 (abr–jun 2026)']);
    expect(outcomeQuarterTableRows(view).map((row) => row.measure)).toEqual(['Kits de naloxona distribuidos (kits)', 'Reversiones de sobredosis informadas (reversiones)']);
    expect(view.summary).toBe('2 programas informaron resultados del AF 2026; 1 programa que gastó dinero no informó ninguno.');
    expect(notReportedTableRows(view, spanish)).toEqual([{ program: 'Jail MOUD', spent: '123456789', outcomes: 'No informado' }]);
    expect(outcomeRow(outcome({ measure: 'people_served', units: 11n }), spanish).units).toBe('11 personas');
    expect(outcomeRow(outcome({ units: 1n }), spanish).units).toBe('1 kit');
  });

  it('says in Spanish when one program or none reported', () => {
    const one = { outcomes: [outcome({})], programs: [{ allocationId: 10, program: 'Naloxone kits', spentInYearCents: 1n }] };
    expect(outcomesView(one, 2026, 7, spanish).summary).toBe('1 programa informó resultados del AF 2026.');
    const silent = { outcomes: [], programs: [{ allocationId: 10, program: 'Naloxone kits', spentInYearCents: 1n }] };
    expect(outcomesView(silent, 2026, 7, spanish).summary).toBe('Ningún programa informó resultados del AF 2026; 1 programa que gastó dinero no informó ninguno.');
    expect(outcomesView({ outcomes: [], programs: [] }, 2026, 7, spanish).summary).toBe(
      'Ningún programa ha informado resultados del AF 2026, y ninguno gastó dinero ese año.',
    );
  });

  it('keeps a free-form measure\'s own name and unit in Spanish, and names an unnamed one in Spanish', () => {
    const row = outcomeRow(outcome({ measure: 'other', customMeasureName: 'Peer recovery sessions', unit: 'session', units: 40n, spentInPeriodCents: 200_000n }), spanish);
    expect(row).toMatchObject({ measure: 'Peer recovery sessions', units: '40 sessions', costPerUnit: '$50.00 por session' });
    expect(measureWords({ measure: 'other', customMeasureName: null, unit: null }, spanish)).toEqual({ label: 'Otra medida', unit: 'unidad', units: 'unidades' });
  });

  it('writes periods in Spanish', () => {
    expect(formatPeriod('2024-02-01', '2024-02-29', 'es')).toBe('feb 2024');
    expect(formatPeriod('2026-01-15', '2026-01-15', 'es')).toBe('15 ene 2026');
    expect(formatPeriod('2025-09-01', '2025-12-31', 'es')).toBe('sep–dic 2025');
  });
});
