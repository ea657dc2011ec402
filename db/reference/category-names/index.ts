/**
 * The names real reports use for the categories of the frameworks Abate ships, one file per framework, each name
 * tagged with where it comes from (sources.ts). The import's category resolver tries them after a category's own key
 * and label. A locality's own framework has no names here: it is matched by key and label.
 */
import { EXHIBIT_E_NAMES } from './exhibit-e';
import { HEALTH_FIRST_NAMES } from './health-first';
import { NC_HIGH_IMPACT_NAMES } from './nc-high-impact';
import type { CategoryName } from './types';

export { EXHIBIT_E_NAMES } from './exhibit-e';
export { HEALTH_FIRST_NAMES } from './health-first';
export { NC_HIGH_IMPACT_NAMES } from './nc-high-impact';
export { NAME_SOURCES, type NameSource, type NameSourceId } from './sources';
export { looseName, type CategoryName } from './types';

/** Framework key → the names real reports use for its categories. */
export const CATEGORY_NAMES: Readonly<Record<string, readonly CategoryName[]>> = {
  'health-first': HEALTH_FIRST_NAMES,
  'exhibit-e': EXHIBIT_E_NAMES,
  'nc-high-impact': NC_HIGH_IMPACT_NAMES,
};

/**
 * What reports write when they have no category: each resolves to the framework's "Other / not yet classified"
 * (the preferred framework's, else health-first's), never to a guessed one. "Other" is the Massachusetts FY2024
 * report's own row; the rest are what a spreadsheet's blank-ish cells say.
 */
export const UNCLASSIFIED_NAMES: readonly string[] = [
  'Other',
  'Others',
  'Other / not yet classified',
  'Not classified',
  'Not yet classified',
  'Unclassified',
  'Uncategorized',
  'Uncategorised',
  'No category',
  'N/A',
  'NA',
  'None',
  'TBD',
  'To be determined',
];
