import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/accessibility';
import { expectTableMatchesShading } from './helpers/map-checks';

/**
 * The home page (/es) and the compare page (/es/compare) in Spanish (docs/adr/0016-spanish-pages-with-next-intl.md):
 * the same localities, amounts and ranking as the English pages, in Spanish words with es-US money; the state map
 * (with the North Carolina places e2e/serve.ts adds, e2e/helpers/map-data.ts) speaks Spanish in its title, legend,
 * keyboard labels and table, and its table still says what its shading says; the search form, pager and choosers
 * stay on the Spanish page; the language switch leads back to English; axe is clean.
 */

const FY = 2026;
const MONEY = /^\$\d{1,3}(,\d{3})*\.\d{2}$/;

async function cellsOf(page: Page, testId: string, selector: string): Promise<{ cents: string | null; text: string }[]> {
  return page
    .getByTestId(testId)
    .locator(selector)
    .evaluateAll((cells) => cells.map((cell) => ({ cents: cell.getAttribute('data-cents'), text: (cell.textContent ?? '').trim() })));
}

test('the home page in Spanish: headings, table, totals, es-US money, map, links and the language switch', async ({ page }) => {
  await page.goto(`/?fy=${FY}`);
  const englishNames = await page.getByTestId('localities-table').locator('tbody td[data-column="name"]').allInnerTexts();
  const englishTotals = await cellsOf(page, 'localities-table', 'tfoot td[data-cents]');
  const englishMapRows = await page.getByTestId('map-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-locality'), tr.getAttribute('data-class')]));

  await page.goto(`/es?fy=${FY}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The home page is the layout's own segment, so the layout's title template ("%s · Abate") is not applied.
  await expect(page).toHaveTitle('Localidades');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adónde va el dinero de los acuerdos sobre opioides');
  await expect(page.locator('.lede')).toContainText('lo que ha gastado en el AF 2026');

  const table = page.getByTestId('localities-table');
  await expect(table.locator('caption')).toHaveText(/^Dinero recibido, asignado y gastado por localidad, AF 2026: \d+$/);
  await expect(table.locator('thead th[data-column="name"]')).toHaveText('Localidad');
  await expect(table.locator('thead th[data-column="unspent"]')).toHaveText('Sin gastar (recibido − gastado)');
  expect(await table.locator('tbody td[data-column="name"]').allInnerTexts()).toEqual(englishNames);
  await expect(table.locator('tfoot th')).toHaveText(`Todas las localidades (${englishNames.length})`);
  await expect(table.locator('tbody td[data-column="kind"]').first()).toHaveText(/^(Condado|Ciudad|Región|Estado|Pueblo|Tribu|Otro)$/);
  await expect(table.locator('tbody td[data-column="reported"]').first()).toHaveText(/Con informe|Sin informar/);
  // The same cents, written as US Spanish writes dollars: "$1,234.56" (es-US), the same text as the English page.
  expect(await cellsOf(page, 'localities-table', 'tfoot td[data-cents]')).toEqual(englishTotals);
  await expect(table.locator('tfoot td[data-column="allocated"]')).toHaveText(MONEY);

  // Navigation, year links and the compare link stay Spanish.
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link', { name: 'Localidades' })).toHaveAttribute('href', '/es');
  await expect(nav.getByRole('link', { name: 'Comparar' })).toHaveAttribute('href', '/es/compare');
  await expect(page.getByRole('navigation', { name: 'Año fiscal' }).getByRole('link', { name: 'AF 2026' })).toHaveAttribute('href', '/es?fy=2026');
  await expect(page.getByRole('link', { name: 'lado a lado, por residente y por muerte por sobredosis' })).toHaveAttribute('href', '/es/compare?fy=2026');
  await expect(page.getByRole('link', { name: 'qué es cada categoría de gasto y por qué importa' })).toHaveAttribute('href', '/es/categories');
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', '/?fy=2026');
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute('href', '/es?fy=2026');

  // The map: Spanish words, the same shading as the English page, its table matching it.
  const map = page.getByTestId('locality-map');
  await expect(page.getByRole('heading', { level: 2, name: 'Mapa de localidades' })).toBeVisible();
  await expect(map.locator('figcaption')).toHaveText('Gastado por residente en cada localidad, Carolina del Norte, AF 2026');
  expect(await page.getByTestId('map-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-locality'), tr.getAttribute('data-class')]))).toEqual(englishMapRows);
  await expectTableMatchesShading(page);
  await expectNoAxeViolations(page, 'Spanish home page');

  await page.getByTestId('map-measure').getByRole('link', { name: 'Asignado por residente' }).click();
  await expect(page).toHaveURL(/\/es\?fy=2026&map=allocated/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('locality-map').locator('figcaption')).toHaveText('Asignado por residente en cada localidad, Carolina del Norte, AF 2026');
  await expectTableMatchesShading(page);

  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/\?fy=2026&map=allocated/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where the opioid-settlement money goes');
});

test('the Spanish home page’s search form and pager stay on the Spanish page', async ({ page }) => {
  await page.goto(`/es?fy=${FY}`);
  await page.getByLabel('El nombre contiene').fill('cedar');
  await page.getByRole('button', { name: 'Mostrar', exact: true }).click();
  await expect(page).toHaveURL(/\/es\?fy=2026&q=cedar/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('localities-table').locator('tbody td[data-column="name"]')).toHaveText(['Cedarholm County (demo)']);
  await expect(page.getByTestId('localities-table').locator('caption')).toContainText('nombres que contienen “cedar”');
  await page.getByRole('link', { name: 'Mostrar todas las localidades' }).click();
  await expect(page).toHaveURL(/\/es\?fy=2026$/);

  await page.goto(`/es?fy=${FY}&per=2`);
  const pager = page.getByTestId('home-pager');
  await expect(pager).toHaveAttribute('aria-label', 'Páginas de localidades');
  await expect(pager).toContainText(/Página 1 de \d+/);
  await pager.getByRole('link', { name: 'Página siguiente' }).click();
  await expect(page).toHaveURL(/\/es\?fy=2026&per=2&page=2$/);
  await expect(pager).toContainText(/Página 2 de \d+/);
  await expectNoAxeViolations(page, 'Spanish home page, paged');

  // A year some localities have not reported: the notice and its link, in Spanish.
  await page.goto('/es?fy=2027');
  const notice = page.getByTestId('not-reported-notice');
  await expect(notice).toContainText('Sin informar:');
  await expect(notice).toContainText('informado ningún gasto aprobado del AF 2027');
  await notice.getByRole('link', { name: /^Mostrar solo esas?$/ }).click();
  await expect(page).toHaveURL(/\/es\?fy=2027&reported=no/);
  const statuses = await page.getByTestId('localities-table').locator('tbody td[data-column="reported"]').allInnerTexts();
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.every((text) => text.includes('Sin informar'))).toBe(true);
});

test('the compare page in Spanish: ranking, notes, map, charts, es-US money, choosers and the language switch', async ({ page }) => {
  await page.goto(`/compare?fy=${FY}`);
  const englishAmounts = await cellsOf(page, 'compare-table', 'tbody td[data-column="amount"]');
  const englishRatios = await cellsOf(page, 'compare-table', 'tbody td[data-column="ratio"]');
  const englishOrder = await page.getByTestId('compare-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-locality')));
  const englishMapRows = await page.getByTestId('map-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-locality'), tr.getAttribute('data-class')]));

  await page.goto(`/es/compare?fy=${FY}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveTitle('Comparar localidades · Abate');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparar localidades');
  await expect(page.locator('#ranking-heading')).toHaveText('Gastado por residente, AF 2026');
  await expect(page.getByTestId('ranking-summary')).toHaveText(/^En el AF 2026, .+ ocupa el primer lugar en lo gastado por residente \(\$[\d,.]+\)/);

  // The same ranking and cents as the English page, in es-US money.
  const table = page.getByTestId('compare-table');
  await expect(table.locator('caption')).toHaveText('Localidades ordenadas por gastado por residente, AF 2026');
  await expect(table.locator('thead th[data-column="source"]')).toHaveText('Año y fuente');
  await expect(table.locator('thead th[data-column="ratio"]')).toHaveText('Por residente');
  expect(await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-locality')))).toEqual(englishOrder);
  expect(await cellsOf(page, 'compare-table', 'tbody td[data-column="amount"]')).toEqual(englishAmounts);
  const ratios = await cellsOf(page, 'compare-table', 'tbody td[data-column="ratio"]');
  expect(ratios.map((r) => r.cents)).toEqual(englishRatios.map((r) => r.cents));
  expect(ratios.filter((r) => r.cents !== null).map((r) => r.text)).toEqual(englishRatios.filter((r) => r.cents !== null).map((r) => r.text));
  await expect(table.locator('tr[data-locality="wake-county-nc"] td[data-column="ratio"]')).toHaveText('$0.80');
  await expect(table.locator('tr[data-locality="wake-county-nc"] td[data-column="source"]')).toHaveText('Cifra del AF 2026: Made-up figures for the map test');
  await expect(table.locator('tbody td[data-column="amount"]').first()).toHaveText(MONEY);

  // The map: title, legend, keyboard labels and table in Spanish, the same shading as in English.
  const map = page.getByTestId('locality-map');
  await expect(map.locator('figcaption')).toHaveText('Gastado por residente en cada localidad, Carolina del Norte, AF 2026');
  await expect(page.getByTestId('map-legend')).toHaveAttribute('aria-label', 'Leyenda');
  await expect(map.locator('a[data-locality="wake-county-nc"]')).toHaveAttribute('aria-label', 'Wake County: lo gastado por residente, $0.80, AF 2026');
  const mapTable = page.getByTestId('map-table');
  await expect(mapTable.locator('caption')).toHaveText('Gastado por residente en cada localidad, Carolina del Norte, AF 2026 (tabla de datos)');
  await expect(mapTable.locator('thead th')).toHaveText(['Localidad', 'Gastado por residente', 'Rango en el mapa', 'Dibujada como']);
  await expect(mapTable.locator('tr[data-locality="chapel-hill-nc"]')).toContainText('punto en el centro de Orange County');
  await expect(mapTable.locator('tr[data-locality="wake-county-nc"] td').first()).toHaveText('$0.80');
  expect(await mapTable.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-locality'), tr.getAttribute('data-class')]))).toEqual(englishMapRows);
  await expectTableMatchesShading(page);
  await expect(page.getByTestId('map-points-note')).toContainText('condado');
  await expect(page.getByTestId('map-not-on-map')).toContainText('Cedarholm County (demo)');

  // The charts' headings and the share table in Spanish.
  await expect(page.getByRole('heading', { level: 2, name: 'Asignado y gastado por residente, AF 2026' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Parte del gasto destinada a cada grupo, AF 2026' })).toBeVisible();
  await expect(page.getByTestId('share-table').locator('caption')).toContainText('Parte del gasto del AF 2026 por grupo centrado en la salud (tabla de datos)');

  // Links: the year links and choosers stay Spanish; hreflang names both addresses.
  await expect(page.getByRole('navigation', { name: 'Año fiscal' }).getByRole('link', { name: 'AF 2026' })).toHaveAttribute('href', '/es/compare?fy=2026');
  await expect(page.getByTestId('compare-per').getByRole('link', { name: 'Por muerte por sobredosis' })).toHaveAttribute('href', /^\/es\/compare\?/);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', '/compare?fy=2026');

  await expectNoAxeViolations(page, 'Spanish compare page with the map');

  // Tab from the map's last chooser link reaches the first shaded place, a link named in Spanish with its value.
  await page.getByTestId('map-measure').getByRole('link').last().focus();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('data-locality', /-nc$/);
  await expect(focused).toHaveAttribute('aria-label', /^.+: lo gastado por residente, \$[\d,.]+, AF 2026$/);
});

test('the Spanish compare page per overdose death hides a count under 11, and its choosers keep the language', async ({ page }) => {
  await page.goto(`/es/compare?fy=${FY}`);
  await page.getByTestId('map-measure').getByRole('link', { name: 'Recibido por residente' }).click();
  await expect(page).toHaveURL(/\/es\/compare\?.*map=received/);
  await expect(page.getByTestId('locality-map').locator('figcaption')).toHaveText('Recibido por residente en cada localidad, Carolina del Norte, AF 2026');
  await expect(page.locator('svg.map-svg a[data-locality="durham-county-nc"]')).toHaveAttribute('aria-label', /: lo recibido por residente, \$6\.06, AF 2026$/);
  await expectTableMatchesShading(page);

  await page.getByTestId('compare-per').getByRole('link', { name: 'Por muerte por sobredosis' }).click();
  await expect(page).toHaveURL(/\/es\/compare\?.*per=death/);
  await expect(page).toHaveURL(/map=received/);
  const chatham = page.getByTestId('compare-table').locator('tr[data-locality="chatham-county-nc"]');
  await expect(chatham.locator('td[data-column="denominator"]')).toHaveText('menos de 11');
  await expect(chatham.locator('td[data-column="ratio"]')).toHaveText('No se muestra: menos de 11 muertes');
  await expect(chatham.locator('td[data-column="ratio"]')).not.toHaveAttribute('data-cents', /.*/);
  await expect(page.getByTestId('compare-table').locator('tr[data-locality="wake-county-nc"] td[data-column="ratio"]')).toHaveText('$3,680.00');
  await expect(page.getByTestId('deaths-suppressed')).toContainText('Chatham County');
  await expect(page.getByTestId('deaths-suppressed')).toContainText('menos de 11 muertes por sobredosis');

  // The ranking's measure is a GET form to the Spanish page: it keeps the denominator and the map's choice.
  await page.getByLabel('Ordenar por').selectOption({ label: 'Recibido' });
  await page.getByTestId('compare-measure').getByRole('button', { name: 'Mostrar' }).click();
  await expect(page).toHaveURL(/\/es\/compare\?.*measure=received/);
  await expect(page).toHaveURL(/per=death/);
  await expect(page).toHaveURL(/map=received/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('#ranking-heading')).toHaveText('Recibido por muerte por sobredosis, AF 2026');

  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/compare\?.*measure=received/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#ranking-heading')).toHaveText('Received per overdose death, FY2026');
});
