/**
 * The US Census county list, read from the `us-atlas` package (docs/adr/0008-census-counties-from-us-atlas.md):
 * its `counties-10m.json` is the Census Bureau's 2017 cartographic county boundaries as TopoJSON, and each county
 * geometry carries `id` (the 5-digit FIPS code, state + county) and `properties.name` ("Orange"). Only those two
 * fields are read; the shapes are ignored. Server-side only: the file is 840 kB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closestNames, foldName } from './closest-names';
import { stateByCode, stateByFips } from './us-states';

export interface CensusCounty {
  /** 5-digit FIPS code, e.g. "37135". */
  fips: string;
  /** Postal code of its state, e.g. "NC". */
  stateCode: string;
  /** The name as the Census list gives it, e.g. "Orange". */
  censusName: string;
  /** The name people write, e.g. "Orange County", "Orleans Parish", "Richmond City". */
  name: string;
}

interface CountyTopology {
  objects: { counties: { geometries: { id?: unknown; properties?: { name?: unknown } }[] } };
}

/** Where the package keeps the list; read from the app's folder, where `npm install` put it. */
export const COUNTIES_FILE = path.join(process.cwd(), 'node_modules', 'us-atlas', 'counties-10m.json');

/**
 * What a county-equivalent is called in each state. Louisiana has parishes; Puerto Rico municipios; Alaska's
 * boroughs, census areas and municipalities, DC and the smaller territories are named without a suffix because the
 * list does not say which each one is. Virginia's independent cities (county codes 510 and up), Baltimore and
 * St. Louis are cities that count as counties, and share their name with a county of the same state.
 */
export function countyDisplayName(fips: string, censusName: string): string {
  const state = fips.slice(0, 2);
  const county = Number(fips.slice(2));
  if (state === '22') return `${censusName} Parish`;
  if (state === '72') return `${censusName} Municipio`;
  if (['02', '11', '60', '66', '69', '78'].includes(state)) return censusName;
  if (/\bcity$/i.test(censusName)) return censusName;
  if ((state === '51' && county >= 510) || fips === '24510' || fips === '29510') return `${censusName} City`;
  return `${censusName} County`;
}

let cache: Map<string, CensusCounty[]> | null = null;

/** Every county of every state, by postal code, sorted by name. Read once per process. */
export function countiesByState(): Map<string, CensusCounty[]> {
  if (cache) return cache;
  const topology = JSON.parse(fs.readFileSync(COUNTIES_FILE, 'utf8')) as CountyTopology;
  const byState = new Map<string, CensusCounty[]>();
  for (const geometry of topology.objects.counties.geometries) {
    const fips = typeof geometry.id === 'string' ? geometry.id : '';
    const censusName = typeof geometry.properties?.name === 'string' ? geometry.properties.name : '';
    const state = stateByFips(fips.slice(0, 2));
    if (!/^\d{5}$/.test(fips) || censusName === '' || !state) continue;
    const list = byState.get(state.code) ?? [];
    list.push({ fips, stateCode: state.code, censusName, name: countyDisplayName(fips, censusName) });
    byState.set(state.code, list);
  }
  for (const list of byState.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  cache = byState;
  return byState;
}

/** The counties of one state ("NC"), sorted by name; empty for an unknown state. */
export function countiesOfState(stateCode: string): CensusCounty[] {
  const state = stateByCode(stateCode);
  return state ? (countiesByState().get(state.code) ?? []) : [];
}

/** The county with this 5-digit FIPS code, or null. */
export function countyByFips(fips: string): CensusCounty | null {
  const state = stateByFips(fips.slice(0, 2));
  if (!state) return null;
  return countiesOfState(state.code).find((county) => county.fips === fips) ?? null;
}

const COUNTY_WORDS = /\s+(county|parish|borough|census area|municipio|municipality|city and borough)$/;

/** "Saint Louis County" folds as "St. Louis County" does. */
function foldSaint(text: string): string {
  return foldName(text).replace(/^saint\b/, 'st').replace(/^ste\b/, 'sainte');
}

/** "Saint Louis County" and "St. Louis" fold to the same key as the list's "St. Louis". */
function countyKey(text: string): string {
  return foldSaint(text).replace(COUNTY_WORDS, '');
}

export type CountyLookup =
  | { ok: true; county: CensusCounty }
  | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: CensusCounty[] };

/**
 * Finds a county by the name people write ("Orange County", "orange", "Doña Ana County", "St. Louis City") in a
 * state. An unknown name comes back with the three closest names of that state; a name two counties share
 * (Virginia's Richmond County and Richmond City) comes back with both, to be told apart by FIPS or full name.
 */
export function findCounty(name: string, stateCode: string): CountyLookup {
  const counties = countiesOfState(stateCode);
  const folded = foldSaint(name);
  const exact = counties.filter((county) => foldSaint(county.name) === folded);
  if (exact.length === 1) return { ok: true, county: exact[0]! };
  const key = countyKey(name);
  const matches = counties.filter((county) => countyKey(county.censusName) === key || countyKey(county.name) === key);
  if (matches.length === 1) return { ok: true, county: matches[0]! };
  if (matches.length > 1) return { ok: false, reason: 'ambiguous', candidates: matches };
  const names = closestNames(name, counties.map((county) => county.name), 3, countyKey);
  return { ok: false, reason: 'unknown', candidates: names.map((n) => counties.find((county) => county.name === n)!) };
}
