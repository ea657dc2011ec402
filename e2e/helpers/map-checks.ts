import { expect, type Page } from '@playwright/test';

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
