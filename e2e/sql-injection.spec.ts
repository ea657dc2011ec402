import crypto from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { appRoutes } from './helpers/page-routes';

/**
 * SQL injection over HTTP: every query parameter each page and API route reads, and every route parameter, with
 * each payload. The answer is 200, 400 or 404 — never a server error — and the database looks the same afterwards
 * (the open-data CSVs of every locality, the API's localities and the audit log's count, read before and after).
 * The data-access layer has its own, finer sweep in lib/security/sql-injection.test.ts.
 */

/**
 * Five kinds of input, each in every place: text that closes a quote (and a parenthesis) and runs statements of its
 * own; a number followed by SQL, which a lenient number parser would read as the number; an escaped quote; a NUL byte;
 * and a value far longer than any field. The SQL of the first two carries what four payloads carried before
 * (OR 1=1, DELETE, DROP, UNION, comments) at five-sevenths of the requests; the data-access layer's own sweep
 * (lib/security/sql-injection.test.ts) sends eighteen payloads to every query without HTTP in between.
 */
const PAYLOADS = [
  "') OR 1=1; DELETE FROM audit_log; --",
  '1 UNION SELECT password_hash FROM users; DROP TABLE allocations; --',
  '%27',
  '\u0000',
  'a'.repeat(6000),
];

const SLUG = 'cedarholm-county';
const FY = 'fy=2026';

/**
 * Route pattern → one real URL (with {slug}/{id} where a route parameter goes), who asks, and the query
 * parameters the page reads (from its searchParams parsing). Every page on disk must be here.
 */
type Who = 'public' | 'admin' | 'editor' | 'reviewer';
interface Target {
  url: string;
  /** The demo admin, or Cedarholm's demo editor or reviewer (the board pages are the board's). */
  as: Who;
  query: string[];
  /** Route parameters in the URL, replaced by each payload in turn. */
  routeParams: Record<string, string>;
}

const PAGE_TARGETS: Record<string, Target> = {
  '/': { url: '/', as: 'public', query: ['fy', 'map', 'state'], routeParams: {} },
  '/l/[slug]': { url: `/l/{slug}?${FY}`, as: 'public', query: ['fy', 'framework', 'category', 'recipient_type', 'q', 'sort'], routeParams: { slug: SLUG } },
  '/l/[slug]/equity': { url: `/l/{slug}/equity?${FY}`, as: 'public', query: ['fy'], routeParams: { slug: SLUG } },
  '/l/[slug]/outcomes': { url: `/l/{slug}/outcomes?${FY}`, as: 'public', query: ['fy'], routeParams: { slug: SLUG } },
  '/l/[slug]/lines/[id]': { url: '/l/{slug}/lines/{id}', as: 'public', query: [], routeParams: { slug: SLUG, id: 'first-public-line' } },
  '/categories': { url: '/categories', as: 'public', query: ['framework', 'fy'], routeParams: {} },
  '/categories/[framework]/[key]': {
    url: `/categories/{framework}/{key}?${FY}`,
    as: 'public',
    query: ['fy'],
    routeParams: { framework: 'health-first', key: 'moud' },
  },
  '/compare': { url: `/compare?${FY}`, as: 'public', query: ['fy', 'measure', 'per', 'map', 'state'], routeParams: {} },
  '/sign-in': { url: '/sign-in', as: 'public', query: ['next', 'signedOut'], routeParams: {} },
  '/set-password/[token]': { url: '/set-password/{token}', as: 'public', query: [], routeParams: { token: 'not-a-real-link' } },
  '/staff': { url: '/staff', as: 'admin', query: ['passwordSet'], routeParams: {} },
  '/staff/account': { url: '/staff/account', as: 'admin', query: [], routeParams: {} },
  '/staff/audit': { url: '/staff/audit', as: 'admin', query: ['locality', 'user', 'entity', 'record', 'from', 'to', 'page'], routeParams: {} },
  '/staff/users': { url: '/staff/users', as: 'admin', query: [], routeParams: {} },
  '/staff/l/[slug]': { url: '/staff/l/{slug}', as: 'admin', query: [], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/allocations': {
    url: '/staff/l/{slug}/allocations',
    as: 'admin',
    query: ['page', 'size', 'sort', 'dir', 'q', 'fy', 'status', 'category', 'rtype', 'deleted'],
    routeParams: { slug: SLUG },
  },
  '/staff/l/[slug]/allocations/[id]': { url: '/staff/l/{slug}/allocations/{id}', as: 'admin', query: [], routeParams: { slug: SLUG, id: 'first-public-line' } },
  '/staff/l/[slug]/allocations/[id]/edit': {
    url: '/staff/l/{slug}/allocations/{id}/edit',
    as: 'admin',
    query: [],
    routeParams: { slug: SLUG, id: 'first-public-line' },
  },
  '/staff/l/[slug]/allocations/new': { url: '/staff/l/{slug}/allocations/new', as: 'admin', query: [], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/expenditures': {
    url: '/staff/l/{slug}/expenditures',
    as: 'admin',
    query: ['page', 'size', 'sort', 'dir', 'q', 'fy', 'allocation', 'saved', 'deleted'],
    routeParams: { slug: SLUG },
  },
  '/staff/l/[slug]/expenditures/[id]/edit': { url: '/staff/l/{slug}/expenditures/{id}/edit', as: 'admin', query: [], routeParams: { slug: SLUG, id: '1' } },
  '/staff/l/[slug]/expenditures/new': { url: '/staff/l/{slug}/expenditures/new', as: 'admin', query: ['allocation'], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/receipts': {
    url: '/staff/l/{slug}/receipts',
    as: 'admin',
    query: ['page', 'size', 'sort', 'dir', 'q', 'fy', 'saved', 'deleted'],
    routeParams: { slug: SLUG },
  },
  '/staff/l/[slug]/receipts/[id]/edit': { url: '/staff/l/{slug}/receipts/{id}/edit', as: 'admin', query: [], routeParams: { slug: SLUG, id: '1' } },
  '/staff/l/[slug]/receipts/new': { url: '/staff/l/{slug}/receipts/new', as: 'admin', query: [], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/import': { url: '/staff/l/{slug}/import', as: 'admin', query: [], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/review': { url: '/staff/l/{slug}/review', as: 'reviewer', query: ['fy', 'decided', 'q', 'flag', 'sort', 'dir', 'page', 'size', 'hide'], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/board': { url: '/staff/l/{slug}/board', as: 'reviewer', query: ['fy'], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/outcomes': { url: '/staff/l/{slug}/outcomes', as: 'editor', query: ['done'], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/outcomes/[id]/edit': { url: '/staff/l/{slug}/outcomes/{id}/edit', as: 'editor', query: [], routeParams: { slug: SLUG, id: 'first-outcome' } },
  '/staff/l/[slug]/goals': { url: '/staff/l/{slug}/goals', as: 'reviewer', query: ['fy', 'saved', 'deleted'], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/context': { url: '/staff/l/{slug}/context', as: 'editor', query: ['fy', 'saved'], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/reports': { url: '/staff/l/{slug}/reports', as: 'editor', query: ['report', 'fy', 'filed'], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/reports/figure': { url: '/staff/l/{slug}/reports/figure?report=nc-annual-financial-report&fy=2025&section=summary&row=received&column=amount', as: 'editor', query: ['report', 'fy', 'section', 'row', 'column'], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/fund': { url: '/staff/l/{slug}/fund', as: 'editor', query: ['saved'], routeParams: { slug: SLUG } },
  '/staff/l/[slug]/settlements': { url: '/staff/l/{slug}/settlements', as: 'editor', query: ['saved'], routeParams: { slug: SLUG } },
  '/l/[slug]/money-in': { url: '/l/{slug}/money-in', as: 'public', query: [], routeParams: { slug: SLUG } },
  '/l/[slug]/decisions': { url: '/l/{slug}/decisions', as: 'public', query: ['fy', 'decision', 'page'], routeParams: { slug: SLUG } },
  '/staff/localities': { url: '/staff/localities', as: 'admin', query: ['created', 'saved'], routeParams: {} },
  '/staff/localities/new': { url: '/staff/localities/new', as: 'admin', query: ['state', 'kind'], routeParams: {} },
  '/staff/localities/[slug]/edit': { url: '/staff/localities/{slug}/edit', as: 'admin', query: [], routeParams: { slug: SLUG } },
};

/** GET route handlers: their query parameters are read from the API's own "this endpoint takes …" answer. */
const ROUTE_TARGETS: Record<string, { url: string; as: 'public' | 'admin'; routeParams: Record<string, string>; query?: string[] } | 'changes data'> = {
  '/api/health': { url: '/api/health', as: 'public', routeParams: {}, query: [] },
  '/api/v1/categories': { url: '/api/v1/categories', as: 'public', routeParams: {} },
  '/api/v1/localities': { url: '/api/v1/localities', as: 'public', routeParams: {} },
  '/api/v1/localities/[slug]': { url: '/api/v1/localities/{slug}', as: 'public', routeParams: { slug: SLUG } },
  '/api/v1/localities/[slug]/allocations': { url: '/api/v1/localities/{slug}/allocations', as: 'public', routeParams: { slug: SLUG } },
  '/api/v1/localities/[slug]/equity': { url: '/api/v1/localities/{slug}/equity', as: 'public', routeParams: { slug: SLUG } },
  '/api/v1/localities/[slug]/reports/[report]': { url: '/api/v1/localities/{slug}/reports/{report}', as: 'public', routeParams: { slug: SLUG, report: 'nc-annual-financial-report' }, query: ['fy', 'format'] },
  '/api/v1/localities/[slug]/fund': { url: '/api/v1/localities/{slug}/fund', as: 'public', routeParams: { slug: SLUG } },
  '/api/v1/localities/[slug]/outcomes': { url: '/api/v1/localities/{slug}/outcomes', as: 'public', routeParams: { slug: SLUG } },
  '/api/v1/localities/[slug]/expenditures': { url: '/api/v1/localities/{slug}/expenditures', as: 'public', routeParams: { slug: SLUG } },
  '/api/v1/localities/[slug]/receipts': { url: '/api/v1/localities/{slug}/receipts', as: 'public', routeParams: { slug: SLUG } },
  '/api/v1/localities/[slug]/summary': { url: '/api/v1/localities/{slug}/summary', as: 'public', routeParams: { slug: SLUG } },
  // A static document: it reads no parameter and ignores any.
  '/api/v1/openapi.json': { url: '/api/v1/openapi.json', as: 'public', routeParams: {}, query: ['zz'] },
  '/data/[scope]/[file]': { url: '/data/{scope}/{file}', as: 'public', routeParams: { scope: SLUG, file: 'allocations.csv' }, query: [] },
  // The feed reads no query parameter and ignores any.
  '/l/[slug]/feed.xml': { url: '/l/{slug}/feed.xml', as: 'public', routeParams: { slug: SLUG }, query: ['zz'] },
  '/staff/l/[slug]/allocations/export': {
    url: '/staff/l/{slug}/allocations/export',
    as: 'admin',
    routeParams: { slug: SLUG },
    query: ['sort', 'dir', 'q', 'fy', 'status', 'category', 'rtype'],
  },
  '/staff/l/[slug]/expenditures/export': { url: '/staff/l/{slug}/expenditures/export', as: 'admin', routeParams: { slug: SLUG }, query: ['sort', 'dir', 'q', 'fy', 'allocation'] },
  '/staff/audit/export': { url: '/staff/audit/export', as: 'admin', routeParams: {}, query: ['locality', 'user', 'entity', 'record', 'from', 'to', 'format'] },
  '/staff/l/[slug]/receipts/export': { url: '/staff/l/{slug}/receipts/export', as: 'admin', routeParams: { slug: SLUG }, query: ['sort', 'dir', 'q', 'fy'] },
  // POST only, refused from other sites before anything is read: app/route-handlers-origin.test.ts.
  '/staff/l/[slug]/import/commit': 'changes data',
  '/staff/l/[slug]/import/preview': 'changes data',
};

test('every page and route handler on disk is in the SQL-injection sweep', () => {
  expect(Object.keys(PAGE_TARGETS).sort()).toEqual(appRoutes('page'));
  expect(Object.keys(ROUTE_TARGETS).sort()).toEqual(appRoutes('route'));
});

async function signedInRequest(browser: Browser, role: 'admin' | 'editor' | 'reviewer'): Promise<APIRequestContext> {
  const user = DEMO_USERS.find((u) => u.role === role && (u.role === 'admin' || u.locality === SLUG))!;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in?next=/staff');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(user.name);
  return context.request;
}

/** What the database holds, as far as HTTP can see: every locality's open data in full, and the audit log's size. */
async function fingerprint(publicRequest: APIRequestContext, admin: APIRequestContext): Promise<string> {
  const hash = crypto.createHash('sha256');
  const pkg = (await (await publicRequest.get('/data/all/datapackage.json')).json()) as { resources: { path: string }[] };
  for (const resource of pkg.resources) {
    const response = await publicRequest.get(`/data/all/${resource.path}`);
    expect(response.status()).toBe(200);
    hash.update(`${resource.path}\n${await response.text()}\n`);
  }
  const localities = await publicRequest.get('/api/v1/localities');
  hash.update(await localities.text());
  const audit = await admin.get('/staff/audit');
  // React separates adjacent text in server HTML with empty comments.
  const count = /([\d,]+) changes?; page/.exec((await audit.text()).replaceAll('<!-- -->', ''));
  expect(count, 'the audit page says how many changes it holds').not.toBeNull();
  hash.update(`audit:${count![1]}`);
  return hash.digest('hex');
}

function fill(url: string, params: Record<string, string>): string {
  return url.replace(/\{(\w+)\}/g, (_all, name: string) => encodeURIComponent(params[name]!));
}

function withQuery(url: string, name: string, value: string): string {
  const [path, search = ''] = url.split('?');
  const query = new URLSearchParams(search);
  query.set(name, value);
  return `${path}?${query.toString()}`;
}

/** Every URL of a target with one payload in one place: each query parameter, then each route parameter. */
function attacks(target: { url: string; routeParams: Record<string, string> }, query: string[]): string[] {
  const urls: string[] = [];
  for (const payload of PAYLOADS) {
    const base = fill(target.url, target.routeParams);
    for (const name of query) urls.push(withQuery(base, name, payload));
    for (const name of Object.keys(target.routeParams)) urls.push(fill(target.url, { ...target.routeParams, [name]: payload }));
  }
  return urls;
}

async function expectNoServerError(client: APIRequestContext, url: string): Promise<void> {
  const response = await client.get(url, { maxRedirects: 0 });
  const status = response.status();
  expect([200, 400, 404, 307, 308], `${url.slice(0, 160)} answered ${status}`).toContain(status);
  if (status === 200 && (response.headers()['content-type'] ?? '').includes('text/html')) {
    const html = await response.text();
    // No database message reaches the page (a caught error shown as text would still be a leak).
    expect(html, url.slice(0, 160)).not.toMatch(/syntax error at or near|invalid byte sequence|unterminated quoted string|Failed query/i);
  }
}

test('pages: every filter, search and route parameter with each payload, and the database unchanged', async ({ browser, request }) => {
  test.setTimeout(900_000);
  const admin = await signedInRequest(browser, 'admin');
  const clients: Record<Who, APIRequestContext> = {
    public: request,
    admin,
    editor: await signedInRequest(browser, 'editor'),
    reviewer: await signedInRequest(browser, 'reviewer'),
  };
  const before = await fingerprint(request, admin);
  let sent = 0;

  // A real public line for the pages that take an id.
  const lines = (await (await request.get(`/api/v1/localities/${SLUG}/allocations?limit=1`)).json()) as { data: { id: number }[] };
  const lineId = String(lines.data[0]!.id);
  // A real outcome for its edit page (the page answers for any status: a form, or why there is none).
  const outcomes = (await (await request.get(`/api/v1/localities/${SLUG}/outcomes?${FY}`)).json()) as { outcomes: { id: number }[] };
  const outcomeId = String(outcomes.outcomes[0]!.id);
  const stand: Record<string, string> = { 'first-public-line': lineId, 'first-outcome': outcomeId };

  for (const [route, target] of Object.entries(PAGE_TARGETS)) {
    const routeParams = Object.fromEntries(Object.entries(target.routeParams).map(([k, v]) => [k, stand[v] ?? v]));
    // The page itself answers 200 before any payload, so a 404 below is the payload's doing.
    const plain = await clients[target.as].get(fill(target.url, routeParams), { maxRedirects: 0 });
    expect(plain.status(), route).toBe(200);
    for (const url of attacks({ ...target, routeParams }, target.query)) {
      await expectNoServerError(clients[target.as], url);
      sent += 1;
    }
  }
  console.log(`SQL injection through page URLs: ${sent} requests, none answered 500`);

  // Search text is matched as text: the public lines filter finds nothing for a payload, not every line.
  const locality = await (await request.get(`/l/${SLUG}?${FY}&q=${encodeURIComponent("' OR 1=1 --")}`)).text();
  expect(locality.replaceAll('<!-- -->', '')).toMatch(/Showing 0 of [\d,]+ approved lines\.|No approved line matches these filters\./);
  const staffList = await (await admin.get(`/staff/l/${SLUG}/allocations?q=${encodeURIComponent("' OR 1=1 --")}`)).text();
  expect(staffList).not.toContain('data-allocation-id');

  expect(await fingerprint(request, admin)).toBe(before);
});

test('API, downloads and exports: every query and route parameter with each payload, and the database unchanged', async ({
  browser,
  request,
}) => {
  test.setTimeout(600_000);
  const admin = await signedInRequest(browser, 'admin');
  const before = await fingerprint(request, admin);
  let sent = 0;
  for (const [route, target] of Object.entries(ROUTE_TARGETS)) {
    if (target === 'changes data') continue;
    const client = target.as === 'admin' ? admin : request;
    let query = target.query;
    if (!query) {
      // The API refuses unknown parameters and lists the ones it takes.
      const answer = await client.get(withQuery(fill(target.url, target.routeParams), 'zz_unknown', '1'));
      expect(answer.status(), route).toBe(400);
      const message = ((await answer.json()) as { error: { message: string } }).error.message;
      query = /this endpoint takes (.+)\.$/.exec(message)?.[1]?.split(', ') ?? [];
    }
    // One year's figures, not a list: the summary, the equity measures, the fund and the outcomes take no cursor or limit.
    if (route.includes('/localities/[slug]/') && !/\/(summary|equity|fund|outcomes|\[report\])$/.test(route)) {
      expect(query, route).toEqual(expect.arrayContaining(['fy', 'cursor', 'limit']));
    }
    for (const url of attacks(target, query)) {
      const response = await client.get(url);
      expect([200, 400, 404], `${url.slice(0, 160)} answered ${response.status()}`).toContain(response.status());
      if (response.status() !== 200 && (response.headers()['content-type'] ?? '').includes('json')) {
        const body = JSON.stringify(await response.json());
        expect(body, url.slice(0, 160)).not.toMatch(/syntax error|invalid byte sequence|Failed query|select |pglite|postgres/i);
      }
      sent += 1;
    }
  }
  console.log(`SQL injection through API, download and export URLs: ${sent} requests, none answered 500`);
  expect(await fingerprint(request, admin)).toBe(before);
});
