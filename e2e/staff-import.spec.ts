import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/sign-in';
import { READ_FILE_TIMEOUT_MS } from './helpers/timeouts';

/**
 * The spreadsheet import as a budget officer uses it. The messy file has a UTF-8 BOM, Windows line endings, a title
 * and a note above the header, "$1,234.56", a blank row, a totals row, and one bad row: row 10 allocates
 * "(500.00)", a negative amount. The fixed file has 500.00 there; its five lines are the good rows.
 */

// Playwright compiles specs to CommonJS and runs them from the project root.
const FIXTURES = path.resolve('e2e/fixtures');
const MESSY = path.join(FIXTURES, 'messy-allocations.csv');
const FIXED = path.join(FIXTURES, 'messy-allocations-fixed.csv');
const IMPORT_PAGE = '/staff/l/cedarholm-county/import';

async function uploadAndPreview(page: Page, file: string): Promise<void> {
  await page.getByLabel('Spreadsheet file').setInputFiles(file);
  await page.getByRole('button', { name: /^Upload/ }).click();
  await expect(page.getByRole('heading', { name: '2. Match the columns' })).toBeVisible({ timeout: READ_FILE_TIMEOUT_MS });
  // The headers were recognised: each required field already has its column.
  await expect(page.getByLabel('Amount Allocated')).toHaveValue('amount');
  await expect(page.getByLabel('Category')).toHaveValue('category');
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByRole('heading', { name: '3. Check the preview' })).toBeVisible({ timeout: READ_FILE_TIMEOUT_MS });
}

test('a messy spreadsheet: the preview names the bad row, the fixed file creates exactly the good rows, and again creates none', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, 'editor@demo.abate.test', IMPORT_PAGE);
  await expect(page.getByRole('heading', { level: 1, name: 'Import a spreadsheet' })).toBeVisible();
  await expect(page.getByText(/CSV or Excel \(\.xlsx\), up to 20 MB/)).toBeVisible();

  // 1. The messy file: the bad row is named by row, column, value and reason, and nothing can be committed.
  await uploadAndPreview(page, MESSY);
  const errors = page.getByTestId('import-errors');
  await expect(errors.locator('tbody tr')).toHaveCount(1);
  const bad = errors.locator('tbody tr').first();
  await expect(bad.locator('td').nth(0)).toHaveText('10');
  await expect(bad.locator('td').nth(1)).toHaveText('Amount Allocated');
  await expect(bad.locator('td').nth(2)).toHaveText('(500.00)');
  await expect(bad.locator('td').nth(3)).toHaveText('allocated amount cannot be negative');
  await expect(page.getByText('Nothing can be imported until every problem is fixed.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d+ lines?$/ })).toHaveCount(0);
  // Title, note, blank rows and the totals row are listed as skipped, not silently dropped.
  const skipped = page.getByTestId('import-skipped');
  await expect(skipped.locator('tr[data-row="11"]')).toContainText('totals row');
  await expect(skipped.locator('tr[data-row="8"]')).toContainText('blank row');
  await expect(page.getByTestId('import-lines').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('import-lines').locator('tr[data-row="5"]')).toContainText('$1,234.56');

  // 2. The fixed file: five lines to create; commit; "Created 5 lines".
  await uploadAndPreview(page, FIXED);
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await expect(page.getByTestId('import-summary')).toContainText('5 lines will be created ($154,734.56 allocated, $12,700.00 spent to date)');
  await page.getByRole('button', { name: 'Import 5 lines' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Created 5 lines');
  const created = page.getByTestId('import-created');
  await expect(created.locator('tbody tr')).toHaveCount(5);
  for (const program of [
    'Jail medication program',
    'Naloxone for libraries',
    'Post-overdose outreach',
    'Recovery housing vouchers',
    'Community crisis line',
  ]) {
    await expect(created).toContainText(program);
  }

  // The lines are in the locality's staff list.
  await expect(page.getByRole('link', { name: 'Open the allocations list' })).toHaveAttribute(
    'href',
    '/staff/l/cedarholm-county/allocations',
  );
  await page.goto('/staff/l/cedarholm-county/allocations?q=Recovery+housing+vouchers');
  await expect(page.getByRole('link', { name: 'Recovery housing vouchers' })).toBeVisible();

  // 3. The same file again: nothing to create or change, five rows already up to date; committing writes none.
  await page.goto(IMPORT_PAGE);
  await uploadAndPreview(page, FIXED);
  await expect(page.getByTestId('import-summary')).toContainText('0 lines will be created');
  await expect(page.getByTestId('import-summary')).toContainText('5 already up to date');
  await expect(page.getByTestId('import-skipped').locator('tr[data-row="9"]')).toContainText(/already up to date \(line #\d+\)/);
  await page.getByRole('button', { name: 'Import 0 lines' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Created 0 lines');
  await expect(page.getByTestId('import-result')).toContainText('5 rows already up to date');
});

test('a file over the size limit is refused in the browser and by the server, and another locality’s editor is refused', async ({
  page,
}) => {
  await signInAs(page, 'editor@demo.abate.test', IMPORT_PAGE);
  await page.getByLabel('Spreadsheet file').setInputFiles({
    name: 'huge.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(21 * 1024 * 1024, 'a'),
  });
  await page.getByRole('button', { name: /^Upload/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The file is' })).toContainText(
    'The file is 21.0 MB; the import accepts files up to 20 MB',
  );

  // The server refuses it too, from the declared size, before reading the body.
  const tooLarge = await page.request.post('/staff/l/cedarholm-county/import/preview', {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(21 * 1024 * 1024, 'a') } },
  });
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).reason).toContain('the import accepts files up to 20 MB');

  // The route itself refuses an editor of another locality, whatever the browser sends.
  const response = await page.request.post('/staff/l/port-wexley/import/preview', {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('fiscal_year,program,category,amount\n2026,A,moud,1\n') } },
  });
  expect(response.status()).toBe(404);
  const commit = await page.request.post('/staff/l/port-wexley/import/commit', {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('fiscal_year,program,category,amount\n2026,A,moud,1\n') } },
  });
  expect(commit.status()).toBe(404);
});
