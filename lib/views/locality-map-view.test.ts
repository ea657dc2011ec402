import { describe, expect, it } from 'vitest';
import { compareRow } from '@/lib/compare/testing';
import { wordsFor } from '@/lib/i18n/testing';
import type { ProjectedState } from '@/lib/map/state-shapes';
import { CLASS_FILLS, classBounds, classOf, localityMapView, NO_DATA_FILL } from './locality-map-view';

const FY = 2026;

function fakeState(stateCode: string, fipsList: string[]): ProjectedState {
  return {
    stateCode,
    width: 600,
    height: 200,
    counties: new Map(fipsList.map((fips, i) => [fips, { fips, name: `County ${fips}`, d: `M${i},0h10v10z`, centroid: [i * 100 + 5, 50] as [number, number] }])),
    outline: 'M0,0h600v200z',
    centroid: [300, 100],
  };
}

const states: Record<string, ProjectedState> = {
  NC: fakeState('NC', ['37063', '37183', '37037', '37135', '37001']),
  SC: fakeState('SC', ['45001']),
};
const shapesOf = (code: string) => states[code] ?? null;

const localities = [
  compareRow('durham', { fips: '37063', spent: 3_000_00n, residents: 100 }),
  compareRow('wake', { fips: '37183', spent: 9_000_00n, residents: 100 }),
  compareRow('chatham', { fips: '37037', spent: 1_000_00n, residents: 100 }),
  compareRow('no-people', { fips: '37001', spent: 1_000_00n, residents: null }),
  compareRow('chapel-hill', { fips: '3711800', kind: 'town', parentFips: '37135', spent: 5_000_00n, residents: 100 }),
  compareRow('carrboro', { fips: '3710620', kind: 'town', parentFips: '37135', spent: 2_000_00n, residents: 100 }),
  compareRow('lone-town', { fips: '3799999', kind: 'city', spent: 4_000_00n, residents: 100 }),
  compareRow('aiken', { fips: '45001', spent: 1_00n, residents: 1 }),
  compareRow('examplia', { fips: null }),
  compareRow('not-in-census', { fips: '09110' }),
];

const hrefFor = (change: { map: string; state: string }) => `/?map=${change.map}&state=${change.state}`;
const view = (query: Record<string, string> = {}, locale: 'en' | 'es' = 'en') =>
  localityMapView({ fiscalYear: FY, localities, query, shapesOf, hrefFor, words: wordsFor(locale) });

describe('class breaks', () => {
  it('splits values into at most five classes of about equal counts, never two with one bound', () => {
    expect(classBounds([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n])).toEqual([2n, 4n, 6n, 8n, 10n]);
    expect(classBounds([5n, 5n, 5n, 1n])).toEqual([1n, 5n]);
    expect(classBounds([])).toEqual([]);
    expect(classOf(3n, [2n, 4n])).toBe(1);
    expect(classOf(1n, [2n, 4n])).toBe(0);
  });
});

describe('state map view', () => {
  it('shades counties by spent per resident, and the table lists each with the class and fill of its shape', () => {
    const v = view();
    const map = v.map!;
    expect(map.stateCode).toBe('NC');
    expect(map.title).toBe('Spent per resident by locality, North Carolina, FY2026');
    expect(map.shapes.map((s) => s.key).sort()).toEqual(['chatham', 'durham', 'no-people', 'wake']);
    const byKey = new Map([...map.shapes, ...map.points].map((item) => [item.key, item]));
    for (const row of map.table) {
      expect(byKey.get(row.key)!.fill, row.key).toBe(row.fill);
      expect(byKey.get(row.key)!.classId, row.key).toBe(row.classId);
    }
    expect(map.table.map((r) => [r.name, r.valueText])).toEqual([
      ['Wake', '$90.00'],
      ['Chapel Hill', '$50.00'],
      ['Lone Town', '$40.00'],
      ['Durham', '$30.00'],
      ['Carrboro', '$20.00'],
      ['Chatham', '$10.00'],
      ['No People', 'Not enough data'],
    ]);
    expect(map.classes.map((c) => [c.label, c.fill])).toEqual([
      ['$10.00 to $20.00', CLASS_FILLS[0]],
      ['$30.00', CLASS_FILLS[1]],
      ['$40.00', CLASS_FILLS[2]],
      ['$50.00', CLASS_FILLS[3]],
      ['$90.00', CLASS_FILLS[4]],
      ['No data', NO_DATA_FILL],
    ]);
    expect(byKey.get('wake')!.ariaLabel).toBe('Wake: $90.00 spent per resident, FY2026');
    expect(byKey.get('no-people')!.classId).toBe('none');
    // Counties that are no leaf locality are drawn plain: Orange (37135) holds the towns.
    expect(map.background).toEqual([states.NC!.counties.get('37135')!.d]);
    expect(map.summary).toBe(
      '6 localities of North Carolina shaded by spent per resident in FY2026: Wake has the most ($90.00) and Chatham the least ($10.00).',
    );
  });

  it('puts towns at their parent county’s centre (set apart when they share it), or at the state’s', () => {
    const { map } = view();
    const points = new Map(map!.points.map((p) => [p.key, p]));
    const orange = states.NC!.counties.get('37135')!.centroid;
    const [a, b] = [points.get('chapel-hill')!, points.get('carrboro')!];
    expect(Math.hypot(a.cx - orange[0], a.cy - orange[1])).toBeCloseTo(11, 0);
    expect(Math.hypot(b.cx - orange[0], b.cy - orange[1])).toBeCloseTo(11, 0);
    expect([a.cx, a.cy]).not.toEqual([b.cx, b.cy]);
    expect(a.placement).toBe('point at the centre of County 37135');
    expect([points.get('lone-town')!.cx, points.get('lone-town')!.cy]).toEqual([300, 100]);
    expect(points.get('lone-town')!.placement).toBe('point at the centre of the state');
    expect(view().hasPoints).toBe(true);
  });

  it('names what is not on the map, offers a state chooser, and takes a measure and state from the query', () => {
    const v = view({ map: 'received', state: 'sc' });
    expect(v.notOnMap).toEqual(['Examplia', 'Not In Census']);
    expect(v.stateLinks.map((l) => [l.label, l.href, l.current])).toEqual([
      ['North Carolina', '/?map=received&state=NC', false],
      ['South Carolina', '/?map=received&state=SC', true],
    ]);
    expect(v.measure.key).toBe('received');
    expect(v.map!.table.map((r) => [r.name, r.valueText, r.classLabel])).toEqual([['Aiken', '$0.00', '$0.00']]);
    expect(v.measureLinks.map((l) => l.label)).toEqual(['Received per resident', 'Allocated per resident', 'Spent per resident']);
  });

  it('draws no map when no locality has a FIPS code', () => {
    const v = localityMapView({ fiscalYear: FY, localities: [compareRow('examplia', {})], query: {}, shapesOf, hrefFor, words: wordsFor('en') });
    expect(v.map).toBeNull();
    expect(v.notOnMap).toEqual(['Examplia']);
  });

  it('in Spanish: title, legend, table, keyboard labels, placements, summary and choosers, with es-US money', () => {
    const v = view({}, 'es');
    const map = v.map!;
    expect(v.measureLabel).toBe('Gastado');
    expect(map.stateName).toBe('Carolina del Norte');
    expect(map.title).toBe('Gastado por residente en cada localidad, Carolina del Norte, AF 2026');
    expect(map.classes.map((c) => c.label)).toEqual(['$10.00 a $20.00', '$30.00', '$40.00', '$50.00', '$90.00', 'Sin datos']);
    expect(map.table.at(-1)!.valueText).toBe('Sin datos suficientes');
    const byKey = new Map([...map.shapes, ...map.points].map((item) => [item.key, item]));
    expect(byKey.get('wake')!.ariaLabel).toBe('Wake: lo gastado por residente, $90.00, AF 2026');
    expect(byKey.get('wake')!.placement).toBe('forma del condado');
    expect(byKey.get('chapel-hill')!.placement).toBe('punto en el centro de County 37135');
    expect(byKey.get('lone-town')!.placement).toBe('punto en el centro del estado');
    expect(map.summary).toBe(
      '6 localidades de Carolina del Norte sombreadas según lo gastado por residente en el AF 2026: Wake tiene la cifra más alta ($90.00) y Chatham la más baja ($10.00).',
    );
    expect(v.measureLinks.map((l) => l.label)).toEqual(['Recibido por residente', 'Asignado por residente', 'Gastado por residente']);
    expect(v.stateLinks.map((l) => l.label)).toEqual(['Carolina del Norte', 'Carolina del Sur']);
    // The same shading in both languages: only the words differ.
    const english = view().map!;
    expect(map.table.map((r) => [r.key, r.classId, r.fill])).toEqual(english.table.map((r) => [r.key, r.classId, r.fill]));
  });

  it('in Spanish, one shaded locality, and none', () => {
    const one = view({ state: 'SC' }, 'es').map!;
    expect(one.summary).toBe('1 localidad de Carolina del Sur sombreada según lo gastado por residente en el AF 2026: Aiken tiene la cifra más alta ($1.00).');
    const none = localityMapView({
      fiscalYear: FY,
      localities: [compareRow('no-people', { fips: '37001', residents: null })],
      query: {},
      shapesOf,
      hrefFor,
      words: wordsFor('es'),
    }).map!;
    expect(none.summary).toBe('Ninguna localidad de Carolina del Norte tiene una cifra de población del AF 2026, así que ninguna está sombreada.');
    expect(none.classes.map((c) => c.label)).toEqual(['Sin datos']);
  });
});
