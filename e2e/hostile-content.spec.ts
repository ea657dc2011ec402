import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import {
  HOSTILE_LOCALITY_NAME,
  HOSTILE_USERS,
  LONG_RTL,
  PAYLOADS,
  readHostileIds,
} from './helpers/hostile-data';
import { readAtom } from '../lib/open-data/testing/read-atom';
import { appRoutes } from './helpers/page-routes';

/**
 * Stored XSS: a locality whose every stored text is hostile (e2e/helpers/hostile-data.ts, loaded by e2e/serve.ts)
 * is shown on every page that can show it, to each kind of visitor. On every page: no dialog ever opens (the
 * Content Security Policy is bypassed here, so an injected handler would run rather than be blocked by it), no
 * element carries an on* attribute or a javascript: URL, no element the payloads would create exists, and the
 * hostile text is there as literal text. The pages are found on disk, so a new page without a visit fails.
 */

test.use({ bypassCSP: true });

type Who = 'public' | 'editor' | 'reviewer' | 'admin';
interface Visit {
  path: string;
  as: Who;
  /** Literal text the page must show (in its text or its form fields). */
  shows: string[];
}

const ALL_PAYLOADS = Object.values(PAYLOADS);
const NAME_PAYLOADS = [PAYLOADS.img, PAYLOADS.script, PAYLOADS.svg, PAYLOADS.template];
const H = readHostileIds();
const L = `/l/${H.slug}`;
const S = `/staff/l/${H.slug}`;
const FY = `fy=${H.fiscalYear}`;
const [lineA, lineB] = H.approved as [number, number];

/** Route pattern (the folders under app/) → the concrete pages visited. */
const PAGE_VISITS: Record<string, Visit[]> = {
  '/': [
    { path: '/', as: 'public', shows: NAME_PAYLOADS },
    { path: `/?${FY}`, as: 'public', shows: NAME_PAYLOADS },
  ],
  '/l/[slug]': [
    { path: `${L}?${FY}`, as: 'public', shows: ALL_PAYLOADS },
    { path: `${L}?${FY}&framework=exhibit-e`, as: 'public', shows: ALL_PAYLOADS },
    { path: `${L}?${FY}&framework=nc-high-impact&sort=allocated.desc`, as: 'public', shows: ALL_PAYLOADS },
    { path: `${L}?${FY}&category=moud&sort=program.asc`, as: 'public', shows: [PAYLOADS.img, PAYLOADS.js] },
    { path: `${L}?${FY}&recipient_type=law_enforcement`, as: 'public', shows: [PAYLOADS.markdown] },
    { path: `${L}?${FY}&q=${encodeURIComponent(PAYLOADS.img)}`, as: 'public', shows: [PAYLOADS.img] },
    { path: `${L}?${FY}&q=${encodeURIComponent(PAYLOADS.js)}`, as: 'public', shows: [PAYLOADS.js] },
  ],
  '/l/[slug]/lines/[id]': [
    // Line A's history shows the board's return reason, which is public.
    { path: `${L}/lines/${lineA}`, as: 'public', shows: [...ALL_PAYLOADS, 'Returned: '] },
    // Line B has a payment beyond what remained of it: its overspend reason (hostile) is public.
    { path: `${L}/lines/${lineB}`, as: 'public', shows: [...ALL_PAYLOADS, 'Overspent: '] },
  ],
  '/categories': [{ path: '/categories', as: 'public', shows: [] }],
  '/categories/[framework]/[key]': [
    { path: `/categories/health-first/law-enforcement?${FY}`, as: 'public', shows: NAME_PAYLOADS },
    { path: `/categories/health-first/moud?${FY}`, as: 'public', shows: NAME_PAYLOADS },
  ],
  '/compare': [{ path: `/compare?${FY}`, as: 'public', shows: NAME_PAYLOADS }],
  '/sign-in': [{ path: `/sign-in?next=${encodeURIComponent(PAYLOADS.js)}`, as: 'public', shows: [] }],
  // An unknown link: the page names nobody (lib/auth/password-setup-links.ts).
  '/set-password/[token]': [{ path: `/set-password/${encodeURIComponent(PAYLOADS.js)}`, as: 'public', shows: [] }],
  '/staff': [
    { path: '/staff', as: 'editor', shows: NAME_PAYLOADS },
    { path: '/staff', as: 'admin', shows: NAME_PAYLOADS },
  ],
  '/staff/account': [{ path: '/staff/account', as: 'editor', shows: ALL_PAYLOADS }],
  '/staff/audit': [
    { path: '/staff/audit', as: 'admin', shows: ALL_PAYLOADS },
    { path: `/staff/audit?locality=${H.slug}&entity=allocation`, as: 'admin', shows: ALL_PAYLOADS },
    { path: `/staff/audit?locality=${H.slug}&page=2`, as: 'admin', shows: [PAYLOADS.img] },
  ],
  '/staff/users': [{ path: '/staff/users', as: 'admin', shows: ALL_PAYLOADS }],
  '/staff/l/[slug]': [{ path: S, as: 'editor', shows: NAME_PAYLOADS }],
  '/staff/l/[slug]/allocations': [
    { path: `${S}/allocations`, as: 'editor', shows: ALL_PAYLOADS },
    { path: `${S}/allocations?status=returned&sort=program&dir=asc`, as: 'editor', shows: [PAYLOADS.img, PAYLOADS.script] },
    { path: `${S}/allocations?q=${encodeURIComponent(PAYLOADS.svg)}`, as: 'editor', shows: [PAYLOADS.svg] },
    { path: `${S}/allocations`, as: 'reviewer', shows: ALL_PAYLOADS },
  ],
  '/staff/l/[slug]/allocations/[id]': [
    ...[...H.approved, H.submitted, H.returned, H.backToDraft].map((id) => ({
      path: `${S}/allocations/${id}`,
      as: 'editor' as const,
      shows: id === lineB ? [PAYLOADS.markdown, PAYLOADS.template] : ALL_PAYLOADS,
    })),
    { path: `${S}/allocations/${lineA}`, as: 'reviewer', shows: [...ALL_PAYLOADS, 'Returned: ', 'Approved: '] },
  ],
  '/staff/l/[slug]/allocations/[id]/edit': [
    { path: `${S}/allocations/${H.returned}/edit`, as: 'editor', shows: ALL_PAYLOADS },
    { path: `${S}/allocations/${H.backToDraft}/edit`, as: 'editor', shows: ALL_PAYLOADS },
    { path: `${S}/allocations/${lineA}/edit`, as: 'editor', shows: [] },
  ],
  '/staff/l/[slug]/allocations/new': [{ path: `${S}/allocations/new`, as: 'editor', shows: [PAYLOADS.js, PAYLOADS.svg, PAYLOADS.img] }],
  '/staff/l/[slug]/expenditures': [
    { path: `${S}/expenditures`, as: 'editor', shows: ALL_PAYLOADS },
    { path: `${S}/expenditures?allocation=${lineA}`, as: 'editor', shows: ALL_PAYLOADS },
  ],
  '/staff/l/[slug]/expenditures/[id]/edit': H.expenditures.map((id, index) => ({
    path: `${S}/expenditures/${id}/edit`,
    as: 'editor' as const,
    shows: index === 0 ? ALL_PAYLOADS : [LONG_RTL.slice(0, 40)],
  })),
  '/staff/l/[slug]/expenditures/new': [{ path: `${S}/expenditures/new?allocation=${lineA}`, as: 'editor', shows: [PAYLOADS.img] }],
  '/staff/l/[slug]/receipts': [{ path: `${S}/receipts`, as: 'editor', shows: ALL_PAYLOADS }],
  '/staff/l/[slug]/receipts/[id]/edit': [{ path: `${S}/receipts/${H.receipt}/edit`, as: 'editor', shows: ALL_PAYLOADS }],
  '/staff/l/[slug]/receipts/new': [{ path: `${S}/receipts/new`, as: 'editor', shows: [] }],
  '/staff/l/[slug]/import': [{ path: `${S}/import`, as: 'editor', shows: NAME_PAYLOADS }],
  '/staff/l/[slug]/review': [{ path: `${S}/review?${FY}`, as: 'reviewer', shows: ALL_PAYLOADS }],
  '/staff/l/[slug]/board': [{ path: `${S}/board?${FY}`, as: 'reviewer', shows: ALL_PAYLOADS }],
  '/staff/l/[slug]/goals': [{ path: `${S}/goals?${FY}`, as: 'reviewer', shows: ALL_PAYLOADS }],
  '/staff/l/[slug]/context': [{ path: `${S}/context?${FY}`, as: 'editor', shows: ALL_PAYLOADS }],
  '/staff/l/[slug]/reports': [{ path: `${S}/reports?report=nc-annual-financial-report&fy=2025`, as: 'editor', shows: [] }],
  '/staff/l/[slug]/reports/figure': [{ path: `${S}/reports/figure?report=nc-annual-financial-report&fy=2025&section=summary&row=received&column=amount`, as: 'editor', shows: [] }],
  '/staff/l/[slug]/fund': [{ path: `${S}/fund`, as: 'editor', shows: NAME_PAYLOADS }],
  '/staff/l/[slug]/outcomes': [{ path: `${S}/outcomes`, as: 'editor', shows: ALL_PAYLOADS }],
  '/staff/l/[slug]/outcomes/[id]/edit': [{ path: `${S}/outcomes/${H.outcome}/edit`, as: 'editor', shows: ALL_PAYLOADS }],
  '/staff/l/[slug]/settlements': [{ path: `${S}/settlements`, as: 'editor', shows: NAME_PAYLOADS }],
  '/l/[slug]/money-in': [{ path: `${L}/money-in`, as: 'public', shows: NAME_PAYLOADS }],
  '/l/[slug]/decisions': [{ path: `${L}/decisions`, as: 'public', shows: [] }],
  '/l/[slug]/outcomes': [{ path: `${L}/outcomes?${FY}`, as: 'public', shows: [] }],
  // The goals' reasons (hostile) and the flags are on the equity page.
  '/l/[slug]/equity': [{ path: `${L}/equity?${FY}`, as: 'public', shows: [PAYLOADS.template, PAYLOADS.svg, PAYLOADS.markdown] }],
  '/staff/localities': [{ path: '/staff/localities', as: 'admin', shows: NAME_PAYLOADS }],
  '/staff/localities/new': [{ path: '/staff/localities/new?state=NC&kind=county', as: 'admin', shows: [] }],
  '/staff/localities/[slug]/edit': [{ path: `/staff/localities/${H.slug}/edit`, as: 'admin', shows: NAME_PAYLOADS }],
};

test('every page of the app has hostile-content visits (a new page must be added here)', () => {
  expect(Object.keys(PAGE_VISITS).sort()).toEqual(appRoutes('page'));
});

async function signedIn(browser: Browser, who: Who): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  if (who === 'public') return page;
  const user =
    who === 'admin' ? DEMO_USERS.find((u) => u.role === 'admin')! : who === 'editor' ? HOSTILE_USERS.editor : HOSTILE_USERS.reviewer;
  await page.goto('/sign-in?next=/staff');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The hostile display name comes back as the literal text it is.
  await expect(page.getByTestId('signed-in-as')).toHaveText(user.name);
  return page;
}

/** What the page shows a person: its rendered text and the values of its form fields. */
function literalText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const fields = [...document.querySelectorAll('input, textarea, select')].flatMap((el) =>
      el instanceof HTMLSelectElement
        ? [...el.options].map((o) => o.text)
        : el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
          ? [el.value]
          : [],
    );
    // Closed <details> hide their text from innerText; the text is there for whoever opens them.
    const hidden = [...document.querySelectorAll('details:not([open])')].map((d) => d.textContent ?? '');
    return [document.body.innerText, ...fields, ...hidden].join('\n');
  });
}

/** Everything in the DOM that stored text could have turned into markup or script. */
function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc']);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`<${el.tagName.toLowerCase()}> has ${attr.name}="${attr.value.slice(0, 60)}"`);
        if (urlAttributes.has(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value.replace(/[\u0000-\u001F]/g, ''))) {
          problems.push(`<${el.tagName.toLowerCase()}> has ${attr.name}="${attr.value.slice(0, 60)}"`);
        }
      }
    }
    for (const img of document.querySelectorAll('img')) if (img.getAttribute('src') === 'x') problems.push('an <img src=x> from the data');
    for (const script of document.querySelectorAll('script')) {
      if ((script.textContent ?? '').trim() === 'alert(1)') problems.push('a <script> from the data');
    }
    for (const svg of document.querySelectorAll('svg')) if (svg.hasAttribute('onload')) problems.push('an <svg onload> from the data');
    return problems;
  });
}

const byWho = new Map<Who, [string, Visit][]>();
for (const [route, visits] of Object.entries(PAGE_VISITS)) {
  for (const visit of visits) byWho.set(visit.as, [...(byWho.get(visit.as) ?? []), [route, visit]]);
}

for (const [who, visits] of byWho) {
  test(`hostile text stays text on every page, seen as ${who}`, async ({ browser }) => {
    test.setTimeout(30_000 + visits.length * 15_000);
    const page = await signedIn(browser, who);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    for (const [route, visit] of visits) {
      const label = `${route} → ${visit.path}`;
      const response = await page.goto(visit.path);
      expect(response?.status(), label).toBe(200);
      await page.waitForLoadState('networkidle');
      // Charts draw when they come near the screen: bring the whole page past the viewport so every part renders.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
      });
      await page.waitForLoadState('networkidle');
      expect(await injectedMarkup(page), label).toEqual([]);
      const text = await literalText(page);
      for (const literal of visit.shows) expect(text, `${label} shows ${literal} as text`).toContain(literal);
      expect(dialogs, label).toEqual([]);
    }
    console.log(`hostile content seen as ${who}: ${visits.length} page visits, no dialog, no injected markup`);
    await page.context().close();
  });
}

test('the checks above catch the payloads when a page does render them as markup', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/sign-in');
  // What a page that put stored text into innerHTML or an href would hold.
  await page.evaluate((payloads) => {
    const box = document.createElement('div');
    box.innerHTML = `${payloads.img}<a href="${payloads.js}">x</a><div title="${payloads.svg}"></div>`;
    document.body.append(box);
  }, PAYLOADS);
  await expect.poll(() => dialogs.length).toBeGreaterThan(0);
  const problems = await injectedMarkup(page);
  expect(problems).toEqual(
    expect.arrayContaining([expect.stringContaining('onerror'), expect.stringContaining('javascript:'), expect.stringContaining('onload')]),
  );
  expect(await literalText(page)).not.toContain(PAYLOADS.img);
});

// ---------------------------------------------------------------------------------------------------------------
// Route handlers that answer GET: the open data, the API and the staff exports carry the text as data, never as a
// document a browser would run.

const ROUTE_VISITS: Record<string, { paths: string[]; as: 'public' | 'editor' | 'admin' } | 'changes data'> = {
  '/api/health': { paths: ['/api/health'], as: 'public' },
  '/api/v1/categories': { paths: ['/api/v1/categories'], as: 'public' },
  '/api/v1/localities': { paths: ['/api/v1/localities'], as: 'public' },
  '/api/v1/localities/[slug]': { paths: [`/api/v1/localities/${H.slug}`], as: 'public' },
  '/api/v1/localities/[slug]/allocations': { paths: [`/api/v1/localities/${H.slug}/allocations`], as: 'public' },
  '/api/v1/localities/[slug]/equity': { paths: [`/api/v1/localities/${H.slug}/equity?${FY}`], as: 'public' },
  '/api/v1/localities/[slug]/expenditures': { paths: [`/api/v1/localities/${H.slug}/expenditures`], as: 'public' },
  '/api/v1/localities/[slug]/reports/[report]': { paths: [`/api/v1/localities/${H.slug}/reports/nc-annual-financial-report?fy=2025`], as: 'public' },
  '/api/v1/localities/[slug]/fund': { paths: [`/api/v1/localities/${H.slug}/fund`], as: 'public' },
  '/api/v1/localities/[slug]/outcomes': { paths: [`/api/v1/localities/${H.slug}/outcomes?${FY}`], as: 'public' },
  '/api/v1/localities/[slug]/receipts': { paths: [`/api/v1/localities/${H.slug}/receipts`], as: 'public' },
  '/api/v1/localities/[slug]/summary': { paths: [`/api/v1/localities/${H.slug}/summary?${FY}`], as: 'public' },
  '/api/v1/openapi.json': { paths: ['/api/v1/openapi.json'], as: 'public' },
  // Each datapackage.json lists its CSV files; the test follows it to every one.
  '/data/[scope]/[file]': { paths: [`/data/${H.slug}/datapackage.json`, '/data/all/datapackage.json'], as: 'public' },
  '/l/[slug]/feed.xml': { paths: [`${L}/feed.xml`], as: 'public' },
  '/staff/audit/export': { paths: [`/staff/audit/export?locality=${H.slug}`], as: 'admin' },
  '/staff/l/[slug]/allocations/export': { paths: [`${S}/allocations/export`], as: 'editor' },
  '/staff/l/[slug]/expenditures/export': { paths: [`${S}/expenditures/export`], as: 'editor' },
  '/staff/l/[slug]/receipts/export': { paths: [`${S}/receipts/export`], as: 'editor' },
  // POST only; refused from other sites (app/route-handlers-origin.test.ts) and answer JSON about the upload.
  '/staff/l/[slug]/import/commit': 'changes data',
  '/staff/l/[slug]/import/preview': 'changes data',
};

test('every route handler is listed for the hostile-content pass (a new one must be added here)', () => {
  expect(Object.keys(ROUTE_VISITS).sort()).toEqual(appRoutes('route'));
});

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

async function cellsOf(request: APIRequestContext, path: string): Promise<{ type: string; cells: string[] }> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const type = response.headers()['content-type'] ?? '';
  expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  const text = await response.text();
  if (type.includes('json')) return { type, cells: allStrings(JSON.parse(text)) };
  if (type.includes('atom+xml')) {
    // A strict XML parse: an unescaped payload would break the document or add an element readAtom refuses.
    const feed = readAtom(text);
    return { type, cells: [feed.title, feed.author, ...feed.entries.flatMap((e) => [e.title, e.summary, e.link])] };
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  return { type, cells: parsed.data.flat() };
}

test('downloads, the API and staff exports carry hostile text as data, never as a page', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const editor = await signedIn(browser, 'editor');
  const admin = await signedIn(browser, 'admin');
  const seen: string[] = [];
  for (const [route, visit] of Object.entries(ROUTE_VISITS)) {
    if (visit === 'changes data') continue;
    for (const path of visit.paths) {
      const client = visit.as === 'editor' ? editor.request : visit.as === 'admin' ? admin.request : request;
      const files = [path];
      if (path.endsWith('/datapackage.json')) {
        const pkg = (await (await client.get(path)).json()) as { resources: { path: string }[] };
        files.push(...pkg.resources.map((resource) => path.replace('datapackage.json', resource.path)));
      }
      for (const file of files) {
        const { type, cells } = await cellsOf(client, file);
        // Never served as HTML (a browser opening the link must not render it), and the text as stored.
        expect(type, `${route} → ${file}`).toMatch(/^(application\/json|text\/csv|application\/atom\+xml)/);
        if (type.includes('atom+xml')) expect(cells[0], file).toBe(`Abate — ${HOSTILE_LOCALITY_NAME}`);
        seen.push(...cells);
      }
    }
  }
  const all = seen.join('\n');
  for (const literal of [...ALL_PAYLOADS, HOSTILE_LOCALITY_NAME]) expect(all).toContain(literal);
  expect(all).not.toContain('&lt;img');
  // Text cells of the CSVs cannot run as a spreadsheet formula (a leading = + - @ gets a quote). Amounts are the
  // exception by design (lib/data/staff-csv.ts): a plain decimal such as "-61850.00" (a refund, a shortfall) is a
  // number to a spreadsheet, never a formula, and quoting it would break every sum.
  // One assertion over every cell (an expect per cell is tens of thousands of traced steps).
  expect(seen.filter((cell) => /^[=+\-@]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell))).toEqual([]);
  await editor.context().close();
  await admin.context().close();
});
