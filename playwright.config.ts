import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';

const PORT = Number(process.env.ABATE_E2E_PORT ?? 3100);

/**
 * Two servers, each with its own embedded database (the same demo data and hostile locality, from e2e/serve.ts), and
 * one project of spec files for each. A server serves one test at a time, as before; the two run side by side.
 * The first server (project `chromium`) takes every spec not listed in SECOND_SERVER_SPECS, including the ones that
 * read the figures and ids e2e/serve.ts wrote (e2e/expected.ts, e2e/helpers/hostile-data.ts read the first server's).
 * The list splits the run in halves of about equal time (durations from .test-reports/playwright.json); the specs
 * on it start their own servers on PORT+1…+5 (two-servers, onboarding) or use only the demo data.
 */
const SECOND_SERVER_SPECS = [
  'board-review',
  'role-day',
  'public-a11y',
  'staff-money',
  'onboarding',
  'home-page',
  'staff-import',
  'two-servers',
  'sign-in',
  'fund-and-reports',
].map((name) => `**/${name}.spec.ts`);
const SERVERS = [
  { project: 'chromium', port: PORT, folder: '.e2e-data/1', testIgnore: SECOND_SERVER_SPECS },
  { project: 'chromium-2', port: PORT + 10, folder: '.e2e-data/2', testMatch: SECOND_SERVER_SPECS },
];


export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One worker per server: a server's tests share its database and run one at a time.
  workers: SERVERS.length,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Timeouts stop a hung test; they do not time one. `npm test` runs these beside Vitest and the fault tests on two
  // cores, several times oversubscribed, where a 40-s test here takes half as long again (2026-12-07).
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '.test-reports/playwright.json' }]],
  use: {
    // A trace records screenshots of every test as it runs, a fifth of the run's CPU here; CI prints only its output
    // and keeps no files, so it records none there. Locally a failed test leaves its trace in test-results/.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: SERVERS.map(({ project, port, testIgnore, testMatch }) => ({
    name: project,
    workers: 1,
    ...(testIgnore ? { testIgnore } : { testMatch }),
    use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${port}` },
  })),
  webServer: SERVERS.map(({ port, folder }) => ({
    command: 'node_modules/.bin/tsx e2e/serve.ts',
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port), ABATE_E2E_FOLDER: folder },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  })),
});
