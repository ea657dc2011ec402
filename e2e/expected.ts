import fs from 'node:fs';
import path from 'node:path';

export const EXPECTED_FILE = path.resolve('.e2e-data/expected.json');

/** Figures read from the test database by e2e/serve.ts before the server started. */
export interface ExpectedFigures {
  /** `${slug}:${fiscalYear}` → health-first category key → allocated cents (approved lines). */
  allocatedByCategory: Record<string, Record<string, string>>;
}

export function readExpected(): ExpectedFigures {
  return JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) as ExpectedFigures;
}
