import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInAs } from './helpers/sign-in';

/**
 * Issue #13 as county staff use it: an estimate from the settlement administrator goes into the schedule, a receipt
 * arrives against it, the reconciliation moves from "Not yet due" to "Partly received", and the North Carolina
 * annual financial report for that fiscal year counts the receipt; its XLSX download, opened with the workbook
 * library the workspace uses (exceljs), holds the same figures as the screen.
 *
 * Hikma is used because the demo ledger has no Hikma money and its payment years are not in the reference data, so
 * the row this test makes is the only one of its kind.
 */

const CEDARHOLM = 'cedarholm-county';
const SETTLEMENT = 'Hikma settlement';
const REPORT_URL = `/staff/l/${CEDARHOLM}/reports?report=nc-annual-financial-report&fy=2026`;

function reconciliationRow(page: Page): Locator {
  return page
    .getByRole('table', { name: 'Expected and received, by settlement and payment year' })
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: SETTLEMENT, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: '2026', exact: true }) });
}

/** The report's summary as on screen: item → amount text ("$1,234.56"). */
async function summaryOnScreen(page: Page): Promise<Map<string, string>> {
  const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 3, name: 'Annual financial report' }) });
  const rows = section.locator('tbody tr');
  const figures = new Map<string, string>();
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allInnerTexts();
    figures.set(cells[0]!.trim(), cells[1]!.trim());
  }
  return figures;
}

function cents(money: string): bigint {
  const negative = money.startsWith('-') || money.startsWith('(');
  const digits = money.replace(/[^0-9]/g, '');
  return (negative ? -1n : 1n) * BigInt(digits);
}

test('an expected payment and a receipt change the reconciliation, and the NC report on screen and in XLSX counts the receipt', async ({ page }) => {
  await signInAs(page, 'editor@demo.abate.test');

  await page.goto(REPORT_URL);
  await expect(page.getByRole('heading', { level: 2, name: /Annual Financial Report/i })).toBeVisible();
  const before = await summaryOnScreen(page);
  const receivedBefore = cents(before.get('2. Amount received during the fiscal year')!);

  // 1. The administrator's estimate: $48,000.00 for payment year 2026, expected in March 2027 (so not yet due).
  await page.goto(`/staff/l/${CEDARHOLM}/settlements`);
  await expect(reconciliationRow(page)).toHaveCount(0);
  await page.getByLabel('Settlement', { exact: true }).selectOption({ label: SETTLEMENT });
  await page.getByRole('textbox', { name: 'Payment year' }).fill('2026');
  await page.getByLabel('Expected amount').fill('48,000.00');
  await page.getByLabel('Expected date (optional)').fill('2027-03-01');
  await page.getByLabel('Source of the estimate').fill('Settlement administrator allocation estimate (e2e)');
  await page.getByRole('button', { name: 'Record this estimate' }).click();
  await expect(page.getByRole('status')).toHaveText('Estimate recorded.');
  await expect(reconciliationRow(page).locator('td')).toHaveText([
    '2026', '$48,000.00', '$0.00', '-$48,000.00', 'Not yet due', '2027-03-01', /\(e2e\)/,
  ]);

  // 2. A receipt of $30,000.00 against it, in fiscal year 2026 (July–June).
  await page.goto(`/staff/l/${CEDARHOLM}/receipts/new`);
  await page.getByLabel('Settlement or grant').selectOption({ label: SETTLEMENT });
  await page.getByLabel('Received on').fill('2026-03-16');
  await page.getByLabel('Amount received').fill('30,000.00');
  await page.getByLabel('Payment year (optional)').fill('2026');
  await page.getByRole('button', { name: 'Save and post' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/l/${CEDARHOLM}/receipts\\?saved=\\d+`));

  await page.goto(`/staff/l/${CEDARHOLM}/settlements`);
  const row = reconciliationRow(page).locator('td');
  await expect(row.nth(1)).toHaveText('$48,000.00');
  await expect(row.nth(2)).toHaveText('$30,000.00');
  await expect(row.nth(3)).toHaveText('-$18,000.00');
  await expect(row.nth(4)).toHaveText('Partly received');

  // 3. The NC report for FY2026 counts the receipt, and the ending balance moves with it.
  await page.goto(REPORT_URL);
  const after = await summaryOnScreen(page);
  expect(cents(after.get('2. Amount received during the fiscal year')!)).toBe(receivedBefore + 3_000_000n);
  const endingKey = [...after.keys()].find((key) => key.startsWith('5. Ending balance'))!;
  expect(cents(after.get(endingKey)!)).toBe(cents(before.get(endingKey)!) + 3_000_000n);

  // 4. The XLSX holds the same figures, cell for cell.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as XLSX' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${CEDARHOLM}-nc-annual-financial-report-fy2026.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('FY2026');
  expect(sheet).toBeDefined();
  const inWorkbook = new Map<string, string>();
  sheet!.eachRow((sheetRow) => {
    const label = sheetRow.getCell(1).value;
    const amount = sheetRow.getCell(2).value;
    // The number exceljs reads, formatted back to cents through its exact decimal text.
    if (typeof label === 'string' && typeof amount === 'number') inWorkbook.set(label, amount.toFixed(2));
  });
  for (const [item, shown] of after) {
    const screenCents = cents(shown);
    const negative = screenCents < 0n;
    const absolute = negative ? -screenCents : screenCents;
    const decimal = `${negative ? '-' : ''}${absolute / 100n}.${(absolute % 100n).toString().padStart(2, '0')}`;
    expect(inWorkbook.get(item), item).toBe(decimal);
  }
});
