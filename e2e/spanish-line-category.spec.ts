import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/accessibility';

/**
 * The public line page in Spanish (docs/adr/0016-spanish-pages-with-next-intl.md): /es/l/{slug}/lines/{id} speaks
 * Spanish — headings, facts, flags, tables, the public history — with the same cents as the English page, links that
 * stay Spanish where the target is translated, and the language switch.
 */

const SLUG = 'granite-fork-county';

/** A line of the demo county paid to its sheriff or drug task force: it carries the criminal-legal flag. */
async function lawEnforcementLine(page: Page): Promise<string> {
  await page.goto(`/l/${SLUG}?fy=2026&recipient_type=law_enforcement`);
  const href = await page.getByTestId('lines-table').locator('tbody td[data-column="program"] a').first().getAttribute('href');
  expect(href).toMatch(new RegExp(`^/l/${SLUG}/lines/\\d+$`));
  return href!;
}

test('the line page in Spanish: flags, facts, money, tables, history, links and the language switch', async ({ page }) => {
  const path = await lawEnforcementLine(page);
  await page.goto(path);
  const program = await page.getByRole('heading', { level: 1 }).textContent();
  const allocated = page.getByTestId('line-allocated');
  const englishAllocatedCents = await allocated.getAttribute('data-cents');
  const englishAllocated = await allocated.textContent();
  const englishSplitTotal = await page.getByTestId('split-table').locator('tfoot td[data-column="allocated"]').textContent();
  const englishFlags = await page.getByTestId('line-flags').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
  await expect(page.getByTestId('line-flags').locator('li[data-code="criminal-legal-recipient"]')).toContainText(
    'Paid to a criminal-legal-system recipient: ',
  );

  await page.goto(`/es${path}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The program's own name is the locality's words: the same in both languages.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(program!);
  await expect(page).toHaveTitle(`${program} · Granite Fork County (demo) · Abate`);
  await expect(page.getByRole('heading', { level: 2, name: 'Alertas' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'En qué se usa' })).toBeVisible();

  // The same flags, in Spanish: the recipient named, the list joined with "y".
  const flags = page.getByTestId('line-flags').locator('li');
  expect(await flags.evaluateAll((items) => items.map((li) => li.getAttribute('data-code')))).toEqual(englishFlags);
  const criminalLegal = page.getByTestId('line-flags').locator('li[data-code="criminal-legal-recipient"]');
  await expect(criminalLegal).toContainText('Pagado a un destinatario del sistema penal: ');
  await expect(criminalLegal).toContainText(/Este dinero va a .+, que forma parte del sistema penal/);
  await expect(page.getByTestId('line-flags')).not.toContainText('Paid to');

  // Facts: labels and the recipient type in Spanish.
  await expect(page.locator('dt', { hasText: 'Tipo de destinatario' })).toBeVisible();
  await expect(page.locator('dt', { hasText: 'Tipo de destinatario' }).locator('xpath=following-sibling::dd')).toHaveText('Fuerzas del orden');
  await expect(page.locator('dt', { hasText: 'Año fiscal' }).locator('xpath=following-sibling::dd')).toHaveText(/^AF \d{4}/);

  // The same cents, written as US Spanish writes dollars.
  await expect(page.getByRole('heading', { level: 2, name: 'Dinero' })).toBeVisible();
  await expect(page.getByTestId('line-allocated')).toHaveAttribute('data-cents', englishAllocatedCents!);
  await expect(page.getByTestId('line-allocated')).toHaveText(englishAllocated!);
  await expect(page.getByText('Asignado (aprobado)')).toBeVisible();

  const splits = page.getByTestId('split-table');
  await expect(splits.locator('caption')).toHaveText('Reparto de esta línea por categorías');
  await expect(splits.locator('thead th[data-column="framework"]')).toContainText('Marco');
  await expect(splits.locator('tfoot th')).toHaveText('Total general');
  await expect(splits.locator('tfoot td[data-column="allocated"]')).toHaveText(englishSplitTotal!);
  await expect(splits.locator('tfoot td[data-column="allocated"]')).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
  await expect(splits.locator('tbody td[data-column="framework"]').first()).toHaveText('Marco de Abate centrado en la salud');

  const spending = page.getByTestId('spending-table');
  await expect(spending.locator('caption')).toHaveText('Pagos hechos con cargo a esta línea');
  await expect(spending.locator('thead th[data-column="period"]')).toContainText('Año fiscal y trimestre');
  if ((await spending.locator('tbody td[data-column="period"]').count()) > 0) {
    await expect(spending.locator('tbody td[data-column="period"]').first()).toHaveText(/^AF \d{4} T[1-4] \(/);
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Historial público' })).toBeVisible();

  // The locality page and the home page, in Spanish.
  const crumbs = page.getByRole('navigation', { name: 'Ruta de navegación' });
  await expect(crumbs.getByRole('link', { name: 'Localidades' })).toHaveAttribute('href', '/es');
  await expect(crumbs.getByRole('link', { name: /^Granite Fork County/ })).toHaveAttribute('href', new RegExp(`^/es/l/${SLUG}\\?fy=\\d{4}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', path);
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute('href', `/es${path}`);

  await expectNoAxeViolations(page, 'line page in Spanish');

  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Flags' })).toBeVisible();
  await expect(page.getByTestId('split-table').locator('caption')).toHaveText('Category splits of this line');
});

test('a line that is not public is not found in Spanish either', async ({ request }) => {
  expect((await request.get(`/es/l/${SLUG}/lines/2147483647`)).status()).toBe(404);
  expect((await request.get(`/es/l/${SLUG}/lines/not-a-number`)).status()).toBe(404);
});

test('the category page in Spanish: names, texts, summary, table, es-US money, links and the language switch', async ({ page }) => {
  const path = '/categories/health-first/law-enforcement';
  await page.goto(`${path}?fy=2026`);
  const englishTotal = page.getByTestId('category-localities-table').locator('tfoot td[data-column="allocated"]');
  const englishCents = await englishTotal.getAttribute('data-cents');
  const englishText = await englishTotal.textContent();

  await page.goto(`/es${path}?fy=2026`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const name = 'Fuerzas del orden: equipo, grupos especiales, persecución de drogas';
  await expect(page).toHaveTitle(`${name} · Abate`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('stance')).toContainText('Desaconsejado por la evidencia');
  await expect(page.getByTestId('stance')).toContainText('Grupo: Sistema penal');
  await expect(page.getByRole('heading', { level: 2, name: 'Qué es' })).toBeVisible();
  await expect(page.getByText(/^Vehículos policiales, armas, herramientas de vigilancia/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Por qué importa' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'El dinero de cada localidad para esta categoría, AF 2026' })).toBeVisible();

  const table = page.getByTestId('category-localities-table');
  await expect(table.locator('caption')).toHaveText(`Asignado y gastado en ${name} por localidad, AF 2026 (tabla de datos)`);
  await expect(table.locator('thead th[data-column="name"]')).toContainText('Localidad');
  await expect(table.locator('tfoot th')).toHaveText('Todas las localidades');
  const total = table.locator('tfoot td[data-column="allocated"]');
  await expect(total).toHaveAttribute('data-cents', englishCents!);
  await expect(total).toHaveText(englishText!);
  await expect(total).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
  await expect(page.getByTestId('category-localities-chart').locator('figcaption')).toHaveText(`Asignado y gastado en ${name} por localidad, AF 2026`);

  // Links stay Spanish: the categories list, the year links, the same category in another framework.
  const crumbs = page.getByRole('navigation', { name: 'Ruta de navegación' });
  await expect(crumbs.getByRole('link', { name: 'Categorías' })).toHaveAttribute('href', '/es/categories');
  await expect(page.getByRole('navigation', { name: 'Año fiscal' }).getByRole('link', { name: 'AF 2026' })).toHaveAttribute('href', `/es${path}?fy=2026`);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', `${path}?fy=2026`);

  await expectNoAxeViolations(page, 'category page in Spanish');

  const other = page.getByTestId('framework-switch').getByRole('link', { name: /Anexo E/ });
  await expect(other).toHaveAttribute('href', /^\/es\/categories\/exhibit-e\/[^/?]+\?fy=2026$/);
  await other.click();
  await expect(page).toHaveURL(/\/es\/categories\/exhibit-e\/[^/?]+\?fy=2026$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 2, name: 'Qué es' })).toBeVisible();

  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/categories\/exhibit-e\/[^/?]+\?fy=2026$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'What it is' })).toBeVisible();
});
