/**
 * The public API and the downloads answer byte for byte what they answered when testing/api-golden.json was
 * recorded, for the demo database, on both drivers (issue #16: refactoring must not change what the public reads).
 * A body is what the route handler sends: JSON.stringify of the answer (app/_lib/open-data-http.ts), or the CSV stream.
 *
 * The clock of the test is fixed (FIXED_NOW: the idle-money flags and the default years read today's date), so what
 * the seed writes as "now" in JavaScript is that day; a timestamp the database writes with its own now() is replaced
 * by a marker. Everything else must match exactly.
 *
 * When a change to an answer is meant (a new field, a fixed figure), record the file again and review its diff:
 *   ABATE_RECORD_API_GOLDEN=1 npx vitest run lib/open-data/api-golden.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { invalidatePublic } from '@/lib/cache/public-cache';
import { equityApiAnswer } from '@/lib/equity/public';
import { REPORT_KEYS } from '@/lib/reports/index';
import { reportAnswer } from '@/lib/reports/api';
import {
  allocationsAnswer,
  categoriesAnswer,
  expendituresAnswer,
  localitiesAnswer,
  localityAnswer,
  receiptsAnswer,
  summaryAnswer,
} from './answers';
import { readStream } from './csv';
import { ALL, DOWNLOAD_FILES, openDownload } from './downloads';
import { spanishHeader } from './spanish-headers';
import { fundAnswer } from './fund-answer';
import { openApiDocument } from './openapi';
import { outcomesAnswer } from './outcomes-answer';
import { seedDemoData } from '@/lib/demo/seed-demo';

const GOLDEN_FILE = path.join(__dirname, 'testing', 'api-golden.json');
const RECORD = process.env.ABATE_RECORD_API_GOLDEN === '1';
/** A day inside the demo's years, so that the current fiscal year has data and a past one is closed. */
const FIXED_NOW = new Date('2026-12-01T17:00:00Z');
const YEARS = ['2025', '2026', '2027'];
/** The list answers' pages are read through with this page size, so the cursors are exercised too. */
const PAGE_SIZE = '25';

type Bodies = Record<string, string>;

/** A timestamp the database wrote with its own clock during the run becomes a marker; every other date stays. */
function withRunTimestampsMarked(body: string, runStartedAt: number): string {
  return body.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, (stamp) => {
    const at = Date.parse(stamp);
    return at >= runStartedAt - 60_000 && at <= vi.getRealSystemTime() + 60_000 ? '<written during the run>' : stamp;
  });
}

async function everyPage(request: string, load: (params: URLSearchParams) => Promise<{ next_cursor?: string | null }>, bodies: Bodies) {
  let cursor: string | null = null;
  for (let page = 1; ; page += 1) {
    const params = new URLSearchParams({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    const answer = await load(params);
    bodies[`${request} page ${page}`] = JSON.stringify(answer);
    cursor = answer.next_cursor ?? null;
    if (!cursor) return;
  }
}

/** The body of every public read: each list page, each locality's answers per year, each report, each download. */
async function publicBodies(db: Database): Promise<Bodies> {
  const bodies: Bodies = {};
  const json = async (request: string, answer: () => Promise<unknown>) => {
    try {
      bodies[request] = JSON.stringify(await answer());
    } catch (error) {
      // A refusal (a year a locality has no data for) is an answer too: its error body.
      bodies[request] = `error ${JSON.stringify(error instanceof Error ? { name: error.name, message: error.message } : error)}`;
    }
  };
  bodies['/api/v1/openapi.json'] = JSON.stringify(openApiDocument());
  await everyPage('/api/v1/categories', (params) => categoriesAnswer(db, params), bodies);
  const slugs: string[] = [];
  await everyPage(
    '/api/v1/localities',
    async (params) => {
      const page = await localitiesAnswer(db, params);
      slugs.push(...page.data.map((locality) => locality.slug));
      return page;
    },
    bodies,
  );
  for (const slug of slugs) {
    const base = `/api/v1/localities/${slug}`;
    await json(base, () => localityAnswer(db, slug, new URLSearchParams()));
    await everyPage(`${base}/allocations`, (params) => allocationsAnswer(db, slug, params), bodies);
    await everyPage(`${base}/expenditures`, (params) => expendituresAnswer(db, slug, params), bodies);
    await everyPage(`${base}/receipts`, (params) => receiptsAnswer(db, slug, params), bodies);
    await json(`${base}/fund`, () => fundAnswer(db, slug, new URLSearchParams()));
    for (const fy of YEARS) {
      const params = new URLSearchParams({ fy });
      await json(`${base}/summary?fy=${fy}`, () => summaryAnswer(db, slug, params));
      await json(`${base}/equity?fy=${fy}`, () => equityApiAnswer(db, slug, params));
      await json(`${base}/outcomes?fy=${fy}`, () => outcomesAnswer(db, slug, params));
      for (const report of REPORT_KEYS) {
        await json(`${base}/reports/${report}?fy=${fy}`, async () => {
          const answer = await reportAnswer(db, slug, report, params, FIXED_NOW);
          return answer.kind === 'json' ? answer.value : answer.filename;
        });
      }
    }
  }
  for (const scope of [ALL, ...slugs]) {
    for (const file of DOWNLOAD_FILES) {
      const download = await openDownload(db, scope, file);
      bodies[`/data/${scope}/${file}`] = download.kind === 'csv' ? await readStream(download.body) : JSON.stringify(download.value);
    }
  }
  return bodies;
}

describeEachDriver('the public API and downloads, byte for byte', (driver) => {
  let database: TestDatabase;
  let runStartedAt: number;
  beforeAll(async () => {
    runStartedAt = Date.now();
    // Only Date: the drivers' timers and sockets keep real time.
    vi.useFakeTimers({ toFake: ['Date'], now: FIXED_NOW });
    database = await createTestDatabase(driver);
    await prepareDatabase(database.handle, { demo: seedDemoData });
    invalidatePublic('*');
  }, 180_000);
  afterAll(async () => {
    vi.useRealTimers();
    invalidatePublic('*');
    await database?.drop();
  });

  it('answers every public read of the demo database as recorded', { timeout: 300_000 }, async () => {
    const raw = await publicBodies(database.handle.db);
    const bodies = Object.fromEntries(Object.entries(raw).map(([request, body]) => [request, withRunTimestampsMarked(body, runStartedAt)]));
    if (RECORD && driver === 'pglite') {
      fs.mkdirSync(path.dirname(GOLDEN_FILE), { recursive: true });
      fs.writeFileSync(GOLDEN_FILE, `${JSON.stringify(bodies, null, 1)}\n`);
    }
    const golden = JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8')) as Bodies;
    // The same requests, then the same body for each (compared one by one, so a failure names the request).
    expect(Object.keys(bodies)).toEqual(Object.keys(golden));
    for (const [request, body] of Object.entries(bodies)) expect(body, request).toBe(golden[request]);
    // The answers are real ones: the demo's localities, lines and money are in them.
    expect(Object.keys(bodies).filter((request) => request.endsWith('/allocations page 1')).length).toBeGreaterThan(1);
    expect(bodies['/data/all/allocations.csv']!.split('\r\n').length).toBeGreaterThan(20);
  });

  it('writes the Spanish CSVs with the same rows and a Spanish header row of the same columns', async () => {
    const db = database.handle.db;
    for (const file of DOWNLOAD_FILES.filter((name) => name.endsWith('.csv'))) {
      const [english, spanish] = await Promise.all(
        [{}, { spanishHeaders: true }].map(async (options) => {
          const download = await openDownload(db, ALL, file, options);
          if (download.kind !== 'csv') throw new Error(`${file} is not a CSV`);
          return { filename: download.filename, lines: (await readStream(download.body)).split('\r\n') };
        }),
      );
      expect(spanish!.filename, file).toBe(`abate-all-localities-${file.replace('.csv', '-es.csv')}`);
      expect(spanish!.lines.slice(1), file).toEqual(english!.lines.slice(1));
      const englishHeader = english!.lines[0]!.split(',');
      expect(spanish!.lines[0]!.split(','), file).toEqual(englishHeader.map((name) => spanishHeader(name)));
    }
  });
});
