import { expect, test } from '@playwright/test';
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
