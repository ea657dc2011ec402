/**
 * Writes the CSV that scripts/bench-import.ts imports (its `generateCsv`, a fixed seed) to a file:
 *
 *   tsx bench/import-csv.ts FILE ROWS
 *
 * scripts/bench-import.ts runs its own benchmark as soon as it is loaded (`runCli(main)` at the bottom), so this
 * runs in its own process and, before loading it, puts a `runCli` that does nothing in the module cache in place of
 * scripts/run-cli.ts. Only `generateCsv` is used. When `generateCsv` moves to a module without that side effect,
 * import it from there instead and delete the stub.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [file, rowsArgument] = process.argv.slice(2);
const rows = Number(rowsArgument);
if (!file || !Number.isSafeInteger(rows) || rows <= 0) {
  console.error('usage: tsx bench/import-csv.ts FILE ROWS');
  process.exit(2);
}

const load = createRequire(__filename);
const runCliPath = load.resolve(path.resolve('scripts/run-cli'));
load.cache[runCliPath] = {
  id: runCliPath,
  filename: runCliPath,
  loaded: true,
  exports: { runCli: () => undefined },
} as unknown as NodeJS.Module;
const benchImport = load(path.resolve('scripts/bench-import')) as { generateCsv(rows: number): string };
fs.writeFileSync(file, benchImport.generateCsv(rows));
