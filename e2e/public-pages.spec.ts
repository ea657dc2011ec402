import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { LINES_PAGE_SIZE as PAGE } from '../lib/data/public-lines';
import { parseMoney } from '../lib/money';
import { readAtom } from '../lib/open-data/testing/read-atom';
import { readExpected } from './expected';

test('a resident opens a locality, switches fiscal year, and the chart and its table agree with the database', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('opioid-settlement money');

  const localities = page.getByTestId('localities-table');
  const firstLocality = localities.getByRole('link').first();
  const name = (await firstLocality.textContent())!.trim();
  await firstLocality.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const slug = new URL(page.url()).pathname.split('/').at(-1)!;

  const years = page.getByRole('navigation', { name: 'Fiscal year' });
  const current = await years.locator('[aria-current="page"]').textContent();
  const other = current === 'FY2026' ? 'FY2025' : 'FY2026';
  await years.getByRole('link', { name: other }).click();
  await expect(page).toHaveURL(new RegExp(`fy=${other.slice(2)}`));
  await expect(years.locator('[aria-current="page"]')).toHaveText(other);

  const expected = readExpected().allocatedByCategory[`${slug}:${other.slice(2)}`];
  expect(expected, `the database has approved lines for ${slug} in ${other}`).toBeDefined();

  // Charts draw when they come near the screen.
  await page.getByTestId('category-chart').scrollIntoViewIfNeeded();
  const bars = page.locator('[data-testid="category-chart"] [data-testid="bar"][data-series="allocated"]');
  await expect(bars.first()).toBeVisible();
  const fromBars: Record<string, string> = {};
  for (const bar of await bars.all()) {
    const cents = (await bar.getAttribute('data-cents'))!;
    if (cents !== '0') fromBars[(await bar.getAttribute('data-category'))!] = cents;
  }
  expect(fromBars).toEqual(expected);

  const table = page.getByTestId('category-table');
  const total = Object.values(expected!).reduce((sum, cents) => sum + BigInt(cents), 0n);
  await expect(table.locator('tfoot [data-column="allocated"]')).toHaveAttribute('data-cents', total.toString());
  await expect(page.getByTestId('total-allocated')).toHaveAttribute('data-cents', total.toString());
  await expect(table.locator('tbody tr')).toHaveCount(await bars.count());
});

test('an unknown locality is a plain not-found page', async ({ page }) => {
  const response = await page.goto('/l/no-such-place');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

// ---------------------------------------------------------------------------------------------------------------
// A resident's walk through a locality: filter the lines, share the link, download the data, change framework.

const SLUG = 'cedarholm-county';
const FY = '2026';

async function lineIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="lines-table"] tbody tr[data-line-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-line-id') ?? ''));
}

/** Every line of the view, page after page through the pager, as a reader would. */
async function allLineIds(page: Page): Promise<string[]> {
  const ids = await lineIds(page);
  const next = page.getByTestId('lines-pager').getByRole('link', { name: /^Next/ });
  while ((await next.count()) > 0) {
    const before = page.url();
    await next.click();
    await expect(page).not.toHaveURL(before);
    ids.push(...(await lineIds(page)));
  }
  return ids;
}

async function cents(locator: Locator): Promise<bigint> {
  return BigInt((await locator.getAttribute('data-cents'))!);
}

test('a resident filters the lines by a category, and the link shows a fresh browser the same lines', async ({
  page,
  browser,
}) => {
  await page.goto(`/l/${SLUG}?fy=${FY}`);
  const count = page.getByTestId('lines-count');
  // The year has more lines than one page holds.
  await expect(count).toHaveText(new RegExp(`^Showing 1–${PAGE} of \\d+ approved lines\\.$`));
  const lineCount = Number(/of (\d+) approved/.exec((await count.textContent())!)![1]);
  expect(lineCount).toBeGreaterThan(PAGE);

  await page.getByLabel('Category', { exact: true }).selectOption('moud');
  await expect(page).toHaveURL(/[?&]category=moud/);
  await expect(page).toHaveURL(new RegExp(`[?&]fy=${FY}`));
  await expect(count).toHaveText(new RegExp(`^Showing \\d+ of ${lineCount} approved lines\\.$`));
  const filtered = await lineIds(page);
  expect(filtered.length).toBeGreaterThan(0);
  expect(filtered.length).toBeLessThan(lineCount);
  // Every line shown has money in that category.
  const rows = page.locator('[data-testid="lines-table"] tbody tr');
  for (const row of await rows.all()) await expect(row.locator('[data-category="moud"]')).toHaveCount(1);

  // Sort by amount, largest first: the order goes into the link too.
  await page.getByTestId('lines-table').getByRole('button', { name: /^Allocated/ }).click();
  await expect(page).toHaveURL(/[?&]sort=allocated\.desc/);
  const sorted = await lineIds(page);
  expect([...sorted].sort()).toEqual([...filtered].sort());
  const amounts = await page
    .locator('[data-testid="lines-table"] tbody td[data-column="allocated"]')
    .evaluateAll((cells) => cells.map((cell) => BigInt(cell.getAttribute('data-cents') ?? '0')));
  expect(amounts).toEqual([...amounts].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  const link = page.url();
  const shownTotal = await cents(page.locator('[data-testid="lines-table"] tfoot [data-column="allocated"]'));

  // A fresh browser (no history, no cookies) opening the link sees the same view.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByLabel('Category', { exact: true })).toHaveValue('moud');
  await expect(fresh.getByTestId('lines-count')).toHaveText((await count.textContent())!);
  expect(await lineIds(fresh)).toEqual(sorted);
  expect(await cents(fresh.locator('[data-testid="lines-table"] tfoot [data-column="allocated"]'))).toBe(shownTotal);
  await context.close();

  // Even without JavaScript: the server filters from the URL.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(link);
  expect([...(await lineIds(plain))].sort()).toEqual([...sorted].sort());
  await noScript.close();
});

test('a resident pages through the lines: a page at a time, each line once, in the order chosen, with or without JavaScript', async ({
  page,
  browser,
}) => {
  await page.goto(`/l/${SLUG}?fy=${FY}`);
  const count = page.getByTestId('lines-count');
  const pager = page.getByRole('navigation', { name: 'Pages of lines' });
  const total = await cents(page.getByTestId('total-allocated'));
  await page.getByTestId('lines-table').getByRole('button', { name: /^Allocated/ }).click();
  await expect(page).toHaveURL(/[?&]sort=allocated\.desc/);
  await expect(count).toHaveText(new RegExp(`^Showing 1–${PAGE} of \\d+ approved lines\\.$`));
  const lineCount = Number(/of (\d+) approved/.exec((await count.textContent())!)![1]);
  await expect(pager).toContainText(`Page 1 of ${Math.ceil(lineCount / PAGE)}`);
  await expect(pager.getByText('← Previous')).toHaveAttribute('aria-disabled', 'true');
  const first = await lineIds(page);
  expect(first).toHaveLength(PAGE);
  const amounts = () =>
    page
      .locator('[data-testid="lines-table"] tbody td[data-column="allocated"]')
      .evaluateAll((cells) => cells.map((cell) => BigInt(cell.getAttribute('data-cents') ?? '0')));
  const firstAmounts = await amounts();
  // The total row adds up every line, not only this page's.
  expect(await cents(page.locator('[data-testid="lines-table"] tfoot [data-column="allocated"]'))).toBe(total);
  await expect(page.locator('[data-testid="lines-table"] tfoot th')).toHaveText(`Total of all ${lineCount} lines`);

  await pager.getByRole('link', { name: /^Next/ }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page).toHaveURL(/[?&]sort=allocated\.desc/);
  await expect(count).toHaveText(`Showing ${PAGE + 1}–${Math.min(2 * PAGE, lineCount)} of ${lineCount} approved lines.`);
  const second = await lineIds(page);
  expect(second).toHaveLength(Math.min(PAGE, lineCount - PAGE));
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  // The order carries on across the pages: nothing on page 2 is larger than the smallest on page 1.
  const smallest = firstAmounts.reduce((a, b) => (a < b ? a : b));
  expect((await amounts()).every((value) => value <= smallest)).toBe(true);
  expect(await cents(page.locator('[data-testid="lines-table"] tfoot [data-column="allocated"]'))).toBe(total);
  const secondLink = page.url();

  // Changing a filter starts again at the first page.
  await page.getByLabel('Recipient type').selectOption({ index: 1 });
  await expect(page).not.toHaveURL(/[?&]page=/);

  // The link to page 2 shows a fresh browser without JavaScript the same lines, visible, and its pager is plain
  // links that the server answers.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(secondLink);
  expect(await lineIds(plain)).toEqual(second);
  await expect(plain.getByTestId('lines-table')).toBeVisible();
  await expect(plain.getByTestId('category-table')).toBeVisible();
  await expect(plain.getByTestId('lines-pager')).toBeVisible();
  const previous = await plain.locator('[data-testid="lines-pager"] a[rel="prev"]').getAttribute('href');
  expect(previous).not.toMatch(/[?&]page=/);
  await plain.goto(previous!);
  expect(await lineIds(plain)).toEqual(first);
  // A page past the end shows the last one.
  await plain.goto(`/l/${SLUG}?fy=${FY}&sort=allocated.desc&page=999`);
  const pageCount = Math.ceil(lineCount / PAGE);
  await expect(plain.getByTestId('lines-count')).toHaveText(
    `Showing ${(pageCount - 1) * PAGE + 1}–${lineCount} of ${lineCount} approved lines.`,
  );
  if (pageCount === 2) expect(await lineIds(plain)).toEqual(second);
  await noScript.close();
});

test('a resident downloads the CSV and finds the same total as the page', async ({ page }) => {
  await page.goto(`/l/${SLUG}?fy=${FY}`);
  const allocated = await cents(page.getByTestId('total-allocated'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const ofYear = rows.filter((row) => row.fiscal_year === FY);
  expect(ofYear.length).toBeGreaterThan(0);
  const total = ofYear.reduce((sum, row) => {
    const amount = parseMoney(row.amount ?? '');
    expect(amount.ok, `amount ${row.amount}`).toBe(true);
    return sum + (amount.ok ? amount.cents : 0n);
  }, 0n);
  expect(total).toBe(allocated);
  // And the same lines as the table, over all its pages.
  expect(ofYear.map((row) => row.id).sort()).toEqual([...(await allLineIds(page))].sort());
});

test('a reporter follows a locality: its page links an Atom feed that names it and lists its news, newest first', async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto(`/l/${SLUG}`);
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const advertised = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(advertised).toHaveAttribute('title', `Abate — ${name}`);
  const link = page.getByTestId('feed-link').getByRole('link', { name: 'Atom feed' });
  await expect(page.getByTestId('feed-link')).toContainText('Follow: Atom feed');
  const href = (await link.getAttribute('href'))!;
  expect(await advertised.getAttribute('href')).toBe(href);

  const response = await request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(response.headers()['cache-control']).toBe('public, max-age=60');
  const feed = readAtom(await response.text());
  expect(feed.title).toBe(`Abate — ${name}`);
  // Absolute links on the host the reader asked for (not the address the server listens on).
  expect(feed.links.find((l) => l.rel === 'self')?.href).toBe(new URL(href, baseURL).href);
  expect(feed.entries.length).toBeGreaterThan(0);
  expect(feed.entries.length).toBeLessThanOrEqual(50);
  expect(feed.updated).toBe(feed.entries[0]!.updated);
  const times = feed.entries.map((e) => e.updated);
  expect(times).toEqual([...times].sort().reverse());
  expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
  // An entry about a line opens the line's public page, which shows its amount.
  const entry = feed.entries.find((e) => e.link.includes(`/l/${SLUG}/lines/`))!;
  expect(entry, 'the feed has an entry about a line').toBeDefined();
  await page.goto(new URL(entry.link).pathname);
  await expect(page.locator('main')).toContainText(/\$[\d,]+\.\d{2}/.exec(entry.title)![0]);
  // A reader asking again with the ETag it holds gets 304; an unknown locality has no feed.
  const again = await request.get(href, { headers: { 'if-none-match': response.headers()['etag']! } });
  expect(again.status()).toBe(304);
  const missing = await request.get('/l/no-such-place/feed.xml');
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/^No locality has that slug/);
});

test('switching to Exhibit E shows other categories whose totals add up to the same amounts', async ({ page }) => {
  await page.goto(`/l/${SLUG}?fy=${FY}`);
  const allocated = await cents(page.getByTestId('total-allocated'));
  const spent = await cents(page.getByTestId('total-spent'));
  const table = page.getByTestId('category-table');
  expect(await cents(table.locator('tfoot [data-column="allocated"]'))).toBe(allocated);
  expect(await cents(table.locator('tfoot [data-column="spent"]'))).toBe(spent);
  const healthFirstLabels = await table.locator('tbody td[data-column="label"]').allTextContents();

  await page.getByRole('navigation', { name: 'Category framework' }).getByRole('link', { name: /Exhibit E/ }).click();
  await expect(page).toHaveURL(/[?&]framework=exhibit-e/);
  await expect(page.locator('[data-framework="exhibit-e"]')).toHaveAttribute('aria-current', 'page');
  await expect(table.locator('tbody td[data-column="label"]').first()).not.toHaveText(healthFirstLabels[0]!);
  const exhibitLabels = await table.locator('tbody td[data-column="label"]').allTextContents();
  expect(exhibitLabels.some((label) => /^[A-L]\. /.test(label))).toBe(true);

  // The totals stay the same, and every breakdown on the page still adds up to them.
  expect(await cents(page.getByTestId('total-allocated'))).toBe(allocated);
  expect(await cents(page.getByTestId('total-spent'))).toBe(spent);
  for (const id of ['category-table', 'group-table']) {
    expect(await cents(page.getByTestId(id).locator('tfoot [data-column="allocated"]')), id).toBe(allocated);
    expect(await cents(page.getByTestId(id).locator('tfoot [data-column="spent"]')), id).toBe(spent);
  }
  expect(await cents(page.getByTestId('flow-table').locator('tfoot [data-column="allocated"]'))).toBe(allocated);
  expect(await cents(page.getByTestId('quarter-table').locator('tfoot [data-column="total"]'))).toBe(spent);
  expect(await cents(page.locator('[data-testid="lines-table"] tfoot [data-column="allocated"]'))).toBe(allocated);
  await page.getByTestId('category-chart').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-testid="category-chart"] [data-testid="bar"]').first()).toBeVisible();
  const bars = await page
    .locator('[data-testid="category-chart"] [data-testid="bar"][data-series="allocated"]')
    .evaluateAll((rects) => rects.map((rect) => BigInt(rect.getAttribute('data-cents') ?? '0')));
  expect(bars.reduce((sum, value) => sum + value, 0n)).toBe(allocated);
  // The lines filter now offers Exhibit E categories.
  await page.getByLabel('Category', { exact: true }).selectOption('core-b');
  await expect(page).toHaveURL(/framework=exhibit-e.*category=core-b|category=core-b.*framework=exhibit-e/);
  await expect(page.getByTestId('lines-count')).toHaveText(/^Showing \d+ of/);
});

test('a line page shows its money, categories and history; ids that are not public are not found', async ({
  page,
  request,
}) => {
  await page.goto(`/l/${SLUG}?fy=${FY}`);
  const first = page.locator('[data-testid="lines-table"] tbody tr').first();
  const program = (await first.locator('td[data-column="program"] a').textContent())!.trim();
  const allocated = (await first.locator('td[data-column="allocated"]').getAttribute('data-cents'))!;
  await first.locator('td[data-column="program"] a').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(program);
  await expect(page.getByTestId('line-allocated')).toHaveAttribute('data-cents', allocated);
  await expect(page.getByTestId('split-table').locator('tfoot [data-column="allocated"]')).toHaveAttribute(
    'data-cents',
    allocated,
  );
  await expect(page.getByTestId('history').locator('li').first()).toContainText('Created');
  await expect(page.locator('main')).not.toContainText('@');

  // Every approved line of the locality has a page; every other id (drafts, lines under review, returned lines,
  // other localities' lines) is the same plain 404.
  const approved = new Set<number>();
  let cursor: string | null = null;
  do {
    const response = await request.get(
      `/api/v1/localities/${SLUG}/allocations?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const body = (await response.json()) as { data: { id: number }[]; next_cursor: string | null };
    for (const line of body.data) approved.add(line.id);
    cursor = body.next_cursor;
  } while (cursor);
  expect(approved.size).toBeGreaterThan(20);
  const highest = Math.max(...approved);
  let notFound = 0;
  for (let id = 1; id <= highest + 40; id += 1) {
    const status = (await request.get(`/l/${SLUG}/lines/${id}`, { maxRedirects: 0 })).status();
    expect(status, `line ${id}`).toBe(approved.has(id) ? 200 : 404);
    if (status === 404) notFound += 1;
  }
  expect(notFound).toBeGreaterThan(40);
  for (const bad of ['0', 'abc', '1.5', '99999999999']) {
    expect((await request.get(`/l/${SLUG}/lines/${bad}`)).status(), bad).toBe(404);
  }
});

test('the home page flags a locality that has not reported, in words and with an icon', async ({ page }) => {
  await page.goto('/?fy=2027');
  const table = page.getByTestId('localities-table');
  const notReported = table.locator('tbody td[data-column="reported"]', { hasText: 'Not reported' });
  await expect(notReported.first()).toBeVisible();
  await expect(notReported.first().locator('.status__icon')).toHaveText('⚠');
  await expect(page.getByTestId('not-reported-notice')).toContainText('Not reported');
});

test('compare and category pages answer from the same figures', async ({ page }) => {
  await page.goto(`/compare?fy=${FY}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare localities');
  const row = page.getByTestId('compare-table').locator('tbody tr', { hasText: 'Cedarholm' });
  // Ranked by spent per resident unless a measure is chosen.
  const spent = await cents(row.locator('td[data-column="amount"]'));
  const residents = BigInt((await row.locator('td[data-column="denominator"]').innerText()).replace(/,/g, ''));
  const perResident = await cents(row.locator('td[data-column="ratio"]'));
  // Rounded to the nearest cent with integers: |per resident × residents − spent| ≤ residents / 2.
  const diff = perResident * residents - spent;
  expect(diff <= residents / 2n && -diff <= residents / 2n).toBe(true);
  await page.goto('/compare?fy=2027&per=death');
  await expect(page.getByTestId('compare-table').locator('td[data-column="ratio"]').first()).toHaveText(
    'Not enough data',
  );

  await page.goto(`/categories/health-first/law-enforcement?fy=${FY}`);
  await expect(page.getByTestId('stance')).toContainText('Discouraged by the evidence');
  const categoryTotal = await cents(page.getByTestId('category-localities-table').locator('tfoot [data-column="allocated"]'));
  expect(categoryTotal).toBeGreaterThan(0n);
  await page.getByRole('navigation', { name: 'Category framework' }).getByRole('link', { name: /Exhibit E/ }).click();
  await expect(page).toHaveURL(/\/categories\/exhibit-e\//);
});

test('a year a locality has not reported for says so, and shows no other year’s figures', async ({ page }) => {
  const response = await page.goto('/l/granite-fork-county?fy=2027');
  expect(response?.status()).toBe(200);
  const notice = page.getByTestId('year-not-reported');
  await expect(notice).toContainText('Not reported');
  await expect(notice).toContainText('Granite Fork County (demo) has not reported for FY2027.');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  for (const figure of ['total-received', 'total-allocated', 'category-table', 'lines-table']) {
    await expect(page.getByTestId(figure), figure).toHaveCount(0);
  }
  const years = page.getByRole('navigation', { name: 'Fiscal year' });
  await expect(years.locator('[aria-current="page"]')).toHaveCount(0);
  await years.getByRole('link', { name: 'FY2026' }).click();
  await expect(page).toHaveURL(/[?&]fy=2026/);
  await expect(page.getByTestId('total-received')).toBeVisible();
  await expect(page.getByTestId('year-not-reported')).toHaveCount(0);
});

test('the locality page opens with a list of its sections, each link landing on its heading', async ({ page }) => {
  await page.goto(`/l/${SLUG}?fy=${FY}`);
  const onThisPage = page.getByRole('navigation', { name: 'On this page' });
  const links = onThisPage.getByRole('link');
  await expect(links.first()).toHaveText('Totals');
  for (const link of await links.all()) {
    const id = (await link.getAttribute('href'))!.slice(1);
    await expect(page.locator(`[id="${id}"]`), `#${id}`).toHaveCount(1);
  }
  await onThisPage.getByRole('link', { name: 'Every line' }).click();
  await expect(page).toHaveURL(/#lines$/);
  await expect(page.getByRole('heading', { name: 'Every approved line' })).toBeInViewport();
});

test('a table sorts by a column: biggest first, then smallest first, the focus staying on the header', async ({ page }) => {
  await page.goto('/l/cedarholm-county?fy=2026');
  const table = page.getByTestId('category-table');
  const header = table.locator('thead th[data-column="allocated"]');
  const amounts = async () =>
    (await table.locator('tbody td[data-column="allocated"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cents'))))
      .filter((v): v is string => v !== null)
      .map((v) => BigInt(v));
  const given = await amounts();
  const descending = [...given].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  expect(given, 'the first view is the framework order, not already sorted').not.toEqual(descending);
  await expect(header).not.toHaveAttribute('aria-sort');

  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect(await amounts()).toEqual(descending);
  await expect(header.getByRole('button')).toBeFocused();
  await expect(table.locator('tfoot td[data-column="allocated"]')).toHaveAttribute('data-cents', String(given.reduce((a, b) => a + b, 0n)));

  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  expect(await amounts()).toEqual([...descending].reverse());
  // Another column takes over the sort.
  await table.locator('thead th[data-column="label"]').getByRole('button').click();
  await expect(table.locator('thead th[data-column="label"]')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header).not.toHaveAttribute('aria-sort');
});
