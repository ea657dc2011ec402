import { expect, test, type Browser, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectNoAxeViolations } from './helpers/accessibility';
import { signedInPage } from './helpers/sign-in';

/**
 * Entering money as county staff would: an allocation split over two categories goes from draft to the public page
 * through the board; two people editing the same line lose nothing; and an editor of another locality can change
 * nothing here, through the pages or by calling the action with this locality's ids. Where the board approves
 * receipts and payments, the editor saves a payment as a draft and a reviewer posts it from the review page.
 */

const CEDARHOLM = 'cedarholm-county';
const PORT_WEXLEY = 'port-wexley';
const MOUD = 'Medications for opioid use disorder (methadone, buprenorphine, naltrexone), including in jails';
const HOUSING = 'Housing, including recovery housing';
const stamp = Date.now().toString(36);


interface NewAllocation {
  program: string;
  description: string;
  fiscalYear: string;
  amount: string;
  splits: [label: string, percent: string][];
}

/** Fills the "New allocation" form and saves the draft; returns the new allocation's id. */
async function createAllocation(page: Page, slug: string, line: NewAllocation): Promise<number> {
  await page.goto(`/staff/l/${slug}/allocations`);
  await page.getByRole('link', { name: 'New allocation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New allocation' })).toBeVisible();
  await page.getByLabel('Program').fill(line.program);
  await page.getByLabel('Plain-language description').fill(line.description);
  await page.getByLabel('Fiscal year').selectOption(line.fiscalYear);
  await page.getByLabel('Amount allocated').fill(line.amount);
  await page.getByLabel('No recipient yet').check();
  for (const [index, [label, percent]] of line.splits.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add a category' }).click();
    await page.getByLabel(`Category ${index + 1}`, { exact: true }).selectOption({ label });
    await page.getByLabel(`Share of category ${index + 1} (%)`).fill(percent);
  }
  await expect(page.getByTestId('splits-total')).toContainText('Total: 100% ✓');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/l/${slug}/allocations/\\d+$`));
  await expect(page.getByTestId('allocation-status')).toHaveText('Draft');
  return Number(new URL(page.url()).pathname.split('/').at(-1));
}

/**
 * The editor submits the allocation they have just saved (their page is on it); a reviewer, signed in in a context of
 * their own, approves it. Returns the reviewer's page.
 */
async function submitAndApprove(browser: Browser, editor: Page, id: number): Promise<Page> {
  await editor.getByTestId('submit-allocation').getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor.getByTestId('allocation-status')).toHaveText('Submitted');
  const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
  await reviewer.goto(`/staff/l/${CEDARHOLM}/allocations/${id}`);
  await reviewer.getByTestId('decide-allocation').getByRole('button', { name: 'Approve' }).click();
  await expect(reviewer.getByTestId('allocation-status')).toHaveText('Approved');
  return reviewer;
}

/** Allocated cents on the public page: the total card and one category's row of the category table. */
async function publicAllocated(page: Page, fiscalYear: string, categoryLabel: string) {
  await page.goto(`/l/${CEDARHOLM}?fy=${fiscalYear}`);
  const table = page.getByTestId('category-table');
  const row = table.locator('tbody tr').filter({ hasText: categoryLabel });
  const rowCents = (await row.count()) === 0 ? '0' : await row.locator('[data-column="allocated"]').getAttribute('data-cents');
  return {
    total: BigInt((await page.getByTestId('total-allocated').getAttribute('data-cents')) ?? '0'),
    tableTotal: BigInt((await table.locator('tfoot [data-column="allocated"]').getAttribute('data-cents')) ?? '0'),
    category: BigInt(rowCents ?? '0'),
  };
}

test('an editor adds an allocation over two categories, the board approves it, and the public page counts it', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  const before = {
    moud: await publicAllocated(editor, '2026', MOUD),
    housing: (await publicAllocated(editor, '2026', HOUSING)).category,
  };

  const program = `Buprenorphine and housing pilot ${stamp}`;
  const id = await createAllocation(editor, CEDARHOLM, {
    program,
    description: 'Medication for opioid use disorder at the clinic, and recovery housing beds for people starting it.',
    fiscalYear: '2026',
    amount: '$12,345.00',
    splits: [
      [MOUD, '60'],
      [HOUSING, '40'],
    ],
  });
  const splits = editor.getByTestId('allocation-splits');
  await expect(splits.locator('tbody tr')).toHaveCount(2);
  await expect(splits.locator('tbody tr').first()).toContainText('60%');
  await expect(editor.getByTestId('allocation-amount')).toHaveAttribute('data-cents', '1234500');

  // The staff list finds it, totals the view, and exports the same view as CSV.
  await editor.goto(`/staff/l/${CEDARHOLM}/allocations?q=${encodeURIComponent(stamp)}`);
  const list = editor.getByTestId('allocations-table');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tfoot [data-column="amount"]')).toHaveAttribute('data-cents', '1234500');
  const exportHref = await editor.getByRole('link', { name: 'Export this view to CSV' }).getAttribute('href');
  const csv = await (await editor.request.get(exportHref!)).text();
  expect(csv.split('\r\n')[0]).toContain('id,fiscal_year,program');
  expect(csv).toContain(`${id},2026,${program},`);
  expect(csv).toContain(',draft,12345.00,0.00,');
  // …and as an Excel workbook: the same row, the amount a number a spreadsheet can add.
  const xlsxHref = await editor.getByRole('link', { name: 'Excel (.xlsx)' }).getAttribute('href');
  const xlsx = await editor.request.get(xlsxHref!);
  expect(xlsx.headers()['content-disposition']).toBe(`attachment; filename="${CEDARHOLM}-allocations.xlsx"`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await xlsx.body()).buffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(2);
  expect(String(sheet.getRow(2).getCell(1).value)).toBe(String(id));
  expect(sheet.getRow(2).getCell(3).value).toBe(program);
  expect(sheet.getRow(2).getCell(9).value).toBe(12345);

  await editor.goto(`/staff/l/${CEDARHOLM}/allocations/${id}`);
  await editor.getByTestId('submit-allocation').getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor.getByTestId('allocation-status')).toHaveText('Submitted');

  const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
  await reviewer.goto(`/staff/l/${CEDARHOLM}/allocations/${id}`);
  await expect(reviewer.getByRole('link', { name: 'Edit allocation' })).toHaveCount(0);
  await reviewer.getByTestId('decide-allocation').getByRole('button', { name: 'Approve' }).click();
  await expect(reviewer.getByTestId('allocation-status')).toHaveText('Approved');
  await expect(reviewer.getByTestId('allocation-history')).toContainText('Approved by Demo Reviewer');

  // Public pages show approved lines only; their cache is dropped when the change commits.
  await expect
    .poll(async () => {
      const after = await publicAllocated(reviewer, '2026', MOUD);
      return {
        total: after.total - before.moud.total,
        tableTotal: after.tableTotal - before.moud.tableTotal,
        moud: after.category - before.moud.category,
        housing: (await publicAllocated(reviewer, '2026', HOUSING)).category - before.housing,
      };
    })
    .toEqual({ total: 1_234_500n, tableTotal: 1_234_500n, moud: 740_700n, housing: 493_800n });
});

test('an editor splits a line by dollar amount, to the cent: a short total says what is left, a whole one saves', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${CEDARHOLM}/allocations/new`);
  await editor.getByLabel('Program').fill(`Split by amount ${stamp}`);
  await editor.getByLabel('Plain-language description').fill('Methadone slots and recovery beds, as the council voted them.');
  await editor.getByLabel('Fiscal year').selectOption('2026');
  await editor.getByLabel('Amount allocated').fill('$10,000.00');
  await editor.getByLabel('No recipient yet').check();
  await editor.getByLabel(`Category 1`, { exact: true }).selectOption({ label: MOUD });
  await editor.getByLabel('Split by dollar amount').check();
  // The 100% already typed carries over as the whole amount.
  await expect(editor.getByLabel('Amount for category 1 ($)')).toHaveValue('$10,000.00');
  await editor.getByLabel('Amount for category 1 ($)').fill('3,333.33');
  await editor.getByRole('button', { name: 'Add a category' }).click();
  await editor.getByLabel(`Category 2`, { exact: true }).selectOption({ label: HOUSING });
  await editor.getByLabel('Amount for category 2 ($)').fill('6,666.66');
  await expect(editor.getByTestId('splits-total')).toHaveText('Total: $9,999.99 of $10,000.00 — $0.01 still to assign');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.getByRole('alert').first()).toBeVisible();
  await expect(editor.getByText('$0.01 still to assign').first()).toBeVisible();

  await editor.getByLabel('Amount for category 2 ($)').fill('6,666.67');
  await expect(editor.getByTestId('splits-total')).toHaveText('Total: $10,000.00 of $10,000.00 ✓');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor).toHaveURL(new RegExp(`/staff/l/${CEDARHOLM}/allocations/\\d+$`));
  const rows = editor.getByTestId('allocation-splits').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Housing' })).toContainText('$6,666.67');
  await expect(rows.filter({ hasText: 'Medications' })).toContainText('$3,333.33');

  // The form fits a phone: the recipient list, which holds long names, once made the page 451 px wide at 390.
  await editor.setViewportSize({ width: 390, height: 844 });
  await editor.goto(`/staff/l/${CEDARHOLM}/allocations/new`);
  await editor.getByLabel('Split by dollar amount').check();
  expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('two people edit the same allocation: the second is refused with both versions shown, and loses nothing', async ({ browser }) => {
  const first = await signedInPage(browser, 'editor@demo.abate.test');
  const second = await signedInPage(browser, 'editor@demo.abate.test');
  const program = `Naloxone vending machines ${stamp}`;
  const id = await createAllocation(first, CEDARHOLM, {
    program,
    description: 'Free naloxone in six public places, open around the clock.',
    fiscalYear: '2026',
    amount: '1,000.00',
    splits: [['Naloxone distribution and training', '100']],
  });
  const editUrl = `/staff/l/${CEDARHOLM}/allocations/${id}/edit`;
  await first.goto(editUrl);
  await second.goto(editUrl);

  await first.getByLabel('Program').fill(`${program} (first edit)`);
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first).toHaveURL(new RegExp(`/allocations/${id}$`));

  await second.getByLabel('Amount allocated').fill('$2,000.00');
  await second.getByRole('button', { name: 'Save changes' }).click();
  const conflict = second.getByTestId('conflict');
  await expect(conflict).toContainText(/Changed by Demo Editor \(Cedarholm County\) at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC since you opened it/);
  const programRow = conflict.locator('tbody tr').filter({ hasText: 'Program' });
  await expect(programRow.getByTestId('conflict-theirs')).toHaveText(`${program} (first edit)`);
  await expect(programRow.getByTestId('conflict-yours')).toHaveText(program);
  const amountRow = conflict.locator('tbody tr').filter({ hasText: 'Amount' });
  await expect(amountRow.getByTestId('conflict-theirs')).toHaveText('$1,000.00');
  await expect(amountRow.getByTestId('conflict-yours')).toHaveText('$2,000.00');
  // What the second person typed is still in the form.
  await expect(second.getByLabel('Amount allocated')).toHaveValue('$2,000.00');

  await conflict.getByRole('button', { name: 'Save my values over theirs' }).click();
  await expect(second).toHaveURL(new RegExp(`/allocations/${id}$`));
  await expect(second.getByTestId('allocation-amount')).toHaveAttribute('data-cents', '200000');
  await expect(second.getByRole('heading', { level: 1 })).toHaveText(program);

  const history = second.getByTestId('allocation-history');
  await expect(history.locator('li[data-action="update"]')).toHaveCount(2);
  await expect(history.locator('li[data-action="update"]').first()).toContainText(`${program} (first edit)`);
  await expect(history.locator('li[data-action="update"]').nth(1)).toContainText('$2,000.00');
});

test('an editor of another locality cannot change this one, through the pages or by calling the action with its ids', async ({ browser }) => {
  const cedarholm = await signedInPage(browser, 'editor@demo.abate.test');
  const program = `Mobile crisis team ${stamp}`;
  const targetId = await createAllocation(cedarholm, CEDARHOLM, {
    program,
    description: 'Clinicians, not police, answer behavioral-health calls.',
    fiscalYear: '2026',
    amount: '500.00',
    splits: [['Community (non-police) crisis response, 988, crisis stabilization', '100']],
  });
  await cedarholm.goto(`/staff/l/${CEDARHOLM}/allocations/new`);
  const cedarholmLocalityId = await cedarholm.locator('input[name="localityId"]').inputValue();

  const portWexley = await signedInPage(browser, 'editor.portwexley@demo.abate.test');
  for (const path of ['/allocations', `/allocations/${targetId}`, `/allocations/${targetId}/edit`, '/receipts', '/expenditures/new']) {
    const response = await portWexley.goto(`/staff/l/${CEDARHOLM}${path}`);
    expect(response?.status(), path).toBe(404);
  }
  expect((await portWexley.request.get(`/staff/l/${CEDARHOLM}/allocations/export`)).status()).toBe(404);

  // Their own line, then the same form sent with Cedarholm's allocation id.
  const ownId = await createAllocation(portWexley, PORT_WEXLEY, {
    program: `Port Wexley outreach ${stamp}`,
    description: 'Street outreach with naloxone.',
    fiscalYear: '2026',
    amount: '100.00',
    splits: [['Naloxone distribution and training', '100']],
  });
  await portWexley.goto(`/staff/l/${PORT_WEXLEY}/allocations/${ownId}/edit`);
  await portWexley.getByLabel('Program').fill('Taken over');
  await portWexley.evaluate((id) => {
    document.querySelector<HTMLInputElement>('input[name="id"]')!.value = id;
  }, String(targetId));
  await portWexley.getByRole('button', { name: 'Save changes' }).click();
  // The same answer as for a line that does not exist: another locality's ids cannot be probed (issue #14).
  await expect(portWexley.locator('form .form-error')).toHaveText('That allocation was not found.');

  // And a new line "for" Cedarholm, by changing the form's locality.
  await portWexley.goto(`/staff/l/${PORT_WEXLEY}/allocations/new`);
  await portWexley.getByLabel('Program').fill(`Planted ${stamp}`);
  await portWexley.getByLabel('Amount allocated').fill('1');
  await portWexley.getByLabel('No recipient yet').check();
  await portWexley.getByLabel('Category 1', { exact: true }).selectOption({ label: 'Naloxone distribution and training' });
  await portWexley.evaluate((id) => {
    document.querySelector<HTMLInputElement>('input[name="localityId"]')!.value = id;
  }, cedarholmLocalityId);
  await portWexley.getByRole('button', { name: 'Save draft' }).click();
  await expect(portWexley.locator('form .form-error')).toHaveText('You do not have permission to do that.');

  // Nothing changed in Cedarholm: the line, its history, and the list.
  await cedarholm.goto(`/staff/l/${CEDARHOLM}/allocations/${targetId}`);
  await expect(cedarholm.getByRole('heading', { level: 1 })).toHaveText(program);
  await expect(cedarholm.getByTestId('allocation-history').locator('li')).toHaveCount(1);
  await cedarholm.goto(`/staff/l/${CEDARHOLM}/allocations?q=${encodeURIComponent(`Planted ${stamp}`)}`);
  await expect(cedarholm.getByTestId('allocations-table-count')).toHaveText('No rows');
});

test('a payment beyond what remains of its allocation is refused in plain words, then saved with a reason the public sees', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  const program = `Naloxone vending machines ${stamp}`;
  const id = await createAllocation(editor, CEDARHOLM, {
    program,
    description: 'Two vending machines at the library and the bus station.',
    fiscalYear: '2026',
    amount: '$567.00',
    splits: [['Naloxone distribution and training', '100']],
  });
  const reviewer = await submitAndApprove(browser, editor, id);

  // The allocation picker: typing narrows the approved lines (every word must match), Enter takes the only match.
  await editor.goto(`/staff/l/${CEDARHOLM}/expenditures/new`);
  const picker = editor.getByLabel('Paid from allocation');
  expect(await picker.locator('option').count()).toBeGreaterThan(2);
  const search = editor.getByRole('searchbox', { name: 'Search allocations' });
  await search.fill(`vending ${stamp} 2026 567`);
  await expect(picker.locator('option')).toHaveText(['Choose…', `FY2026 · ${program} · $567.00 left`]);
  await expect(editor.getByText(/^1 of \d+ allocations match\.$/)).toBeVisible();
  await search.press('Enter');
  await expect(picker).toHaveValue(String(id));
  await editor.getByLabel('Amount paid').fill('$999.99');
  await editor.getByRole('button', { name: 'Save and post' }).click();
  const refusal = editor.locator('form .form-error');
  await expect(refusal).toContainText('$567.00 allocated, $0.00 already paid, so only $567.00 remains');
  await expect(refusal).toContainText('the payment exceeds it by $432.99');
  await expect(editor.getByLabel('Amount paid')).toHaveAttribute('aria-invalid', 'true');
  const reason = `Second machine bought at once after the library fire ${stamp}`;
  await editor.getByLabel('Overspend reason').fill(reason);
  await editor.getByRole('button', { name: 'Save and post' }).click();
  await expect(editor).toHaveURL(/\/allocations\/\d+$|\/expenditures\?saved=\d+$/);

  // The reason is public, beside the payment on the line's page.
  await expect
    .poll(async () => {
      await reviewer.goto(`/l/${CEDARHOLM}/lines/${id}`);
      return reviewer.getByTestId('spending-table').textContent();
    })
    .toContain(reason);
  await expect(reviewer.getByTestId('spending-table').getByRole('columnheader', { name: 'Why paid beyond the allocation' })).toBeVisible();
});

test('a receipt dated next year is refused, naming the field', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${CEDARHOLM}/receipts/new`);
  await editor.getByLabel('Settlement or grant').selectOption({ index: 1 });
  const nextYear = `${new Date().getUTCFullYear() + 1}-01-15`;
  await editor.getByLabel('Received on').fill(nextYear);
  await editor.getByLabel('Amount received').fill('1,000.00');
  await editor.getByRole('button', { name: 'Save and post' }).click();
  await expect(editor.getByLabel('Received on')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.locator('#field-receivedOn-error')).toContainText(`The date received ${nextYear} is in the future`);
  await expect(editor).toHaveURL(/\/receipts\/new$/);
});

test('a receipt saved as a draft is not counted in public until it is posted from the list', async ({ browser, request }) => {
  const received = async () => {
    const html = await (await request.get(`/l/${CEDARHOLM}?fy=2026`, { headers: { accept: 'text/html' } })).text();
    return BigInt(/data-testid="total-received" data-cents="(\d+)"/.exec(html)?.[1] ?? 'NaN');
  };
  const before = await received();
  const cents = 1_000_00 + (Date.now() % 9_000_00);
  const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${CEDARHOLM}/receipts/new`);
  await editor.getByLabel('Settlement or grant').selectOption({ index: 1 });
  await editor.getByLabel('Received on').fill('2026-02-11');
  await editor.getByLabel('Amount received').fill(amount);
  await editor.getByRole('button', { name: 'Save as draft' }).click();
  await expect(editor).toHaveURL(new RegExp(`/staff/l/${CEDARHOLM}/receipts\\?saved=\\d+`));
  expect(await received()).toBe(before);

  await editor.getByTestId('drafts-note').getByRole('link', { name: 'Show the drafts' }).click();
  await expect(editor).toHaveURL(/posting=draft/);
  await editor.getByLabel(`Select ${amount} received 2026-02-11`).check();
  await editor.getByTestId('bulk-post').getByRole('button', { name: 'Post 1 selected' }).click();
  await expect(editor.getByTestId('bulk-post-done')).toHaveText('Posted 1 line: it counts on the public pages now.');
  expect(await received()).toBe(before + BigInt(cents));
  await editor.context().close();
});

test('where the board approves money, a board member posts a draft payment from the review page, never the recorder', async ({ browser }) => {
  test.setTimeout(180_000);
  // Cedarholm asks for the board's approval during this test only (the specs of this server run one at a time).
  const admin = await signedInPage(browser, 'admin@demo.abate.test');
  const setBoardPosts = async (on: boolean) => {
    await admin.goto(`/staff/localities/${CEDARHOLM}/edit`);
    await admin.getByLabel('The oversight board approves each receipt and payment').setChecked(on);
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin.getByTestId('locality-saved')).toContainText('Saved Cedarholm County');
  };
  await setBoardPosts(true);
  try {
    const editor = await signedInPage(browser, 'editor@demo.abate.test');
    const program = `Peer navigators at the bridge clinic ${stamp}`;
    const id = await createAllocation(editor, CEDARHOLM, {
      program,
      description: 'Two peer navigators who meet people leaving the emergency department after an overdose.',
      fiscalYear: '2026',
      amount: '$20,000.00',
      splits: [[MOUD, '100']],
    });
    const reviewer = await submitAndApprove(browser, editor, id);

    // The editor can only save the payment as a draft: the board posts it.
    await editor.goto(`/staff/l/${CEDARHOLM}/expenditures/new`);
    await expect(editor.getByRole('button', { name: 'Save and post' })).toHaveCount(0);
    await expect(editor.getByText('The oversight board approves and posts each payment before it counts on the public pages.')).toBeVisible();
    await editor.getByRole('searchbox', { name: 'Search allocations' }).fill(`navigators ${stamp}`);
    await editor.getByRole('searchbox', { name: 'Search allocations' }).press('Enter');
    await expect(editor.getByLabel('Paid from allocation')).toHaveValue(String(id));
    await editor.getByLabel('Paid on').fill('2026-03-02');
    await editor.getByLabel('Amount paid').fill('$1,750.25');
    await editor.getByRole('button', { name: 'Save as draft' }).click();
    await expect(editor).toHaveURL(new RegExp(`/staff/l/${CEDARHOLM}/expenditures\\?saved=\\d+`));
    // The editor who recorded it has no "Post" on the list here.
    await expect(editor.getByTestId('bulk-post')).toHaveCount(0);

    // The reviewer's workspace says a payment awaits posting, and leads to the review page's section.
    await reviewer.goto('/staff');
    const todo = reviewer.getByTestId('locality-card').filter({ hasText: 'Cedarholm County' }).getByTestId('locality-todo');
    await todo.getByRole('link', { name: /\d+ payments? awaits? posting/ }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/staff/l/${CEDARHOLM}/review#money-awaiting-posting$`));
    const section = reviewer.getByTestId('money-awaiting-posting');
    await expect(section.getByRole('heading', { level: 2 })).toHaveText('Receipts and payments awaiting posting');
    const row = reviewer.getByTestId('post-payments-table').locator('tbody tr', { hasText: program });
    await expect(row.locator('[data-column="date"]')).toContainText('2026-03-02');
    await expect(row.locator('[data-column="amount"]')).toHaveText('$1,750.25');
    await expect(row.locator('[data-column="recorded-by"]')).toContainText('Demo Editor (Cedarholm County), editor');
    await expect(row.getByRole('link', { name: program })).toHaveAttribute('href', `/staff/l/${CEDARHOLM}/allocations/${id}`);
    const label = `$1,750.25 paid 2026-03-02 from “${program}”`;
    await reviewer.getByLabel(`Select ${label}`).check();
    await expect(reviewer.getByTestId('post-payments-selected-count')).toHaveText('1 selected');
    await expectNoAxeViolations(reviewer, 'review page with money awaiting posting');
    await reviewer.getByTestId('post-payments').getByRole('button', { name: 'Post 1 selected' }).click();
    await expect(reviewer.getByTestId('post-payments-done')).toHaveText('Posted 1 line: it counts on the public pages now.');
    await expect(reviewer.getByTestId('post-payments-table').locator('tbody tr', { hasText: program })).toHaveCount(0);
    // Opened again, the review page no longer lists it.
    await reviewer.reload();
    await expect(section).toBeVisible();
    await expect(section).not.toContainText(program);

    // Posted by the board, the payment counts on the line's public page.
    await expect
      .poll(async () => {
        await reviewer.goto(`/l/${CEDARHOLM}/lines/${id}`);
        return reviewer.getByTestId('spending-table').textContent();
      })
      .toContain('$1,750.25');
  } finally {
    await setBoardPosts(false);
  }
});
