/**
 * The state map of localities (docs/adr/0015-state-map-server-svg.md), shaped for the SVG and its table: which
 * states can be drawn, the chosen state's counties, every leaf locality with a FIPS code as a shaded county or a
 * point, the classes of the legend, and the notes for what is not on the map. The projected shapes come in through
 * `shapesOf` (lib/map/state-shapes.ts), so this stays a pure function of its inputs. Every word is in the reader's
 * words (ViewWords: the LocalityMapView and CompareMeasures messages and the locale), money per locale, and the
 * localities' links go to their pages in the reader's language where those are translated.
 */
import { chooseMeasure, MAP_MEASURES, type Measure } from '@/lib/compare/compare-measures';
import { measureInSentence, measureLabel } from '@/lib/compare/measure-words';
import type { CompareLocality } from '@/lib/data/public-compare';
import type { ViewWords } from '@/lib/i18n/messages';
import { localizedHref } from '@/lib/i18n/routes';
import { stateByFips } from '@/lib/localities/us-states';
import { stateName as stateNameIn } from '@/lib/map/state-names';
import type { ProjectedState } from '@/lib/map/state-shapes';
import { formatCents } from '@/lib/money';

/**
 * ColorBrewer's YlGnBu, its five darker classes: sequential, readable for the common colour-vision deficiencies
 * and in greyscale, and every class at least 1.3:1 from the next. Shapes carry a dark border (3:1 against white and
 * the fills), and the table names each class in words, so colour is never the only carrier.
 */
export const CLASS_FILLS = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const NO_DATA_FILL = '#e5e7eb';

const MAX_CLASSES = CLASS_FILLS.length;
/** Distance of points that share a centre from it, so each stays visible and focusable on its own. */
const SPREAD = 11;

export interface MapClass {
  /** "class-1" … "class-5", or "none". */
  id: string;
  label: string;
  fill: string;
}

export interface MapItem {
  key: string;
  name: string;
  href: string;
  classId: string;
  classLabel: string;
  fill: string;
  valueText: string;
  /** "county shape", "point at the centre of Orange County", "point at the centre of the state". */
  placement: string;
  /** What a screen reader says for the link. */
  ariaLabel: string;
}

export interface MapShape extends MapItem {
  d: string;
}

export interface MapPoint extends MapItem {
  cx: number;
  cy: number;
}

export interface LocalityMapView {
  /** Null when no leaf locality has a FIPS code of a state the Census file has shapes for. */
  map: null | {
    stateCode: string;
    stateName: string;
    width: number;
    height: number;
    outline: string;
    /** Counties that are not (leaf) localities: drawn plain, not links. */
    background: string[];
    shapes: MapShape[];
    points: MapPoint[];
    classes: MapClass[];
    title: string;
    summary: string;
    /** Every shaded shape and point, in the order of the table (highest value first, then no data by name). */
    table: MapItem[];
  };
  measure: Measure;
  /** The measure's name in the reader's words ("Spent"), for the table's column header. */
  measureLabel: string;
  measureLinks: { key: string; label: string; href: string; current: boolean }[];
  stateLinks: { key: string; label: string; href: string; current: boolean }[];
  /** Names of localities without a FIPS code (or with one the Census shapes lack): not on any map. */
  notOnMap: string[];
  /** True when a city or other place is drawn as a point (the note says where points are placed). */
  hasPoints: boolean;
}

/**
 * Class upper bounds: the distinct values split into at most five runs of about equal length (quantiles of the
 * distinct values, so two different values share a class only when there are more than five of them).
 */
export function classBounds(values: readonly bigint[]): bigint[] {
  const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const count = Math.min(MAX_CLASSES, distinct.length);
  const bounds: bigint[] = [];
  for (let i = 1; i <= count; i += 1) bounds.push(distinct[Math.ceil((i * distinct.length) / count) - 1]!);
  return bounds;
}

export function classOf(value: bigint, bounds: readonly bigint[]): number {
  const index = bounds.findIndex((bound) => value <= bound);
  return index === -1 ? bounds.length - 1 : index;
}

interface Placed {
  row: CompareLocality;
  ratio: bigint | null;
}

function stateOf(row: CompareLocality): string | null {
  if (!row.fips || !/^\d{5}$|^\d{7}$/.test(row.fips)) return null;
  return stateByFips(row.fips.slice(0, 2))?.code ?? null;
}

function spread(anchor: [number, number], index: number, count: number): [number, number] {
  if (count === 1) return anchor;
  const angle = (2 * Math.PI * index) / count - Math.PI / 2;
  return [Math.round((anchor[0] + SPREAD * Math.cos(angle)) * 10) / 10, Math.round((anchor[1] + SPREAD * Math.sin(angle)) * 10) / 10];
}

export function localityMapView(args: {
  fiscalYear: number;
  localities: readonly CompareLocality[];
  query: { map?: string | string[]; state?: string | string[] };
  shapesOf: (stateCode: string) => ProjectedState | null;
  /** Builds a link to the same page with another measure or state (the page keeps its other parameters). */
  hrefFor: (change: { map: string; state: string }) => string;
  words: ViewWords;
}): LocalityMapView {
  const { fiscalYear, localities, query, shapesOf, hrefFor, words } = args;
  const { t, locale } = words;
  const year = String(fiscalYear);
  const money = (cents: bigint) => formatCents(cents, { locale });
  const measure = chooseMeasure(MAP_MEASURES, query.map);
  const label = measureLabel(measure, words);
  const drawable = new Map<string, CompareLocality[]>();
  const notOnMap: string[] = [];
  for (const row of localities) {
    const state = stateOf(row);
    const shapes = state ? shapesOf(state) : null;
    const onMap = shapes && row.fips && (row.fips.length === 7 || shapes.counties.has(row.fips));
    if (!state || !onMap) {
      notOnMap.push(row.name);
      continue;
    }
    drawable.set(state, [...(drawable.get(state) ?? []), row]);
  }
  const states = [...drawable.keys()].sort();
  const requestedState = typeof query.state === 'string' ? query.state.toUpperCase() : '';
  const stateCode = states.includes(requestedState) ? requestedState : (states[0] ?? '');
  const measureLinks = MAP_MEASURES.map((m) => ({
    key: m.key,
    label: t('LocalityMapView.measureLink', { measure: measureLabel(m, words) }),
    href: hrefFor({ map: m.key, state: stateCode }),
    current: m.key === measure.key,
  }));
  const stateLinks =
    states.length > 1
      ? states.map((code) => ({ key: code, label: stateNameIn(code, locale), href: hrefFor({ map: measure.key, state: code }), current: code === stateCode }))
      : [];
  const shapes = stateCode ? shapesOf(stateCode) : null;
  const members = drawable.get(stateCode) ?? [];
  if (!shapes || members.length === 0) {
    return { map: null, measure, measureLabel: label, measureLinks, stateLinks, notOnMap, hasPoints: false };
  }

  const placed: Placed[] = members.map((row) => {
    const ratio = row.ratios.get(measure.key)?.resident;
    return { row, ratio: ratio?.kind === 'cents' ? ratio.cents : null };
  });
  const bounds = classBounds(placed.flatMap((p) => (p.ratio === null ? [] : [p.ratio])));
  const valued = placed.filter((p) => p.ratio !== null);
  const classes: MapClass[] = bounds.map((upper, index) => {
    const inClass = valued.filter((p) => classOf(p.ratio!, bounds) === index).map((p) => p.ratio!);
    const lower = inClass.reduce((min, v) => (v < min ? v : min), upper);
    return {
      id: `class-${index + 1}`,
      label: lower === upper ? money(upper) : t('LocalityMapView.classRange', { from: money(lower), to: money(upper) }),
      fill: CLASS_FILLS[index + (MAX_CLASSES - bounds.length)]!,
    };
  });
  const anyNoData = placed.some((p) => p.ratio === null);
  if (anyNoData) classes.push({ id: 'none', label: t('LocalityMapView.noData'), fill: NO_DATA_FILL });

  const what = measureInSentence(measure, words);
  const item = (p: Placed, placement: string): MapItem => {
    const cls = p.ratio === null ? classes.at(-1)! : classes[classOf(p.ratio, bounds)]!;
    const valueText = p.ratio === null ? t('LocalityMapView.notEnough') : money(p.ratio);
    return {
      key: p.row.slug,
      name: p.row.name,
      href: localizedHref(locale, `/l/${p.row.slug}?fy=${fiscalYear}`),
      classId: cls.id,
      classLabel: cls.label,
      fill: cls.fill,
      valueText,
      placement,
      ariaLabel: t('LocalityMapView.ariaLabel', { name: p.row.name, value: valueText, what, year }),
    };
  };

  const countyShapes: MapShape[] = [];
  const anchored = new Map<string, { p: Placed; placement: string; anchor: [number, number] }[]>();
  for (const p of placed) {
    const county = p.row.fips!.length === 5 ? shapes.counties.get(p.row.fips!) : undefined;
    if (county) {
      countyShapes.push({ ...item(p, t('LocalityMapView.countyShape')), d: county.d });
      continue;
    }
    const parent = p.row.parentFips ? shapes.counties.get(p.row.parentFips) : undefined;
    const placement = parent ? t('LocalityMapView.pointInCounty', { county: parent.name }) : t('LocalityMapView.pointInState');
    const anchor = parent ? parent.centroid : shapes.centroid;
    const key = anchor.join(',');
    anchored.set(key, [...(anchored.get(key) ?? []), { p, placement, anchor }]);
  }
  const points: MapPoint[] = [...anchored.values()].flatMap((group) =>
    group.map(({ p, placement, anchor }, index) => {
      const [cx, cy] = spread(anchor, index, group.length);
      return { ...item(p, placement), cx, cy };
    }),
  );
  const shapedFips = new Set(placed.map((p) => p.row.fips));
  const ratioOf = new Map(placed.map((p) => [p.row.slug, p.ratio]));
  // Highest value first, then those without data, by name: the order of the legend read from the top.
  const byValue = (a: MapItem, b: MapItem) => {
    const [x, y] = [ratioOf.get(a.key) ?? null, ratioOf.get(b.key) ?? null];
    if (x !== null && y !== null && x !== y) return x > y ? -1 : 1;
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    return a.name.localeCompare(b.name, 'en');
  };
  const table: MapItem[] = [...countyShapes, ...points]
    .map(({ key, name, href, classId, classLabel, fill, valueText, placement, ariaLabel }) => ({
      key, name, href, classId, classLabel, fill, valueText, placement, ariaLabel,
    }))
    .sort(byValue);
  const stateName = stateNameIn(stateCode, locale);
  const ranked = table.filter((row) => row.classId !== 'none');
  const top = { count: ranked.length, state: stateName, what, year, top: ranked[0]?.name ?? '', topValue: ranked[0]?.valueText ?? '' };
  const summary =
    ranked.length === 0
      ? t('LocalityMapView.summaryNone', { state: stateName, year })
      : ranked.length === 1
        ? t('LocalityMapView.summaryOne', top)
        : t('LocalityMapView.summary', { ...top, bottom: ranked.at(-1)!.name, bottomValue: ranked.at(-1)!.valueText });
  return {
    map: {
      stateCode,
      stateName,
      width: shapes.width,
      height: shapes.height,
      outline: shapes.outline,
      background: [...shapes.counties.values()].filter((c) => !shapedFips.has(c.fips)).map((c) => c.d),
      shapes: countyShapes,
      points,
      classes,
      title: t('LocalityMapView.title', { measure: label, state: stateName, year }),
      summary,
      table,
    },
    measure,
    measureLabel: label,
    measureLinks,
    stateLinks,
    notOnMap,
    hasPoints: points.length > 0,
  };
}
