/**
 * Reference data Abate ships with: category frameworks, their crosswalk, the names real reports use for their
 * categories, and funding sources.
 */
export * from './category-names';
export * from './frameworks';
export * from './funding-sources';
