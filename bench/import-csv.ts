/**
 * Writes the CSV that scripts/bench-import.ts imports (bench/generate-import-csv.ts, a fixed seed) to a file:
 *
 *   tsx bench/import-csv.ts FILE ROWS
 */
import fs from 'node:fs';
import { generateCsv } from './generate-import-csv';

const [file, rowsArgument] = process.argv.slice(2);
const rows = Number(rowsArgument);
if (!file || !Number.isSafeInteger(rows) || rows <= 0) {
  console.error('usage: tsx bench/import-csv.ts FILE ROWS');
  process.exit(2);
}

fs.writeFileSync(file, generateCsv(rows));
