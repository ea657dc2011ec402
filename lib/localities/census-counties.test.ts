import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestNames } from './closest-names';
import { countiesByState, countiesOfState, countyByFips, findCounty } from './census-counties';
import { localitySlug, firstFreeSlug } from './locality-slug';
import { stateByCode, stateByFips, US_STATES } from './us-states';

describe('the state table', () => {
  it('names every state id of the Census list in us-atlas, and nothing else', () => {
    const file = path.join(process.cwd(), 'node_modules', 'us-atlas', 'states-10m.json');
    const topology = JSON.parse(fs.readFileSync(file, 'utf8')) as { objects: { states: { geometries: { id: string }[] } } };
    const ids = topology.objects.states.geometries.map((g) => g.id).sort();
    expect(ids).toEqual(US_STATES.map((s) => s.fips).sort());
    expect(stateByFips('37')?.code).toBe('NC');
    expect(stateByCode('nc')?.name).toBe('North Carolina');
    expect(stateByCode('ZZ')).toBeNull();
  });
});

describe('the Census county list', () => {
  it('has every county with its 5-digit FIPS code, under the state its code begins with', () => {
    const all = [...countiesByState().values()].flat();
    expect(all.length).toBe(3231);
    expect(countiesOfState('NC')).toHaveLength(100);
    for (const county of all) expect(stateByCode(county.stateCode)?.fips).toBe(county.fips.slice(0, 2));
    expect(countyByFips('37135')).toEqual({ fips: '37135', stateCode: 'NC', censusName: 'Orange', name: 'Orange County' });
  });

  it('names county-equivalents as their states do', () => {
    expect(countyByFips('22071')?.name).toBe('Orleans Parish');
    expect(countyByFips('51760')?.name).toBe('Richmond City');
    expect(countyByFips('51159')?.name).toBe('Richmond County');
    expect(countyByFips('24510')?.name).toBe('Baltimore City');
    expect(countyByFips('32510')?.name).toBe('Carson City');
    expect(countyByFips('02020')?.name).toBe('Anchorage');
    expect(countyByFips('35013')?.name).toBe('Doña Ana County');
  });

  it('finds a county by the name people write, in its state only', () => {
    for (const typed of ['Orange County', 'orange', 'ORANGE  county']) {
      expect(findCounty(typed, 'NC')).toMatchObject({ ok: true, county: { fips: '37135' } });
    }
    expect(findCounty('Orange County', 'CA')).toMatchObject({ ok: true, county: { fips: '06059' } });
    expect(findCounty('Dona Ana County', 'NM')).toMatchObject({ ok: true, county: { fips: '35013' } });
    expect(findCounty('Saint Louis County', 'MO')).toMatchObject({ ok: true, county: { fips: '29189' } });
    expect(findCounty('St. Louis City', 'MO')).toMatchObject({ ok: true, county: { fips: '29510' } });
  });

  it('says when two counties share a name, and offers the closest names for one it does not know', () => {
    const shared = findCounty('Richmond', 'VA');
    expect(shared).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(shared.ok ? [] : shared.candidates.map((c) => c.name).sort()).toEqual(['Richmond City', 'Richmond County']);
    const typo = findCounty('Mecklenberg County', 'NC');
    expect(typo).toMatchObject({ ok: false, reason: 'unknown' });
    expect(typo.ok ? null : typo.candidates[0]?.name).toBe('Mecklenburg County');
    expect(findCounty('Orange County', 'ZZ')).toMatchObject({ ok: false, reason: 'unknown', candidates: [] });
  });
});

describe('closest names', () => {
  it('puts the nearest spelling and names that start with what was typed first', () => {
    expect(closestNames('Durhm', ['Wake', 'Durham', 'Duplin'])[0]).toBe('Durham');
    expect(closestNames('Meck', ['Macon', 'Mecklenburg', 'Moore'], 1)).toEqual(['Mecklenburg']);
  });
});

describe('locality slugs', () => {
  it('are made of the name and the state, without accents, never "all"', () => {
    expect(localitySlug('Orange County', 'NC')).toBe('orange-county-nc');
    expect(localitySlug("Doña Ana County", 'NM')).toBe('dona-ana-county-nm');
    expect(localitySlug('St. Mary’s County', 'md')).toBe('st-mary-s-county-md');
    expect(localitySlug('All', 'NC')).toBe('all-nc');
    expect(localitySlug('---', 'NC')).toBe('nc');
    expect(localitySlug('x'.repeat(300), 'NC').length).toBeLessThanOrEqual(83);
  });

  it('take the next number when the slug is taken', () => {
    expect(firstFreeSlug('springfield-ma', new Set())).toBe('springfield-ma');
    expect(firstFreeSlug('springfield-ma', new Set(['springfield-ma', 'springfield-ma-2']))).toBe('springfield-ma-3');
  });
});
