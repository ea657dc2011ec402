import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { AXE_TAGS } from './axe-tags';

/** axe finds no WCAG A/AA violation on the page; a failure names each rule and up to five of its elements. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
  expect(summary, `${label}: axe violations`).toEqual([]);
}

/**
 * Every row of the map's table has a shape or point with the same class and fill, and the reverse; each class the
 * table names is in the legend. Returns the number of rows. Used by the English and the Spanish map tests.
 */
export async function expectTableMatchesShading(page: Page): Promise<number> {
  const shapes = await page.locator('svg.map-svg a[data-locality]').evaluateAll((links) =>
    links.map((a) => ({
      key: a.getAttribute('data-locality'),
      cls: a.getAttribute('data-class'),
      fill: a.getAttribute('data-fill'),
      drawn: a.firstElementChild?.getAttribute('fill'),
    })),
  );
  const rows = await page.getByTestId('map-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ key: tr.getAttribute('data-locality'), cls: tr.getAttribute('data-class'), fill: tr.getAttribute('data-fill') })),
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const shape of shapes) expect(shape.drawn, `${shape.key} is drawn in its class's colour`).toBe(shape.fill);
  const byKey = (list: { key: string | null }[]) => [...list].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  expect(byKey(rows)).toEqual(byKey(shapes.map(({ key, cls, fill }) => ({ key, cls, fill }))));
  for (const row of rows) {
    await expect(page.getByTestId('map-legend').locator(`li[data-class="${row.cls}"]`)).toHaveCount(1);
  }
  return rows.length;
}
