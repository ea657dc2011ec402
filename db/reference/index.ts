/** Reference data Abate ships with: category frameworks, their crosswalk, and funding sources. */
export * from './frameworks';
export * from './funding-sources';
