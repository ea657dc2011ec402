import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/accessibility';

/**
 * The Spanish pages (docs/adr/0016-spanish-pages-with-next-intl.md): `/es/…` serves a translated page in Spanish,
 * with <html lang="es">, Spanish navigation and US-Spanish money; the language switch leads to the same page in
 * English; a page not yet translated redirects to English; and the page cache keeps the two languages apart.
 */

const HTML = { accept: 'text/html,application/xhtml+xml' };
const stamp = Date.now().toString(36);

test('the categories page in Spanish: language, headings, names, money, links and the language switch', async ({ page }) => {
  await page.goto('/categories?fy=2026');
  const englishTotal = await page.locator('[data-testid="categories-table"] tfoot td[data-column="allocated"]').textContent();
  const englishCents = await page.locator('[data-testid="categories-table"] tfoot td[data-column="allocated"]').getAttribute('data-cents');

  await page.goto('/es/categories?fy=2026');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveTitle('Categorías · Abate');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Para qué es el dinero');
  await expect(page.getByRole('heading', { level: 2, name: 'Marco de Abate centrado en la salud' })).toBeVisible();
  const table = page.getByTestId('categories-table');
  await expect(table.locator('caption')).toHaveText('Categorías de Marco de Abate centrado en la salud, con el dinero aprobado de todas las localidades en el AF 2026');
  await expect(table.getByRole('link', { name: 'Distribución de naloxona y capacitación' })).toBeVisible();
  await expect(table.locator('tfoot th')).toHaveText('Todas las categorías');
  // The same cents, written as US Spanish writes dollars: "$1,234.56" (es-US), the same marks as the English page.
  const total = table.locator('tfoot td[data-column="allocated"]');
  await expect(total).toHaveAttribute('data-cents', englishCents!);
  await expect(total).toHaveText(englishTotal!);
  await expect(total).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);

  // Skip link, navigation and footer speak Spanish; links stay Spanish where the page is translated.
  await expect(page.getByRole('link', { name: 'Saltar al contenido principal' })).toBeAttached();
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link', { name: 'Categorías' })).toHaveAttribute('href', '/es/categories');
  await expect(nav.getByRole('link', { name: 'Categorías' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Comparar' })).toHaveAttribute('href', '/es/compare');
  // Staff pages are not translated: the English page, never a half-Spanish one.
  await expect(page.getByRole('link', { name: 'Acceso para el personal' })).toHaveAttribute('href', /^\/sign-in/);
  await expect(page.getByText('Abate es software de código abierto.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Año fiscal' }).getByRole('link', { name: 'AF 2026' })).toHaveAttribute(
    'href',
    '/es/categories?fy=2026',
  );

  // hreflang alternates name both addresses, with the query.
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', '/categories?fy=2026');
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute('href', '/es/categories?fy=2026');

  await expectNoAxeViolations(page, 'categories page in Spanish');

  // The switch leads to the same page and query in English, and back.
  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/categories\?fy=2026$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the money is for');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Categories' })).toHaveAttribute('href', '/categories');
  await page.getByTestId('language-switch').getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(/\/es\/categories\?fy=2026$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Para qué es el dinero');
});

test('moving around the Spanish page keeps it Spanish; a link to a page not yet translated loads it in English', async ({ page }) => {
  await page.goto('/es/categories?fy=2026');
  await page.getByTestId('framework-switch').getByRole('link', { name: /Anexo E/ }).click();
  await expect(page).toHaveURL(/\/es\/categories\?fy=2026&framework=exhibit-e$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Acuerdos nacionales: Anexo E (Exhibit E)' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  // A category's own page is Spanish too.
  await page.getByTestId('categories-table').getByRole('link', { name: /^A\. Naloxona/ }).click();
  await expect(page).toHaveURL(/\/es\/categories\/exhibit-e\/core-a\?fy=2026$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  // The staff sign-in page has no Spanish yet: the whole page, layout included, is English.
  await page.getByRole('link', { name: 'Acceso para el personal' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByText('Abate is open-source software.')).toBeVisible();
});

test('a Spanish address of a page not yet translated redirects to the English page, query kept', async ({ page, request }) => {
  const answer = await request.get('/es/sign-in?fy=2026', { headers: HTML, maxRedirects: 0 });
  expect(answer.status()).toBe(307);
  expect(answer.headers()['location']).toMatch(/\/sign-in\?fy=2026$/);
  expect(answer.headers()['x-content-type-options']).toBe('nosniff');

  await page.goto('/es/sign-in?fy=2026');
  await expect(page).toHaveURL(/\/sign-in\?fy=2026$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the page cache keeps the Spanish and English pages apart', async ({ request }) => {
  const query = `?fy=2026&e2e=lang-${stamp}`;
  const spanishFirst = await request.get(`/es/categories${query}`, { headers: HTML });
  const spanishSecond = await request.get(`/es/categories${query}`, { headers: HTML });
  expect(spanishFirst.headers()['x-abate-page-cache']).toBe('miss');
  expect(spanishSecond.headers()['x-abate-page-cache']).toBe('hit');
  for (const answer of [spanishFirst, spanishSecond]) {
    const html = await answer.text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain('Para qué es el dinero');
  }

  // The English address is its own entry: first a miss, and English.
  const englishFirst = await request.get(`/categories${query}`, { headers: HTML });
  const englishSecond = await request.get(`/categories${query}`, { headers: HTML });
  expect(englishFirst.headers()['x-abate-page-cache']).toBe('miss');
  expect(englishSecond.headers()['x-abate-page-cache']).toBe('hit');
  for (const answer of [englishFirst, englishSecond]) {
    const html = await answer.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('What the money is for');
    expect(html).not.toContain('Para qué es el dinero');
  }
});

test('only the proxy picks the language: a locale header sent by a client is ignored', async ({ request }) => {
  const answer = await request.get(`/categories?fy=2026&e2e=spoof-${stamp}`, { headers: { ...HTML, 'x-abate-locale': 'es' } });
  const html = await answer.text();
  expect(html).toContain('<html lang="en"');
  expect(html).toContain('What the money is for');
});

test('the board decisions page in Spanish: summary, table, filter form and links', async ({ page }) => {
  await page.goto('/l/cedarholm-county/decisions');
  // The demo data has decisions only once another test has made some (public-decisions.spec.ts): check either case.
  const englishAmounts = await page.locator('[data-testid="decisions-table"] tbody td[data-column="amount"]').allTextContents();

  await page.goto('/es/l/cedarholm-county/decisions');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Decisiones de la junta: Cedarholm County/);
  const table = page.getByTestId('decisions-table');
  await expect(table.locator('thead th').first()).toHaveText('Fecha');
  if (englishAmounts.length > 0) {
    await expect(page.getByTestId('decisions-count')).toHaveText(/^[\d,]+ aprobaci(ón|ones) y [\d,]+ devoluci(ón|ones)\. /);
    const amount = table.locator('tbody td[data-column="amount"]').first();
    await expect(amount).toHaveText(englishAmounts[0]!);
    await expect(amount).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    await expect(table.locator('tbody td[data-column="decision"]').first()).toHaveText(/Aprobada|Devuelta/);
  } else {
    await expect(page.getByTestId('decisions-count')).toHaveText('La junta todavía no ha aprobado ni devuelto ninguna línea.');
    await expect(table.locator('tbody')).toHaveText('La junta todavía no ha decidido sobre ninguna línea.');
  }
  // The breadcrumb leads to the Spanish locality page.
  await expect(page.locator('.breadcrumbs').getByRole('link', { name: /^Cedarholm County/ })).toHaveAttribute('href', '/es/l/cedarholm-county');

  // The filter form stays on the Spanish page.
  await page.getByLabel('Decisión').selectOption('return');
  await page.getByRole('button', { name: 'Mostrar decisiones' }).click();
  await expect(page).toHaveURL(/\/es\/l\/cedarholm-county\/decisions\?fy=&decision=return$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Decisiones de la junta: Cedarholm County/);

  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/l\/cedarholm-county\/decisions\?fy=&decision=return$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Board decisions: Cedarholm County/);
});

test('the outcomes page in Spanish: headings, tables, es-US money, links and the language switch', async ({ page }) => {
  await page.goto('/l/cedarholm-county/outcomes?fy=2026');
  const englishSpent = await page.locator('[data-testid="outcomes-table"] tbody td[data-column="spent"]').first().textContent();
  const englishCents = await page.locator('[data-testid="outcomes-table"] tbody td[data-column="spent"]').first().getAttribute('data-cents');

  await page.goto('/es/l/cedarholm-county/outcomes?fy=2026');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveTitle(/^Resultados: Cedarholm County.* · Abate$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Resultados: Cedarholm County/);
  const section = page.getByTestId('outcomes-section');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('Lo que logró el dinero, AF 2026');
  await expect(page.getByTestId('outcomes-summary')).toHaveText(/^\d+ programas? informa(ron|ó) resultados del AF 2026/);
  const table = page.getByTestId('outcomes-table');
  await expect(table.locator('caption')).toHaveText('Resultados informados por los programas para el AF 2026, con lo que gastaron');
  await expect(table.locator('thead th[data-column="program"]')).toContainText('Programa');
  await expect(table.locator('thead th[data-column="costPerUnit"]')).toHaveText('Costo por unidad');
  // The same cents, written as US Spanish writes dollars: "$1,234.56" (es-US).
  const spent = table.locator('tbody td[data-column="spent"]').first();
  await expect(spent).toHaveAttribute('data-cents', englishCents!);
  await expect(spent).toHaveText(englishSpent!);
  await expect(spent).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
  await expect(table.locator('tbody td[data-column="costPerUnit"]').filter({ hasText: / por / }).first()).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2} por \S+/);
  await expect(page.getByTestId('outcomes-not-reported-table').locator('tbody td[data-column="outcomes"]').first()).toHaveText('No informado');
  await expect(page.getByTestId('outcomes-quarter-table').locator('thead th[data-column="Q1"]')).toContainText('T1 (jul–sep 2025)');

  // The year links and the breadcrumb to the locality page stay Spanish.
  await expect(page.getByRole('navigation', { name: 'Año fiscal' }).getByRole('link', { name: 'AF 2026' })).toHaveAttribute(
    'href',
    '/es/l/cedarholm-county/outcomes?fy=2026',
  );
  await expect(page.locator('.breadcrumbs').getByRole('link', { name: /^Cedarholm County/ })).toHaveAttribute('href', '/es/l/cedarholm-county?fy=2026');
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', '/l/cedarholm-county/outcomes?fy=2026');

  await expectNoAxeViolations(page, 'outcomes page in Spanish');

  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/l\/cedarholm-county\/outcomes\?fy=2026$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Outcomes: Cedarholm County/);
  await expect(page.getByTestId('outcomes-table').locator('thead th[data-column="costPerUnit"]')).toHaveText('Cost per unit');
});

test('the outcomes page in Spanish for a year not reported says so in Spanish', async ({ page }) => {
  await page.goto('/es/l/granite-fork-county/outcomes?fy=2027');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('year-not-reported')).toHaveText(/Sin informar\s*Granite Fork County.* no ha presentado información del AF 2027\./);
  await expect(page.getByRole('link', { name: 'Dinero que llega' })).toHaveAttribute('href', '/es/l/granite-fork-county/money-in');
});
