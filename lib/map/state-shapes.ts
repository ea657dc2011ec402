/**
 * One state's counties as SVG paths, projected once per process (docs/adr/0015-state-map-server-svg.md). The shapes
 * are the Census Bureau's 2017 cartographic county boundaries in the `us-atlas` package (counties-10m.json, already
 * simplified and quantized by its makers), turned into GeoJSON with topojson-client and projected with d3-geo: a
 * conic equal-area projection centred on the state and fitted to a fixed width, so every state (Alaska across the
 * antimeridian and Puerto Rico included) fills the same frame. Coordinates are rounded to one decimal of a pixel,
 * which keeps a state of 100 counties near 40 kB. The file never changes while the server runs, so each state is
 * projected once and kept in a module-level map.
 */
import fs from 'node:fs';
import { geoBounds, geoCentroid, geoConicEqualArea, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { COUNTIES_FILE, countyDisplayName } from '@/lib/localities/census-counties';
import { stateByCode } from '@/lib/localities/us-states';

/** Width of every state map's frame, in SVG units; the height follows the state's shape. */
export const MAP_WIDTH = 600;

export interface ProjectedCounty {
  /** 5-digit FIPS code. */
  fips: string;
  /** Its name as people write it ("Orange County", lib/localities/census-counties.ts). */
  name: string;
  /** The SVG path of its shape. */
  d: string;
  /** Its centre in the frame (where a city inside it is drawn). */
  centroid: [number, number];
}

export interface ProjectedState {
  stateCode: string;
  width: number;
  height: number;
  counties: ReadonlyMap<string, ProjectedCounty>;
  /** The state's border, one path. */
  outline: string;
  /** The state's centre in the frame. */
  centroid: [number, number];
}

type CountyProperties = { name?: string };
type CountyTopology = Topology<{ counties: GeometryCollection<CountyProperties> }>;

let topology: CountyTopology | null = null;
const projected = new Map<string, ProjectedState | null>();

function readTopology(): CountyTopology {
  topology ??= JSON.parse(fs.readFileSync(COUNTIES_FILE, 'utf8')) as CountyTopology;
  return topology;
}

const round = (point: [number, number]): [number, number] => [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10];

function project(stateCode: string): ProjectedState | null {
  const state = stateByCode(stateCode);
  if (!state) return null;
  const topo = readTopology();
  const geometries = topo.objects.counties.geometries.filter((g) => typeof g.id === 'string' && g.id.startsWith(state.fips));
  if (geometries.length === 0) return null;
  const collection: GeometryCollection<CountyProperties> = { type: 'GeometryCollection', geometries };
  const shapes = feature(topo, collection) as FeatureCollection<Geometry, CountyProperties>;
  const [[, south], [, north]] = geoBounds(shapes);
  const [centreLon, centreLat] = geoCentroid(shapes);
  // Standard parallels at one sixth and five sixths of the state's latitudes: little distortion inside it.
  const span = north - south;
  const projection = geoConicEqualArea()
    .parallels([south + span / 6, north - span / 6])
    .rotate([-centreLon, 0])
    .center([0, centreLat])
    .fitWidth(MAP_WIDTH, shapes);
  const path = geoPath(projection).digits(1);
  const [, [, bottom]] = path.bounds(shapes);
  const counties = new Map<string, ProjectedCounty>();
  for (const county of shapes.features as Feature<Geometry, CountyProperties>[]) {
    const fips = String(county.id);
    const name = countyDisplayName(fips, county.properties?.name ?? fips);
    counties.set(fips, { fips, name, d: path(county) ?? '', centroid: round(path.centroid(county)) });
  }
  return {
    stateCode: state.code,
    width: MAP_WIDTH,
    height: Math.ceil(bottom),
    counties,
    outline: path(mesh(topo, collection, (a, b) => a === b)) ?? '',
    centroid: round(path.centroid(shapes)),
  };
}

/** The projected counties of a state ("NC"), or null for a code the Census file has no counties for. */
export function projectedState(stateCode: string): ProjectedState | null {
  if (!projected.has(stateCode)) projected.set(stateCode, project(stateCode));
  return projected.get(stateCode) ?? null;
}
