import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layers (docs/architecture.md): `db/` opens the database and knows nothing above it; `lib/` holds the domain
 * (queries, services, views) and knows nothing of `app/` or of Next.js; `app/` is the thin web layer on top. An import
 * against that direction fails the lint stage of `npm test` (scripts/layers-lint.test.ts shows it does).
 *
 * KNOWN_EXCEPTIONS are the files that broke the rule when it was written (issue 16): every one has since moved into
 * its layer (the demo seed to lib/demo, the change listener's cache calls behind db/data-changes.ts, the two files that
 * read the request to app/_lib), so both lists are empty and may stay so.
 */
export const KNOWN_EXCEPTIONS = {
  db: [],
  lib: [],
};

const SOURCES = '**/*.{ts,tsx,mjs}';
// A test may reach across layers to drive what it tests (a privileges test signs a user in through lib/auth).
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const ABOVE_DB = ['@/lib', '@/lib/**', '@/app', '@/app/**', '**/lib/**', '**/app/**'];
const APP = ['@/app', '@/app/**', '**/app/**'];
const NEXT = ['next', 'next/**'];
// A service verb is a file named by what it does (lib/services/<domain>/create.ts, set-goal.ts, …; in import/, by
// what it imports). A verb may not import another verb of its domain: what two verbs share lives in a module that is
// not a verb (conflict.ts, change-status.ts, input.ts), so each verb reads whole and can change alone.
const SIBLING_VERBS = [
  './create', './update', './delete', './delete-*', './submit', './decide', './return-to-draft', './bulk', './record',
  './record-*', './review', './post', './set-*', './mark-*', './import-*', './allocations', './receipts', './expenditures',
  './outcomes', './context-file',
];
const SCHEMA = ['@/db/schema', '@/db/schema/**', '**/db/schema', '**/db/schema/**'];

function layerRule(message, groups) {
  return { 'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }] };
}

export const LAYER_MESSAGES = {
  db: 'db/ opens the database and knows nothing above it: no import from lib/, app/ or Next.js (docs/architecture.md).',
  lib: 'lib/ is the domain and knows nothing of the web layer: no import from app/ or Next.js (docs/architecture.md).',
  verbs: 'A service verb does not import another verb of its domain: move what they share into a module that is not a verb (docs/architecture.md).',
  app: 'app/ reads and writes through lib/ (queries and services), never the tables: no import from db/schema (docs/architecture.md).',
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', 'data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    files: [`db/${SOURCES}`],
    ignores: [...KNOWN_EXCEPTIONS.db, ...TESTS],
    rules: layerRule(LAYER_MESSAGES.db, [ABOVE_DB, NEXT]),
  },
  {
    files: [`lib/${SOURCES}`],
    ignores: [...KNOWN_EXCEPTIONS.lib, ...TESTS],
    rules: layerRule(LAYER_MESSAGES.lib, [APP, NEXT]),
  },
  {
    files: ['lib/services/*/*.ts'],
    ignores: [...KNOWN_EXCEPTIONS.lib, ...TESTS],
    // One rule entry per file: this one repeats the lib/ layer's patterns, which it replaces for these files.
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...[APP, NEXT].map((group) => ({ group, message: LAYER_MESSAGES.lib })),
            { group: SIBLING_VERBS, message: LAYER_MESSAGES.verbs },
          ],
        },
      ],
    },
  },
  {
    // The end-to-end and surface fixtures (app/_testing) build rows directly, as tests do.
    files: [`app/${SOURCES}`],
    ignores: ['app/_testing/**', ...TESTS],
    rules: layerRule(LAYER_MESSAGES.app, [SCHEMA]),
  },
];

export default config;
