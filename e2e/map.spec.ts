import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AXE_TAGS } from './helpers/axe-tags';
import { MAP_LOCALITIES } from './helpers/map-data';

/**
 * The state map of localities (ADR 0015) on the compare page and the home page, with the North Carolina places
 * e2e/serve.ts adds (e2e/helpers/map-data.ts): drawn on the server, clean for axe, its table saying what its
 * shading says, each shaded place a named link reached with Tab, and the places without a FIPS code named.
 */

const FY = 2026;

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
  expect(summary, `${label}: axe violations`).toEqual([]);
}

/** Every row of the map's table has a shape or point with the same class and fill, and the reverse. */
async function expectTableMatchesShading(page: Page): Promise<number> {
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
  // Each class the table names is in the legend, in the same colour.
  for (const row of rows) {
    await expect(page.getByTestId('map-legend').locator(`li[data-class="${row.cls}"]`)).toHaveCount(1);
  }
  return rows.length;
}

test('the compare page maps North Carolina by spent per resident: axe-clean, table matches shading, keyboard reaches a named county', async ({ page }) => {
  await page.goto(`/compare?fy=${FY}`);
  const map = page.getByTestId('locality-map');
  await expect(map.locator('svg.map-svg')).toHaveAttribute('data-state', 'NC');
  await expect(map.locator('figcaption')).toHaveText(`Spent per resident by locality, North Carolina, FY${FY}`);
  const leaves = MAP_LOCALITIES.filter((place) => !MAP_LOCALITIES.some((other) => other.parent === place.slug));
  expect(await expectTableMatchesShading(page)).toBe(leaves.length);

  // Wake: $920,000 spent for 1,150,000 residents = $0.80 per resident.
  const wake = map.locator('a[data-locality="wake-county-nc"]');
  await expect(wake).toHaveAttribute('aria-label', `Wake County: $0.80 spent per resident, FY${FY}`);
  await expect(page.getByTestId('map-table').locator('tr[data-locality="wake-county-nc"] td').first()).toHaveText('$0.80');
  // The town is a point at the centre of Orange County, and the note says how points are placed.
  await expect(map.locator('a[data-locality="chapel-hill-nc"] circle')).toHaveCount(1);
  await expect(page.getByTestId('map-table').locator('tr[data-locality="chapel-hill-nc"]')).toContainText('point at the centre of Orange County');
  await expect(page.getByTestId('map-points-note')).toContainText('parent county');
  // The demo's fictional localities have no FIPS code: named under the map.
  await expect(page.getByTestId('map-not-on-map')).toContainText('Cedarholm County (demo)');

  // Tab from the map's last chooser link reaches the first shaded place, a link named with its value.
  await page.getByTestId('map-measure').getByRole('link').last().focus();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('data-locality', /-nc$/);
  await expect(focused).toHaveAttribute('aria-label', /^.+: \$[\d,.]+ spent per resident, FY2026$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/l\/[a-z-]+-nc\?fy=2026$/);

  await page.goto(`/compare?fy=${FY}`);
  await expectNoAxeViolations(page, 'compare page with the map');
});

test('the map’s chooser shades by another measure, and the ranking per death hides a count under 11', async ({ page }) => {
  await page.goto(`/compare?fy=${FY}`);
  await page.getByTestId('map-measure').getByRole('link', { name: 'Received per resident' }).click();
  await expect(page).toHaveURL(/map=received/);
  await expect(page.getByTestId('locality-map').locator('figcaption')).toHaveText(`Received per resident by locality, North Carolina, FY${FY}`);
  // Durham: $2,000,000 received for 330,000 residents = $6.06.
  await expect(page.locator('svg.map-svg a[data-locality="durham-county-nc"]')).toHaveAttribute('aria-label', /: \$6\.06 received per resident/);
  await expectTableMatchesShading(page);

  await page.getByTestId('compare-per').getByRole('link', { name: 'Per overdose death' }).click();
  await expect(page).toHaveURL(/per=death/);
  await expect(page).toHaveURL(/map=received/);
  const chatham = page.getByTestId('compare-table').locator('tr[data-locality="chatham-county-nc"]');
  await expect(chatham.locator('td[data-column="denominator"]')).toHaveText('fewer than 11');
  await expect(chatham.locator('td[data-column="ratio"]')).toHaveText('Not shown: fewer than 11 deaths');
  await expect(chatham.locator('td[data-column="ratio"]')).not.toHaveAttribute('data-cents', /.*/);
  // Wake: $920,000 spent over 250 deaths = $3,680.00, ranked.
  const wake = page.getByTestId('compare-table').locator('tr[data-locality="wake-county-nc"]');
  await expect(wake.locator('td[data-column="ratio"]')).toHaveText('$3,680.00');
  await expect(wake.locator('td[data-column="source"]')).toHaveText('FY2026 figure: Made-up figures for the map test');
  await expect(page.getByTestId('deaths-suppressed')).toContainText('Chatham County');

  // The ranking's measure is a GET form: choosing one keeps the denominator and the map's choice.
  await page.getByLabel('Rank by').selectOption({ label: 'Received' });
  await page.getByTestId('compare-measure').getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/measure=received/);
  await expect(page).toHaveURL(/per=death/);
  await expect(page).toHaveURL(/map=received/);
  await expect(page.locator('#ranking-heading')).toHaveText(`Received per overdose death, FY${FY}`);
});

test('the home page shows the same map, clean for axe, its table matching its shading', async ({ page }) => {
  await page.goto(`/?fy=${FY}`);
  await expect(page.getByTestId('locality-map').locator('svg.map-svg')).toHaveAttribute('data-state', 'NC');
  await expectTableMatchesShading(page);
  await page.getByTestId('map-measure').getByRole('link', { name: 'Allocated per resident' }).click();
  await expect(page).toHaveURL(/[?&]fy=2026&map=allocated/);
  await expectTableMatchesShading(page);
  // The page's title comes from its words (generateMetadata): after an in-page navigation it is set again once the
  // new page has rendered, and axe reads the finished page.
  await expect(page).toHaveTitle('Localities');
  await expectNoAxeViolations(page, 'home page with the map');
});
