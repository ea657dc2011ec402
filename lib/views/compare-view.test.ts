import { describe, expect, it } from 'vitest';
import { compareView } from './compare-view';
import { compareRow, TEST_GROUPS } from '@/lib/compare/testing';
import { wordsFor } from '@/lib/i18n/testing';

const FY = 2026;

const rows = [
  compareRow('ash', { spent: 5_000_00n, allocated: 9_000_00n, residents: 1_000, deaths: 50, source: 'State vital records', groups: { 'Harm reduction': 1_000_00n, Treatment: 4_000_00n } }),
  compareRow('birch', { spent: 9_000_00n, allocated: 9_000_00n, residents: 3_000, residentsFrom: 'locality', deaths: 7, groups: { 'Criminal-legal': 9_000_00n } }),
  compareRow('cedar', { spent: 2_000_00n, residents: null, deaths: null }),
  compareRow('dogwood', { spent: 8_000_00n, residents: 2_000, deaths: 100, source: 'County health department', groups: { 'Harm reduction': 8_000_00n } }),
];

const view = (query: Record<string, string> = {}, locale: 'en' | 'es' = 'en') =>
  compareView({ fiscalYear: FY, groups: TEST_GROUPS, localities: rows, query, words: wordsFor(locale) });

describe('compare view', () => {
  it('ranks by spent per resident by default, those without a population last, with the source of each figure', () => {
    const v = view();
    expect(v.heading).toBe('Spent per resident, FY2026');
    expect(v.rows.map((r) => [r.rank, r.name, r.ratioText])).toEqual([
      [1, 'Ash', '$5.00'],
      [2, 'Dogwood', '$4.00'],
      [3, 'Birch', '$3.00'],
      [null, 'Cedar', 'Not enough data'],
    ]);
    expect(v.rows.map((r) => r.denominatorSource)).toEqual([
      'FY2026 figure: State vital records',
      'FY2026 figure: County health department',
      'Population recorded for the locality (no FY2026 figure)',
      'No population recorded',
    ]);
    expect(v.rows[0]!.denominatorText).toBe('1,000');
    expect(v.withoutDenominator).toEqual(['Cedar']);
    expect(v.summary).toBe('In FY2026, Ash ranks first by spent per resident ($5.00) and Birch last ($3.00).');
  });

  it('per overdose death: 1 to 10 deaths show neither the count nor a ratio, and rank after those shown', () => {
    const v = view({ per: 'death' });
    expect(v.rows.map((r) => [r.rank, r.name, r.denominatorText, r.ratioCents, r.ratioText])).toEqual([
      [1, 'Ash', '50', '10000', '$100.00'],
      [2, 'Dogwood', '100', '8000', '$80.00'],
      [null, 'Birch', 'fewer than 11', null, 'Not shown: fewer than 11 deaths'],
      [null, 'Cedar', null, null, 'Not enough data'],
    ]);
    expect(v.suppressed).toEqual(['Birch']);
    expect(v.withoutDenominator).toEqual(['Cedar']);
    expect(v.rows.find((r) => r.name === 'Cedar')!.denominatorSource).toBe('Not yet known for FY2026');
    // Nothing about Birch's row holds its 7 deaths, or a figure the count could be worked back from.
    expect(JSON.stringify(v.rows.find((r) => r.name === 'Birch'))).not.toMatch(/"7"|128571/);
  });

  it('ranks by a group’s spending, and the measure form and every chooser link keep the other choice and the map’s', () => {
    const v = view({ measure: 'spent-harm-reduction', per: 'resident', map: 'received', state: 'NC' });
    expect(v.heading).toBe('Spent on Harm reduction per resident, FY2026');
    expect(v.rows.slice(0, 2).map((r) => [r.name, r.ratioText])).toEqual([
      ['Dogwood', '$4.00'],
      ['Ash', '$1.00'],
    ]);
    expect(v.measureForm.options.map((o) => o.value)).toEqual([
      'received', 'allocated', 'spent', 'spent-harm-reduction', 'spent-treatment', 'spent-criminal-legal', 'spent-other',
    ]);
    expect(v.measureForm.selected).toBe('spent-harm-reduction');
    expect(v.measureForm.hidden).toEqual([
      { name: 'fy', value: '2026' },
      { name: 'per', value: 'resident' },
      { name: 'map', value: 'received' },
      { name: 'state', value: 'NC' },
    ]);
    expect(v.perLinks.find((l) => l.key === 'death')!.href).toBe(
      '/compare?fy=2026&measure=spent-harm-reduction&per=death&map=received&state=NC#ranking-heading',
    );
  });

  it('an unknown measure falls back to spent; the shares split each locality’s spending by group', () => {
    const v = view({ measure: '<script>' });
    expect(v.measure.key).toBe('spent');
    expect(v.groupsPresent).toEqual(['Harm reduction', 'Treatment', 'Criminal-legal']);
    expect(v.shareRows.find((r) => r.name === 'Ash')!.shares).toEqual({ 'Harm reduction': 2000, Treatment: 8000, 'Criminal-legal': 0 });
    expect(v.shareRows.find((r) => r.name === 'Cedar')!.shares).toBeNull();
    expect(v.shareSummary).toContain('Birch put the largest share into criminal-legal uses (100%)');
    expect(v.perResidentChart.map((c) => c.key)).toEqual(['ash', 'birch', 'dogwood']);
  });

  it('in Spanish: headings, measure and group names, sources, sentences, es-US money and links to the Spanish page', () => {
    const v = view({}, 'es');
    expect(v.heading).toBe('Gastado por residente, AF 2026');
    expect(v.measureLabel).toBe('Gastado');
    expect(v.rows.map((r) => [r.rank, r.name, r.ratioText])).toEqual([
      [1, 'Ash', '$5.00'],
      [2, 'Dogwood', '$4.00'],
      [3, 'Birch', '$3.00'],
      [null, 'Cedar', 'Sin datos suficientes'],
    ]);
    expect(v.rows.map((r) => r.denominatorSource)).toEqual([
      'Cifra del AF 2026: State vital records',
      'Cifra del AF 2026: County health department',
      'Población registrada para la localidad (no hay cifra del AF 2026)',
      'No hay población registrada',
    ]);
    expect(v.summary).toBe('En el AF 2026, Ash ocupa el primer lugar en lo gastado por residente ($5.00) y Birch el último ($3.00).');
    expect(v.perLinks.map((l) => [l.label, l.href])).toEqual([
      ['Por residente', '/es/compare?fy=2026&measure=spent&per=resident#ranking-heading'],
      ['Por muerte por sobredosis', '/es/compare?fy=2026&measure=spent&per=death#ranking-heading'],
    ]);
    expect(v.measureForm.action).toBe('/es/compare#ranking-heading');
    expect(v.measureForm.options.map((o) => o.label)).toEqual([
      'Recibido', 'Asignado', 'Gastado', 'Gastado en Reducción de daños', 'Gastado en Tratamiento', 'Gastado en Sistema penal', 'Gastado en Otros',
    ]);
    expect(v.groupNames['Harm reduction']).toBe('Reducción de daños');
    expect(v.notEnough).toBe('Sin datos suficientes');
    expect(v.shareSummary).toMatch(/^Cada barra es el gasto de una localidad en el AF 2026, dividido según los grupos centrados en la salud\. Birch destinó la mayor parte a usos del sistema penal \(100\s?%\)\.$/);

    const death = view({ per: 'death', measure: 'spent-harm-reduction' }, 'es');
    expect(death.heading).toBe('Gastado en Reducción de daños por muerte por sobredosis, AF 2026');
    expect(death.summary).toBe('En el AF 2026, Dogwood ocupa el primer lugar en lo gastado en reducción de daños por muerte por sobredosis ($80.00) y Ash el último ($20.00).');
    const birch = death.rows.find((r) => r.name === 'Birch')!;
    expect([birch.denominatorText, birch.ratioText]).toEqual(['menos de 11', 'No se muestra: menos de 11 muertes']);
    expect(death.rows.find((r) => r.name === 'Cedar')!.denominatorSource).toBe('Todavía no se conoce para el AF 2026');
  });

  it('in English, links stay on the English pages', () => {
    const v = view();
    expect(v.rows[0]!.href).toBe('/l/ash?fy=2026');
    expect(v.measureForm.action).toBe('/compare#ranking-heading');
    expect(v.perLinks.map((l) => l.label)).toEqual(['Per resident', 'Per overdose death']);
    expect(v.measureForm.options.map((o) => o.label)).toEqual([
      'Received', 'Allocated', 'Spent', 'Spent on Harm reduction', 'Spent on Treatment', 'Spent on Criminal-legal', 'Spent on Other',
    ]);
  });
});
