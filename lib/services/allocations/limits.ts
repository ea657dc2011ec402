/**
 * Limits of an allocation that both the form (a client component) and the services check. Kept apart from
 * input.ts, which talks to the database and cannot be bundled for the browser.
 */

/** The database's limit (allocations_last_fiscal_year_check): a multi-year line ends at most 20 years after it starts. */
export const MAX_AUTHORIZATION_YEARS = 20;
