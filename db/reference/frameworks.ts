/**
 * The category frameworks Abate ships, and the crosswalk between them. Each framework lives in its own file; this
 * module is the single import for loaders and tests.
 */
import { EXHIBIT_E } from './exhibit-e';
import { HEALTH_FIRST } from './health-first';
import { NC_STRATEGIES } from './nc-strategies';
import type { CategoryDef, FrameworkDef } from './types';

export { CROSSWALK, CROSSWALK_TABLES, crosswalkTarget } from './crosswalk';
export { EXHIBIT_E } from './exhibit-e';
export { HEALTH_FIRST } from './health-first';
export { NC_STRATEGIES } from './nc-strategies';
export { UNCLASSIFIED_KEY, UNCLASSIFIED_LABEL, UNMAPPED_LABEL } from './types';
export type { CategoryDef, CrosswalkDef, FrameworkDef, Stance } from './types';

/** Health-first first: it is the public view every locality's spending is shown in. */
export const FRAMEWORKS: readonly FrameworkDef[] = [HEALTH_FIRST, EXHIBIT_E, NC_STRATEGIES];

export function findFramework(key: string): FrameworkDef | undefined {
  return FRAMEWORKS.find((framework) => framework.key === key);
}

export function findCategory(frameworkKey: string, categoryKey: string): CategoryDef | undefined {
  return findFramework(frameworkKey)?.categories.find((category) => category.key === categoryKey);
}
