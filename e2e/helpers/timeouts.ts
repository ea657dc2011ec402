/**
 * How long a step may wait on the server reading an uploaded file (a worker thread parses it, then the columns are
 * matched or the rows previewed). A second alone; `npm test` runs the browser tests beside Vitest and the fault tests on
 * two cores, where it has taken over 10 s (CI rehearsal 2026-12-07: onboarding's upload, the 10 s default passed).
 */
export const READ_FILE_TIMEOUT_MS = 45_000;
