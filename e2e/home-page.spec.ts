import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/accessibility';

/**
 * The home page with many localities: paging, the name search, the not-reported filter and sorting, all answered by
 * the server (links and a GET form). The demo has four localities on the home page, so paging is shown with two
 * per page (`per=2`, a query parameter the page accepts for links like this one).
 */


async function names(page: import('@playwright/test').Page): Promise<string[]> {
  return page.getByTestId('localities-table').locator('tbody td[data-column="name"]').allInnerTexts();
}

async function footCents(page: import('@playwright/test').Page, column: string): Promise<string | null> {
  return page.getByTestId('localities-table').locator(`tfoot [data-column="${column}"]`).getAttribute('data-cents');
}

test('two per page: the pager walks every locality once, and the All localities row never changes', async ({ page }) => {
  await page.goto('/?fy=2026');
  const everyName = await names(page);
  expect(everyName.length).toBeGreaterThan(2);
  const total = await footCents(page, 'allocated');
  await expect(page.getByTestId('localities-table').locator('tfoot th')).toContainText(`All localities (${everyName.length})`);
  await expect(page.getByTestId('home-pager')).toHaveCount(0);

  await page.goto('/?fy=2026&per=2');
  const pager = page.getByTestId('home-pager');
  const pages = Math.ceil(everyName.length / 2);
  await expect(pager).toContainText(`Page 1 of ${pages}`);
  const seen = await names(page);
  expect(seen).toHaveLength(2);
  expect(await footCents(page, 'allocated')).toBe(total);
  for (let n = 2; n <= pages; n += 1) {
    await pager.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]page=${n}(&|$)`));
    await expect(pager).toContainText(`Page ${n} of ${pages}`);
    seen.push(...(await names(page)));
    expect(await footCents(page, 'allocated')).toBe(total);
  }
  await expect(pager.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  expect(seen).toEqual(everyName);
  await pager.getByRole('link', { name: 'First page' }).click();
  await expect(pager).toContainText(`Page 1 of ${pages}`);
  expect(await names(page)).toEqual(everyName.slice(0, 2));
});

test('the name search is a plain GET form: it works without JavaScript and keeps the fiscal year', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/?fy=2026');
  await page.getByLabel('Name contains').fill('cedar');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/[?&]q=cedar/);
  await expect(page).toHaveURL(/[?&]fy=2026/);
  expect(await names(page)).toEqual(['Cedarholm County (demo)']);
  await expect(page.getByTestId('localities-table').locator('caption')).toContainText('names containing “cedar”');

  await page.getByLabel('Name contains').fill('no such place');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('localities-table').locator('tbody')).toContainText('No locality matches.');
  await page.getByRole('link', { name: 'Show every locality' }).click();
  expect((await names(page)).length).toBeGreaterThan(2);
  await context.close();
});

test('the not-reported notice links to just those localities, and sorting by spent puts the most first', async ({ page }) => {
  await page.goto('/?fy=2027');
  const notice = page.getByTestId('not-reported-notice');
  await expect(notice).toContainText('not reported any approved spending for FY2027');
  await notice.getByRole('link', { name: /^Show (it|them) only$/ }).click();
  await expect(page).toHaveURL(/reported=no/);
  const statuses = await page.getByTestId('localities-table').locator('tbody td[data-column="reported"]').allInnerTexts();
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.every((text) => text.includes('Not reported'))).toBe(true);

  await page.goto('/?fy=2026');
  await page.getByLabel('Sort by').selectOption('spent');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/sort=spent/);
  await expect(page.getByTestId('localities-table').locator('th[data-column="spent"]')).toHaveAttribute('aria-sort', 'descending');
  const spent = (await page.getByTestId('localities-table').locator('tbody td[data-column="spent"]').evaluateAll((cells) =>
    cells.map((cell) => cell.getAttribute('data-cents') ?? '0'),
  )).map(BigInt);
  expect(spent).toEqual([...spent].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
});

for (const [label, path] of [
  ['paged', '/?fy=2026&per=2&page=2'],
  ['searched and filtered', '/?fy=2027&reported=no&q=county'],
] as const) {
  test(`axe finds no WCAG A/AA violation on the home page, ${label}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expectNoAxeViolations(page, `home page, ${label}`);
  });
}
