import { expect, test, type APIResponse } from '@playwright/test';
import Papa from 'papaparse';
import { readExpected } from './expected';

/**
 * The open data as a researcher meets it: the JSON API, its OpenAPI document, and the CSV downloads with their
 * Data Package, checked against each other and against what the database held when the server started.
 */

const SLUG = 'cedarholm-county';
const MONEY = { cents: expect.stringMatching(/^-?\d+$/), decimal: expect.stringMatching(/^-?\d+\.\d{2}$/) };

async function json<T = Record<string, unknown>>(response: APIResponse): Promise<T> {
  expect(response.headers()['content-type']).toContain('application/json');
  return (await response.json()) as T;
}

test('the API lists localities with exact money, caching headers and ETags', async ({ request }) => {
  const response = await request.get('/api/v1/localities');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('public, max-age=60');
  const etag = response.headers()['etag'];
  expect(etag).toMatch(/^".+"$/);
  const body = await json<{ data: { slug: string; links: { summary: string } }[]; next_cursor: string | null }>(response);
  expect(body.data.map((l) => l.slug)).toContain(SLUG);
  expect(body.next_cursor).toBeNull();

  const again = await request.get('/api/v1/localities', { headers: { 'If-None-Match': etag! } });
  expect(again.status()).toBe(304);

  const detail = await json<{ fiscal_years: number[]; links: Record<string, string> }>(
    await request.get(`/api/v1/localities/${SLUG}`),
  );
  expect(detail.fiscal_years.length).toBeGreaterThanOrEqual(2);
  expect(detail.links.datapackage).toBe(`/data/${SLUG}/datapackage.json`);
});

test('allocations come in pages whose cursors reach every line once, in the documented shape', async ({ request }) => {
  const first = await json<{ data: Record<string, unknown>[]; next_cursor: string | null }>(
    await request.get(`/api/v1/localities/${SLUG}/allocations?limit=5`),
  );
  expect(first.data).toHaveLength(5);
  expect(first.data[0]).toMatchObject({
    id: expect.any(Number),
    locality: SLUG,
    fiscal_year: expect.any(Number),
    program: expect.any(String),
    amount: MONEY,
    spent_to_date: MONEY,
    recipient: { name: expect.any(String), type: expect.any(String) },
    categories: { framework: 'health-first', parts: expect.any(Array) },
  });
  expect(first.next_cursor).not.toBeNull();

  const seen = new Set<number>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/v1/localities/${SLUG}/allocations?limit=40${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await json<{ data: { id: number }[]; next_cursor: string | null }>(await request.get(url));
    for (const line of page.data) {
      expect(seen.has(line.id)).toBe(false);
      seen.add(line.id);
    }
    cursor = page.next_cursor;
    pages += 1;
  } while (cursor && pages < 50);
  expect(pages).toBeGreaterThan(1);

  const csv = await (await request.get(`/data/${SLUG}/allocations.csv`)).text();
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  expect(new Set(rows.map((row) => Number(row.id)))).toEqual(seen);

  const expenditures = await json<{ data: Record<string, unknown>[] }>(
    await request.get(`/api/v1/localities/${SLUG}/expenditures?limit=1`),
  );
  expect(expenditures.data[0]).toMatchObject({ allocation_id: expect.any(Number), paid_on: expect.any(String), amount: MONEY });
  const categories = await json<{ data: { key: string }[] }>(await request.get('/api/v1/categories?framework=exhibit-e'));
  expect(categories.data.map((c) => c.key)).toContain('core-a');
});

test('a bad parameter is a 400 and an unknown locality a 404, both as JSON without internals', async ({ request }) => {
  const bad = await request.get(`/api/v1/localities/${SLUG}/summary?fy=abc`);
  expect(bad.status()).toBe(400);
  expect(await json(bad)).toEqual({ error: { code: 'invalid', message: expect.any(String), field: 'fy' } });

  const badList = await request.get(`/api/v1/localities/${SLUG}/allocations?fy=abc`);
  expect(badList.status()).toBe(400);

  const missing = await request.get('/api/v1/localities/no-such-place/allocations');
  expect(missing.status()).toBe(404);
  const body = await json<{ error: { code: string; message: string } }>(missing);
  expect(body).toEqual({ error: { code: 'not_found', message: expect.any(String), field: 'slug' } });
  expect(body.error.message).not.toMatch(/\n\s+at |\.ts:\d|select |postgres|pglite/i);

  expect((await request.get('/data/no-such-place/allocations.csv')).status()).toBe(404);
});

test('the CSV adds up to the summary, in every framework', async ({ request }) => {
  const expected = readExpected().allocatedByCategory;
  const csv = await request.get(`/data/${SLUG}/allocations.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toContain('attachment');
  const rows = Papa.parse<Record<string, string>>(await csv.text(), { header: true, skipEmptyLines: true }).data;

  for (const fy of [2025, 2026]) {
    const fromCsv = rows
      .filter((row) => row.fiscal_year === String(fy))
      .reduce((total, row) => total + BigInt(row.amount!.replace('.', '')), 0n);
    expect(fromCsv).toBeGreaterThan(0n);
    // What the database said before the server started (e2e/serve.ts).
    const fromDatabase = Object.values(expected[`${SLUG}:${fy}`] ?? {}).reduce((t, c) => t + BigInt(c), 0n);
    expect(fromCsv).toBe(fromDatabase);
    for (const framework of ['health-first', 'exhibit-e', 'nc-high-impact']) {
      const summary = await json<{
        totals: { allocated: { cents: string } };
        by_category: { allocated: { cents: string } }[];
      }>(await request.get(`/api/v1/localities/${SLUG}/summary?fy=${fy}&framework=${framework}`));
      expect(summary.totals.allocated.cents).toBe(fromCsv.toString());
      expect(summary.by_category.reduce((t, c) => t + BigInt(c.allocated.cents), 0n)).toBe(fromCsv);
    }
  }
});

// One test a scope, each with two minutes: CI once took over a minute for both scopes together (2026-12-06; each file
// is answered in milliseconds on a quiet machine). The time each file took is printed, so a slow one shows.
for (const scope of [SLUG, 'all']) {
  test(`downloads (${scope}): every CSV of the data package matches its schema and no text cell can run as a formula`, async ({ request }) => {
    test.setTimeout(120_000);
    const pkg = await json<{
      licenses: { name: string }[];
      resources: { path: string; schema: { fields: { name: string; type: string }[] } }[];
    }>(await request.get(`/data/${scope}/datapackage.json`));
    expect(pkg.licenses[0]!.name).toBe('ODC-PDDL-1.0');
    const took: string[] = [];
    for (const resource of pkg.resources) {
      const started = Date.now();
      const response = await request.get(`/data/${scope}/${resource.path}`);
      expect(response.status(), resource.path).toBe(200);
      const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
      took.push(`${resource.path} ${Date.now() - started} ms`);
      expect(parsed.meta.fields).toEqual(resource.schema.fields.map((f) => f.name));
      const textFields = resource.schema.fields.filter((f) => f.type === 'string').map((f) => f.name);
      // One assertion over every cell: an expect per cell is tens of thousands of traced steps, which under CI's load
      // ran this test past its time.
      const formulas = parsed.data.flatMap((row) => textFields.map((field) => row[field] ?? '')).filter((cell) => /^[=+\-@\t\r]/.test(cell));
      expect(formulas, resource.path).toEqual([]);
    }
    console.log(`downloads of ${scope}: ${took.join(', ')}`);
  });
}

test('the OpenAPI document is served and describes every endpoint', async ({ request }) => {
  const doc = await json<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>(
    await request.get('/api/v1/openapi.json'),
  );
  expect(doc.openapi).toBe('3.1.0');
  for (const path of ['/api/v1/localities', '/api/v1/localities/{slug}/summary', '/data/{scope}/allocations.csv']) {
    expect(Object.keys(doc.paths)).toContain(path);
  }
  expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Money', 'Locality', 'Allocation', 'Summary']));
});
