import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoViolations } from './helpers/accessibility';

/**
 * Every public page, checked by axe-core against WCAG 2.0, 2.1 and 2.2 A and AA — after the charts have drawn, so
 * the SVGs are checked too. No rule is disabled: a finding is fixed in the page.
 */


const PAGES: [label: string, path: string][] = [
  ['home', '/'],
  ['home, a year with a locality that has not reported', '/?fy=2027'],
  ['locality', '/l/cedarholm-county?fy=2026'],
  ['locality, Exhibit E, filtered', '/l/cedarholm-county?fy=2026&framework=exhibit-e&category=core-b&q=clinic'],
  ['locality, second page of lines', '/l/cedarholm-county?fy=2026&sort=allocated.desc&page=2'],
  ['locality that has not reported', '/l/granite-fork-county?fy=2027'],
  ['equity goals', '/l/cedarholm-county/equity?fy=2026'],
  ['equity goals, a year not reported', '/l/granite-fork-county/equity?fy=2027'],
  ['outcomes', '/l/cedarholm-county/outcomes?fy=2026'],
  ['board decisions', '/l/cedarholm-county/decisions'],
  ['board decisions, filtered, none matching', '/l/cedarholm-county/decisions?fy=2026&decision=return'],
  ['categories', '/categories'],
  ['category', '/categories/health-first/law-enforcement?fy=2026'],
  ['category in Exhibit E', '/categories/exhibit-e/core-b?fy=2026'],
  ['compare', '/compare?fy=2026'],
  ['compare, deaths not yet known', '/compare?fy=2027&per=death'],
  ['compare, a group per overdose death, a small count suppressed', '/compare?fy=2026&measure=spent-harm-reduction&per=death'],
  ['not found', '/l/no-such-place'],
  ['categories, in Spanish', '/es/categories?fy=2026'],
  ['board decisions, in Spanish', '/es/l/cedarholm-county/decisions'],
  ['board decisions in Spanish, filtered, none matching', '/es/l/cedarholm-county/decisions?fy=2026&decision=return'],
  ['outcomes, in Spanish', '/es/l/cedarholm-county/outcomes?fy=2026'],
  ['outcomes in Spanish, a year not reported', '/es/l/granite-fork-county/outcomes?fy=2027'],
];

for (const [label, path] of PAGES) {
  test(`axe finds no WCAG A/AA violation: ${label}`, async ({ page }) => {
    await page.goto(path);
    await expectNoViolations(page, label);
  });
}

test('axe finds no WCAG A/AA violation: line page', async ({ page }) => {
  await page.goto('/l/cedarholm-county?fy=2026');
  await page.locator('[data-testid="lines-table"] tbody td[data-column="program"] a').first().click();
  await expect(page).toHaveURL(/\/lines\/\d+$/);
  await expectNoViolations(page, 'line');
});

test('the locality page on a phone: no violation, nothing wider than the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/l/cedarholm-county?fy=2026');
  await expectNoViolations(page, 'locality on a phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('keyboard: the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/l/cedarholm-county?fy=2026');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the locality page charts are SVG in the HTML as served: no script needed to see them', async ({ page }) => {
    await page.goto('/l/cedarholm-county?fy=2026');
    for (const id of ['category-chart', 'group-chart', 'quarter-chart']) {
      const chart = page.getByTestId(id).locator('svg.chart-svg');
      await expect(chart).toHaveCount(1);
      expect(await chart.locator('rect').count(), id).toBeGreaterThan(1);
      // Axis ticks read as different numbers ("$0, $1, $1, $2" once).
      const ticks = await chart.getByTestId('axis-tick').allTextContents();
      expect(new Set(ticks).size, `${id}: ${ticks.join(', ')}`).toBe(ticks.length);
    }
    // Category names are written whole (wrapped, never cut short with an ellipsis).
    const names = await page.getByTestId('category-chart').getByTestId('category-label').allTextContents();
    expect(names.join(' ')).not.toContain('…');
    // The flow diagram is in the served HTML too, with their test hooks.
    await expect(page.getByTestId('flow-chart').locator('svg.chart-svg [data-testid="flow-node"]').first()).toBeAttached();
    expect(await page.getByTestId('flow-chart').locator('svg.chart-svg path').count()).toBeGreaterThan(1);
  });

  test('the equity charts are SVG in the HTML as served', async ({ page }) => {
    await page.goto('/l/cedarholm-county/equity?fy=2026');
    await expect(page.locator('svg.chart-svg [data-testid="reach-bar"]').first()).toBeAttached();
    await expect(page.locator('svg.chart-svg [data-testid="area-bar"]').first()).toBeAttached();
  });

  test('money coming in is SVG in the HTML as served', async ({ page }) => {
    await page.goto('/l/cedarholm-county/money-in');
    const chart = page.getByTestId('money-in-chart').locator('svg.chart-svg');
    await expect(chart).toHaveCount(1);
    expect(await chart.getByTestId('money-in-segment').count()).toBeGreaterThan(1);
    const ticks = await chart.getByTestId('axis-tick').allTextContents();
    expect(new Set(ticks).size, ticks.join(', ')).toBe(ticks.length);
  });
});

test('print: the locality page drops navigation and filters and keeps charts and full tables', async ({ page }) => {
  await page.goto('/l/cedarholm-county?fy=2026');
  // About the width of a letter page between its margins. Charts below the fold have not been drawn yet:
  // printing draws them.
  await page.setViewportSize({ width: 720, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-nav')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Fiscal year' })).toBeHidden();
  await expect(page.getByRole('search', { name: 'Filter the lines' })).toBeHidden();
  for (const id of ['category-chart', 'group-chart', 'quarter-chart']) {
    await expect(page.getByTestId(id).locator('.chart-area svg.chart-svg')).toBeVisible();
  }
  await expect(page.getByTestId('flow-chart').locator('.chart-area svg.chart-svg')).toBeVisible();
  // No table is wider than the paper (nothing cut at the right edge).
  for (const scroller of await page.locator('main .table-scroll').all()) {
    const clipped = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(clipped, (await scroller.getAttribute('aria-label')) ?? 'table').toBeLessThanOrEqual(0);
  }
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pageOverflow).toBeLessThanOrEqual(0);
  const pdf = await page.pdf({ format: 'Letter', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  if (process.env.ABATE_PRINT_PDF) fs.writeFileSync(process.env.ABATE_PRINT_PDF, pdf);
});
