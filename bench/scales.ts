/** The named sizes `npm run bench -- --scale NAME` generates and measures. */

export type ScaleName = 'quick' | 'state' | 'national';
export type DriverName = 'pglite' | 'postgres';

export interface Scale {
  name: ScaleName;
  localities: number;
  /** Fiscal years per locality, ending with FY{LAST_FISCAL_YEAR}. */
  fiscalYears: number;
  allocations: number;
  expenditures: number;
  /** Payments in per locality and fiscal year. */
  receiptsPerYear: number;
  recipientsPerLocality: number;
  /** Rows of the CSV imported through the command line (figure 4 and the import under load). */
  importRows: number;
  /** Allocation lines of the one locality whose staff list is exported whole (CSV and XLSX), issue 14. */
  exportRows: number;
  /** Seconds of the 50-reader load (figure 5). */
  loadSeconds: number;
  /** Distinct locality pages (and API summaries) requested once each for the uncached figures. */
  uncachedSamples: number;
  /** Rounds over the cached pages for the cached figures. */
  cachedRounds: number;
  /** PostgreSQL: reads of the same pages after a change signal emptied the cache. */
  afterChangeSamples: number;
  drivers: readonly DriverName[];
}

export const LAST_FISCAL_YEAR = 2027;

/** A state's localities and their money, measured on both databases. */
const STATE: Scale = {
  name: 'state',
  localities: 200,
  fiscalYears: 18,
  allocations: 200_000,
  expenditures: 1_000_000,
  receiptsPerYear: 4,
  recipientsPerLocality: 30,
  importRows: 100_000,
  exportRows: 200_000,
  loadSeconds: 20,
  uncachedSamples: 60,
  cachedRounds: 10,
  afterChangeSamples: 20,
  drivers: ['pglite', 'postgres'],
};

export const SCALES: Record<ScaleName, Scale> = {
  quick: {
    name: 'quick',
    localities: 20,
    fiscalYears: 3,
    allocations: 5_000,
    expenditures: 20_000,
    receiptsPerYear: 4,
    recipientsPerLocality: 20,
    importRows: 2_000,
    exportRows: 5_000,
    loadSeconds: 8,
    uncachedSamples: 30,
    cachedRounds: 5,
    afterChangeSamples: 8,
    drivers: ['pglite', 'postgres'],
  },
  state: STATE,
  /** The state's measurements on a country's data: fifteen times the localities and allocation lines. */
  national: {
    ...STATE,
    name: 'national',
    localities: 3_000,
    allocations: 3_000_000,
    expenditures: 10_000_000,
    // An embedded database of this size is outside what the embedded default is for.
    drivers: ['postgres'],
  },
};

export function isScaleName(value: string): value is ScaleName {
  return value === 'quick' || value === 'state' || value === 'national';
}

export function fiscalYearsOf(scale: Scale): number[] {
  return Array.from({ length: scale.fiscalYears }, (_, i) => LAST_FISCAL_YEAR - scale.fiscalYears + 1 + i);
}
