import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { AXE_TAGS } from './axe-tags';

/** Every chart is drawn in the server's HTML (svg.chart-svg, ADR 0014): bring each into view and check it is there. */
export async function drawCharts(page: Page): Promise<void> {
  for (const area of await page.locator('.chart-area').all()) await area.scrollIntoViewIfNeeded();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.chart-area')].every((area) => area.querySelector('svg.chart-svg') !== null),
  );
}

/** axe finds nothing on the page as it stands; a finding names its rule, its impact and up to five of its elements. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`,
  );
  expect(summary, `${label}: axe violations`).toEqual([]);
}

/** A whole page, checked once it has its one h1 and its charts have drawn (so the SVGs are checked too). */
export async function expectNoViolations(page: Page, label: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await drawCharts(page);
  await expectNoAxeViolations(page, label);
}
