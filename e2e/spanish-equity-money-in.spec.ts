import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/accessibility';

/**
 * The equity goals and "money coming in" pages in Spanish (docs/adr/0016-spanish-pages-with-next-intl.md): the same
 * goals, statuses, flags and amounts as the English pages, in Spanish words, with es-US money; links stay Spanish
 * where the target is translated; the language switch leads back to English.
 */

const MONEY = /^\$\d{1,3}(,\d{3})*\.\d{2}$/;

test('the equity page in Spanish: headings, goals, statuses, flags, charts, links and the language switch', async ({ page }) => {
  await page.goto('/l/cedarholm-county/equity?fy=2026');
  const englishGoals = await page.getByTestId('goal-bullet').evaluateAll((items) => items.map((li) => [li.getAttribute('data-goal-id'), li.getAttribute('data-status')]));
  const englishFlagCents = await page.locator('[data-testid="equity-panel-flags"] .equity-flag__amount [data-cents]').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-cents')));
  const englishFlagAmounts = await page.locator('[data-testid="equity-panel-flags"] .equity-flag__amount [data-cents]').allTextContents();
  const englishKinds = await page.locator('[data-testid="equity-panel-flags"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
  expect(englishGoals.length).toBeGreaterThan(0);

  await page.goto('/es/l/cedarholm-county/equity?fy=2026');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveTitle(/^Metas de equidad: Cedarholm County.* · Abate$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Metas de equidad: Cedarholm County/);
  await expect(page.getByRole('heading', { level: 2, name: 'Metas de equidad del AF 2026' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Por qué importa cada meta' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Alertas' })).toBeVisible();

  // The same goals with the same statuses, each status in Spanish words.
  const goals = page.getByTestId('goal-bullet');
  expect(await goals.evaluateAll((items) => items.map((li) => [li.getAttribute('data-goal-id'), li.getAttribute('data-status')]))).toEqual(englishGoals);
  const statusWords = { met: 'Cumplida (verde)', close: 'Cerca (ámbar)', missed: 'No cumplida (rojo)', not_enough_data: 'Sin datos suficientes' } as const;
  const [, firstStatus] = englishGoals[0]!;
  await expect(goals.first().locator('.goal-status')).toHaveText(new RegExp(`${statusWords[firstStatus as keyof typeof statusWords].replace(/[()]/g, '\\$&')}$`));
  await expect(goals.first().locator('.goal-bullet__values')).toContainText('Valor real');
  await expect(goals.first().locator('.goal-bullet__thresholds')).toHaveText(/^Verde con /);
  await expect(page.getByTestId('equity-goals-table').locator('caption')).toContainText('Metas de equidad del AF 2026: valor real frente a la meta (tabla de datos)');
  await expect(page.getByTestId('equity-goals')).toContainText(/AF 2026: \d+ de \d+ metas? cumplidas?/);

  // The same flags with the same amounts (es-US money), their words in Spanish.
  const flags = page.getByTestId('equity-panel-flags');
  expect(await flags.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')))).toEqual(englishKinds);
  const amounts = flags.locator('.equity-flag__amount [data-cents]');
  expect(await amounts.evaluateAll((spans) => spans.map((s) => s.getAttribute('data-cents')))).toEqual(englishFlagCents);
  expect(await amounts.allTextContents()).toEqual(englishFlagAmounts);
  if (englishKinds.length > 0) {
    await expect(page.locator('.flags-summary')).toHaveText(/^\d+ alertas? para el AF 2026/);
    await expect(amounts.first()).toHaveText(MONEY);
    await expect(flags.locator('.equity-flag__severity').first()).toHaveText(/Alta|Media/);
  }
  if (englishKinds.includes('discouraged_use')) {
    await expect(flags.locator('li[data-kind="discouraged_use"] .equity-flag__detail').first()).toContainText('El marco centrado en la salud lo desaconseja');
  }

  // Reach and deaths by area, when the year has them.
  const reach = page.getByTestId('equity-panel-reach');
  if ((await reach.count()) > 0) {
    await expect(reach.locator('figcaption')).toHaveText('Alcance por raza/etnia, AF 2026: proporción de personas atendidas frente a proporción de muertes por sobredosis');
    await expect(page.getByTestId('equity-panel-reach-table').locator('thead th').first()).toContainText('Grupo');
  }
  const areas = page.getByTestId('equity-panel-areas');
  if ((await areas.count()) > 0) {
    await expect(areas.locator('figcaption')).toHaveText(/^Muertes por sobredosis por cada 100,000 residentes por zona de Cedarholm County \(demo\), AF 2026$/);
  }

  // Year links stay Spanish; hreflang names both addresses.
  await expect(page.getByRole('navigation', { name: 'Año fiscal' }).getByRole('link', { name: 'AF 2026' })).toHaveAttribute(
    'href',
    '/es/l/cedarholm-county/equity?fy=2026',
  );
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', '/l/cedarholm-county/equity?fy=2026');
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute('href', '/es/l/cedarholm-county/equity?fy=2026');
  await expect(page.getByRole('link', { name: 'las mismas metas como datos abiertos (JSON)' })).toHaveAttribute(
    'href',
    '/api/v1/localities/cedarholm-county/equity?fy=2026',
  );

  await expectNoAxeViolations(page, 'equity page in Spanish');

  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/l\/cedarholm-county\/equity\?fy=2026$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Equity goals: Cedarholm County/);
  await expect(page.getByRole('heading', { level: 2, name: 'Equity goals for FY2026' })).toBeVisible();
});

test('the equity page in Spanish for a year not reported says so in Spanish', async ({ page }) => {
  await page.goto('/es/l/granite-fork-county/equity?fy=2027');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('year-not-reported')).toHaveText(/Granite Fork County.* no ha presentado información del AF 2027\./);
  await expect(page.getByRole('link', { name: 'Dinero que llega' })).toHaveAttribute('href', '/es/l/granite-fork-county/money-in');
});

test('the money-in page in Spanish: summary, chart, tables, es-US money, data links and the language switch', async ({ page }) => {
  await page.goto('/l/cedarholm-county/money-in');
  const englishReceived = await page.locator('[data-testid="reconciliation-table"] tbody td[data-cents]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cents')));
  const englishCells = await page.locator('[data-testid="reconciliation-table"] tbody td.cell--money').allTextContents();
  const englishFund = await page.locator('[data-testid="fund-table"] tbody td[data-column="endingCents"]').allTextContents();
  const englishSegments = await page.getByTestId('money-in-segment').count();

  await page.goto('/es/l/cedarholm-county/money-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveTitle(/^Dinero que llega: Cedarholm County.* · Abate$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Dinero que llega: Cedarholm County/);
  await expect(page.locator('.locality-page > .lede')).toHaveText(/^(De \$[\d,.]+ esperados hasta el año de pago \d{4}, han llegado \$[\d,.]+|Todavía no se esperan pagos)/);
  await expect(page.getByRole('heading', { level: 2, name: 'Lo esperado y lo recibido, por año de pago del acuerdo' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Atrasados' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'El fondo del acuerdo, año por año' })).toBeVisible();

  // The reconciliation table: Spanish words, the same cents and the same US-style dollar figures.
  const table = page.getByRole('table', { name: 'Lo esperado y lo recibido, por acuerdo y año de pago' });
  await expect(table.locator('thead th').first()).toHaveText('Acuerdo');
  expect(await table.locator('tbody td[data-cents]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cents')))).toEqual(englishReceived);
  expect(await table.locator('tbody td.cell--money').allTextContents()).toEqual(englishCells);
  if (englishReceived.length > 0) {
    await expect(table.locator('tbody td[data-cents]').first()).toHaveText(MONEY);
    await expect(table.locator('tbody tr').first().locator('td').nth(4)).toHaveText(
      /Recibido por completo|Recibido en parte|Atrasado|Todavía no vence|Más de lo esperado|No esperado/,
    );
  }

  // The chart: Spanish title and note, the same segments, Spanish labels.
  const chart = page.getByTestId('money-in-chart');
  await expect(chart.locator('figcaption')).toHaveText('Lo esperado y lo recibido por año de pago');
  await expect(page.getByTestId('money-in-segment')).toHaveCount(englishSegments);
  if (englishSegments > 0) {
    await expect(chart.locator('svg.chart-svg')).toHaveAttribute('aria-label', /Gráfico de barras: lo esperado y lo recibido por año de pago/);
    await expect(page.getByTestId('money-in-segment').first()).toHaveAttribute('aria-label', /, (esperado|recibido): \$[\d,]+\.\d{2}$/);
  }

  // The fund table: Spanish headers and years, the same figures.
  const fund = page.getByTestId('fund-table');
  await expect(fund.locator('caption')).toHaveText('Cedarholm County (demo): fondo del acuerdo por año fiscal, del más reciente al más antiguo');
  await expect(fund.locator('thead th').first()).toHaveText('Año fiscal');
  await expect(fund.locator('thead th').last()).toHaveText('Saldo final');
  expect(await fund.locator('tbody td[data-column="endingCents"]').allTextContents()).toEqual(englishFund);
  if (englishFund.length > 0) await expect(fund.locator('tbody th').first()).toHaveText(/^AF \d{4}$/);

  // Data links point at the same files; the breadcrumb and the switch.
  await expect(page.getByRole('link', { name: 'años del fondo (CSV)' })).toHaveAttribute('href', '/data/cedarholm-county/fund-years.csv');
  await expect(page.getByRole('link', { name: 'lo esperado y lo recibido (CSV)' })).toHaveAttribute('href', '/data/cedarholm-county/reconciliation.csv');
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', '/l/cedarholm-county/money-in');

  await expectNoAxeViolations(page, 'money-in page in Spanish');

  await page.getByTestId('language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/l\/cedarholm-county\/money-in$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Money coming in: Cedarholm County/);
  await expect(page.getByRole('table', { name: 'Expected and received, by settlement and payment year' })).toBeVisible();
});
