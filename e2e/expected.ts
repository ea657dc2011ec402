import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder of one e2e server (playwright.config.ts starts two): its database (`abate/`) and what e2e/serve.ts
 * wrote before it started. e2e/serve.ts runs with ABATE_E2E_FOLDER set to its own; in the test workers it is
 * unset, and the files read are the first server's (project `chromium`, where the specs that read them run).
 */
export const SERVER_FOLDER = path.resolve(process.env.ABATE_E2E_FOLDER ?? '.e2e-data/1');

export const EXPECTED_FILE = path.join(SERVER_FOLDER, 'expected.json');

/** Figures read from the test database by e2e/serve.ts before the server started. */
export interface ExpectedFigures {
  /** `${slug}:${fiscalYear}` → health-first category key → allocated cents (approved lines). */
  allocatedByCategory: Record<string, Record<string, string>>;
}

export function readExpected(): ExpectedFigures {
  return JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) as ExpectedFigures;
}
