import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/accessibility';
import { expectTableMatchesShading } from './helpers/map-checks';
import { MAP_LOCALITIES } from './helpers/map-data';

/**
 * The state map of localities (ADR 0015) on the compare page and the home page, with the North Carolina places
 * e2e/serve.ts adds (e2e/helpers/map-data.ts): drawn on the server, clean for axe, its table saying what its
 * shading says, each shaded place a named link reached with Tab, and the places without a FIPS code named.
 */

const FY = 2026;

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
