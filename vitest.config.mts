import { defineConfig } from 'vitest/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TEST_FOLDERS = ['lib', 'db', 'app', 'scripts'];
const TEST_FILE = /\.test\.tsx?$/;

// A test file that opens a database imports one of these. It goes to the `db` project (PGlite and PostgreSQL, with
// db/testing/global-setup.ts); every other file to `unit`, which `npm run test:quick` runs alone. A unit file that
// opens a database anyway fails with a message that says so (db/testing/test-database.ts), it is not skipped.
const OPENS_A_DATABASE = /testing\/test-database|_testing\/surface-fixture|openDatabase|@electric-sql\/pglite/;

const root = import.meta.dirname;
const testFiles = TEST_FOLDERS.flatMap((folder) =>
  fs
    .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => TEST_FILE.test(file) && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/'))),
).sort();
// A database file that mocks a module (next/headers, for the server actions it calls) runs in a process of its own.
const MOCKS_A_MODULE = /\bvi\.mock\(/;
// Paths such as app/l/[slug]/… are globs to vitest: escape their special characters.
const asGlob = (file: string) => file.replace(/[[\]{}()*?!+@]/g, '\\$&');
const projectOf = (file: string): 'unit' | 'db' | 'db-isolated' => {
  const source = fs.readFileSync(path.join(root, file), 'utf8');
  if (!OPENS_A_DATABASE.test(source)) return 'unit';
  return MOCKS_A_MODULE.test(source) ? 'db-isolated' : 'db';
};
const filesOf = { unit: [] as string[], db: [] as string[], 'db-isolated': [] as string[] };
for (const file of testFiles) filesOf[projectOf(file)].push(asGlob(file));
const { unit: unitFiles, db: databaseFiles, 'db-isolated': isolatedDatabaseFiles } = filesOf;

export default defineConfig({
  resolve: { alias: { '@': path.resolve(root) } },
  test: {
    environment: 'node',
    // A timeout is there to stop a hung test, not to time one. CI runs these beside the browser and fault tests on
    // two cores, several times oversubscribed: a test of 11 s on a quiet machine took over 60 s there (2026-12-07).
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Test files wait on
    // databases and child processes often enough that one per core finishes sooner.
    maxWorkers: Math.max(1, os.availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: unitFiles.length ? unitFiles : ['no-unit-tests'],
          // The unit files share their worker's modules instead of importing them afresh per file: 72 → 29 CPU-seconds
          // for the 83 files here (most of it was importing). A unit file must therefore leave no module state behind
          // and mock nothing another file relies on (the one mock among them makes `server-only` a no-op).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: databaseFiles.length ? databaseFiles : ['no-database-tests'],
          globalSetup: ['./db/testing/global-setup.ts'],
          // Shared modules here too: a new process per file imported the app afresh and compiled PGlite's WebAssembly
          // again for each of the 64 files. Measured alone on this machine (2026-12-07): 662 → 422 CPU-seconds, 341 →
          // 221 s. Each file opens its own database; the module state that could carry an answer from one file's
          // database to the next (the public reads' cache) is emptied before each file (lib/testing/between-files.ts).
          isolate: false,
          setupFiles: ['./lib/testing/between-files.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db-isolated',
          include: isolatedDatabaseFiles.length ? isolatedDatabaseFiles : ['no-isolated-database-tests'],
          globalSetup: ['./db/testing/global-setup.ts'],
        },
      },
    ],
  },
});
