import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/accessibility';

/**
 * The locality page in Spanish (docs/adr/0016-spanish-pages-with-next-intl.md): /es/l/{slug} speaks Spanish — header,
 * totals, charts and their tables, equity goals, outcomes, every line and the downloads — with the same cents as the
 * English page written as US Spanish writes dollars, links that stay Spanish where the target is translated, and the
 * language switch; and axe finds nothing.
 */

const SLUG = 'cedarholm-county';
const MONEY = /^\$\d{1,3}(,\d{3})*\.\d{2}$/;
const HEALTH_FIRST_GROUPS = [
  'Tratamiento',
  'Reducción de daños',
  'Recuperación y necesidades básicas',
  'Respuesta a crisis',
  'Datos y planificación',
  'Prevención',
  'Sistema penal',
  'Otros',
];

test('the locality page in Spanish: headings, totals, charts, tables, lines, links, downloads and the language switch', async ({ page }) => {
  await page.goto(`/l/${SLUG}?fy=2026`);
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!;
  const allocated = page.getByTestId('total-allocated');
  const englishAllocated = [await allocated.getAttribute('data-cents'), await allocated.textContent()];
  const categoryTotal = page.locator('[data-testid="category-table"] tfoot td[data-column="allocated"]');
  const englishCategoryTotal = [await categoryTotal.getAttribute('data-cents'), await categoryTotal.textContent()];
  const flowTotal = page.locator('[data-testid="flow-table"] tfoot td[data-column="allocated"]');
  const englishFlowCents = await flowTotal.getAttribute('data-cents');
  const linesTotal = page.locator('[data-testid="lines-table"] tfoot td[data-column="allocated"]');
  const englishLinesCents = await linesTotal.getAttribute('data-cents');
  const englishLineIds = await page.getByTestId('lines-table').locator('tbody tr[data-line-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-line-id')));
  const englishBars = await page.locator('[data-testid="category-chart"] [data-testid="bar"]').count();
  const englishGroups = await page.getByTestId('group-table').locator('tbody td[data-column="label"]').allTextContents();

  await page.goto(`/es/l/${SLUG}?fy=2026`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The locality's name is its own: the same in both languages.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page).toHaveTitle(/^Cedarholm County.* · Abate$/);
  await expect(page.locator('.lede')).toContainText('Dinero de los acuerdos sobre opioides recibido, asignado y gastado en el año fiscal 2026');
  await expect(page.locator('.lede')).toContainText('empiezan en julio');

  for (const heading of [
    'Totales del AF 2026',
    'Gasto por categoría',
    'Gasto por grupo',
    'Gasto a lo largo del año',
    'De dónde vino el dinero y adónde fue',
    'Metas de equidad del AF 2026',
    'Lo que logró el dinero',
    'Todas las líneas aprobadas',
    'Descargar los datos',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }

  // The same cents, written as US Spanish writes dollars: "$1,234.56" (es-US), the same marks as the English page.
  const spanishAllocated = page.getByTestId('total-allocated');
  await expect(spanishAllocated).toHaveAttribute('data-cents', englishAllocated[0]!);
  await expect(spanishAllocated).toHaveText(englishAllocated[1]!);
  await expect(spanishAllocated).toHaveText(MONEY);
  await expect(page.locator('.totals-card__label')).toHaveText(['Recibido', 'Asignado (aprobado)', 'Gastado', 'Sin gastar']);

  const categoryTable = page.getByTestId('category-table');
  await expect(categoryTable.locator('caption')).toHaveText('Asignado y gastado por categoría, AF 2026 (tabla de datos)');
  await expect(categoryTable.locator('thead th[data-column="label"]')).toContainText('Categoría');
  await expect(categoryTable.locator('thead th[data-column="allocated"]')).toContainText('Asignado');
  await expect(categoryTable.locator('tfoot td[data-column="allocated"]')).toHaveAttribute('data-cents', englishCategoryTotal[0]!);
  await expect(categoryTable.locator('tfoot td[data-column="allocated"]')).toHaveText(englishCategoryTotal[1]!);
  await expect(categoryTable.locator('tfoot th')).toHaveText('Total general');
  // Group names are the reference data's Spanish (health-first, the default framework: lib/categories/spanish.ts).
  const groups = await page.getByTestId('group-table').locator('tbody td[data-column="label"]').allTextContents();
  expect(groups).toHaveLength(englishGroups.length);
  for (const group of groups) expect(HEALTH_FIRST_GROUPS).toContain(group);

  const chart = page.getByTestId('category-chart');
  await expect(chart.locator('[data-testid="bar"]')).toHaveCount(englishBars);
  await expect(chart.getByRole('list', { name: 'Leyenda' })).toContainText('Asignado (rayado)');
  await expect(chart.locator('.chart-summary')).toHaveText(/^De \$[\d,]+ asignados en el AF 2026, el [\d.]+% se destinó a /);

  const quarterTable = page.getByTestId('quarter-table');
  await expect(quarterTable.locator('caption')).toHaveText('Dinero gastado en cada trimestre del AF 2026, por grupo de categorías (tabla de datos)');
  await expect(quarterTable.locator('thead th[data-column="Q1"]')).toContainText('T1 (jul–sep 2025)');
  await expect(quarterTable.locator('thead th[data-column="total"]')).toContainText('Año');

  const flowTable = page.getByTestId('flow-table');
  await expect(flowTable.locator('thead th[data-column="source"]')).toContainText('Fuente de fondos');
  await expect(flowTable.locator('tfoot td[data-column="allocated"]')).toHaveAttribute('data-cents', englishFlowCents!);
  await expect(page.getByTestId('flow-chart').locator('svg[data-testid="chart-svg"]')).toHaveAttribute('aria-label', /Diagrama de flujo desde la fuente de fondos/);

  await expect(page.getByTestId('equity-flags-sentence')).toHaveText(/^(No hay alertas para el AF 2026\.|\d+ alertas? para que la junta revise primero)/);
  await expect(page.getByTestId('equity-page-link')).toHaveAttribute('href', `/es/l/${SLUG}/equity?fy=2026`);
  await expect(page.getByTestId('outcomes-link')).toHaveAttribute('href', `/es/l/${SLUG}/outcomes?fy=2026`);

  // Every line: the same lines and totals, the table's words in Spanish, and links to the lines' Spanish pages.
  const lines = page.getByTestId('lines-table');
  await expect(page.getByTestId('lines-count')).toHaveText(/^(Se muestran [\d,]+–[\d,]+ de [\d,]+ líneas aprobadas|[\d,]+ líneas? aprobadas?)\.$/);
  await expect(lines.locator('caption')).toHaveText(/^Líneas aprobadas, AF 2026/);
  await expect(lines.locator('thead th[data-column="program"]')).toContainText('Programa');
  await expect(lines.locator('thead th[data-column="spent"]')).toContainText('Gastado hasta la fecha');
  expect(await lines.locator('tbody tr[data-line-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-line-id')))).toEqual(englishLineIds);
  await expect(lines.locator('tfoot td[data-column="allocated"]')).toHaveAttribute('data-cents', englishLinesCents!);
  await expect(lines.locator('tbody td[data-column="program"] a').first()).toHaveAttribute('href', new RegExp(`^/es/l/${SLUG}/lines/\\d+$`));
  const filter = page.getByRole('search', { name: 'Filtrar las líneas' });
  await expect(filter.getByLabel('Tipo de destinatario')).toBeVisible();
  await expect(filter.getByRole('button', { name: 'Mostrar líneas' })).toBeVisible();

  // The header's links and the year and framework choices stay on Spanish pages.
  await expect(page.getByTestId('money-in-link').getByRole('link', { name: 'Dinero que llega' })).toHaveAttribute('href', `/es/l/${SLUG}/money-in`);
  await expect(page.getByTestId('decisions-link').getByRole('link', { name: 'Decisiones de la junta' })).toHaveAttribute('href', `/es/l/${SLUG}/decisions`);
  await expect(page.getByTestId('feed-link').getByRole('link', { name: 'canal Atom' })).toHaveAttribute('href', `/l/${SLUG}/feed.xml`);
  await expect(page.getByRole('navigation', { name: 'Año fiscal' }).getByRole('link', { name: 'AF 2026' })).toHaveAttribute('href', `/es/l/${SLUG}?fy=2026`);
  const onThisPage = page.getByRole('navigation', { name: 'En esta página' });
  await expect(onThisPage.getByRole('link').first()).toHaveText('Totales');
  await expect(onThisPage.getByRole('link', { name: 'Todas las líneas' })).toHaveAttribute('href', '#lines');

  // The downloads are named in Spanish; the CSV has a Spanish header row over the same rows as the English file.
  await expect(page.getByTestId('download-csv')).toHaveText('Líneas aprobadas (hoja de cálculo CSV, con encabezados en español)');
  await expect(page.getByTestId('download-csv')).toHaveAttribute('href', `/data/${SLUG}/allocations.csv?lang=es`);
  const [spanishCsv, englishCsv] = await Promise.all(
    [`/data/${SLUG}/allocations.csv?lang=es`, `/data/${SLUG}/allocations.csv`].map(async (href) => (await page.request.get(href)).text()),
  );
  const [spanishHeader, ...spanishRows] = spanishCsv!.split('\r\n');
  expect(spanishHeader!.split(',').slice(0, 4)).toEqual(['Identificador', 'Localidad', 'Año fiscal', 'Programa']);
  expect(spanishRows).toEqual(englishCsv!.split('\r\n').slice(1));
  await expect(page.getByRole('link', { name: 'otras localidades' })).toHaveAttribute('href', /^(\/es)?\/compare\?fy=2026$/);

  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', `/l/${SLUG}?fy=2026`);
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute('href', `/es/l/${SLUG}?fy=2026`);

  await expectNoAxeViolations(page, 'locality page in Spanish');

  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/l/${SLUG}\\?fy=2026$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Totals for FY2026' })).toBeVisible();
  await expect(page.getByTestId('category-table').locator('caption')).toHaveText('Allocated and spent by category, FY2026 (data table)');
  await page.getByTestId('language-switch').getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(new RegExp(`/es/l/${SLUG}\\?fy=2026$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Totales del AF 2026' })).toBeVisible();
});

test('filtering and paging the lines keeps the Spanish page', async ({ page }) => {
  await page.goto(`/es/l/${SLUG}?fy=2026`);
  const filter = page.getByRole('search', { name: 'Filtrar las líneas' });
  const type = filter.getByLabel('Tipo de destinatario');
  const option = (await type.locator('option').nth(1).getAttribute('value'))!;
  await type.selectOption(option);
  await expect(page).toHaveURL(new RegExp(`/es/l/${SLUG}\\?fy=2026&recipient_type=${option}#lines$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('lines-count')).toHaveText(/^Se muestran [\d,]+(–[\d,]+)? de /);
  await expect(filter.getByRole('link', { name: 'Quitar filtros' })).toBeVisible();
});

test('the Spanish page flags criminal-legal recipients and uses in Spanish', async ({ page }) => {
  await page.goto('/es/l/granite-fork-county?fy=2026');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('criminal-legal-lines')).toContainText(/líneas? se paga(n)? a destinatarios del sistema penal/);
  const discouraged = page.getByTestId('discouraged-flag');
  if ((await discouraged.count()) > 0) await expect(discouraged).toContainText('del dinero asignado');
});

test('the locality page in Spanish for a year not reported says so in Spanish', async ({ page }) => {
  await page.goto('/es/l/granite-fork-county?fy=2027');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveTitle(/AF 2027 sin informar · Abate$/);
  await expect(page.getByTestId('year-not-reported')).toHaveText(/Sin informar\s*Granite Fork County.* no ha presentado información del AF 2027\./);
  await expect(page.getByRole('navigation', { name: 'Año fiscal' }).getByRole('link', { name: 'AF 2026' })).toHaveAttribute(
    'href',
    '/es/l/granite-fork-county?fy=2026',
  );
  await expect(page.getByTestId('language-switch').getByRole('link', { name: 'English' })).toHaveAttribute('href', '/l/granite-fork-county?fy=2027');
});
