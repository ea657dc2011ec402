import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/accessibility';
import { signedInPage } from './helpers/sign-in';
import { READ_FILE_TIMEOUT_MS } from './helpers/timeouts';

/**
 * The locality page's outcomes section, as a reader sees it, against the public API's answer for the same year: each
 * reported cost per unit on the page is the API's, no count the API withholds appears on the page, and the
 * programs that report nothing are listed as "not reported".
 */

const SLUG = 'cedarholm-county';
const FY = '2026';

interface ApiOutcome {
  program: { name: string };
  measure_label: string;
  units: string | null;
  suppressed: boolean;
  cost_per_unit: { cents: string; decimal: string } | null;
}

test('the outcomes section shows what the API says, with cost per unit, "not reported" and small counts withheld', async ({ page, request }) => {
  const response = await request.get(`/api/v1/localities/${SLUG}/outcomes?fy=${FY}`);
  expect(response.status()).toBe(200);
  const answer = (await response.json()) as { outcomes: ApiOutcome[]; not_reported: { program: { name: string } }[] };
  expect(answer.outcomes.some((o) => o.cost_per_unit !== null)).toBe(true);
  expect(answer.not_reported.length).toBeGreaterThan(0);

  // The locality page says it in a sentence and links to the outcomes page, which holds the tables.
  await page.goto(`/l/${SLUG}?fy=${FY}`);
  const summary = page.getByTestId('outcomes-summary-section');
  await expect(summary.getByTestId('outcomes-not-reported-flag')).toContainText(`${answer.not_reported.length} program`);
  await summary.getByTestId('outcomes-link').click();
  await expect(page).toHaveURL(new RegExp(`/l/${SLUG}/outcomes\\?fy=${FY}$`));
  const section = page.getByTestId('outcomes-section');
  await expect(section.getByRole('heading', { name: `What the money did, FY${FY}` })).toBeVisible();
  const rows = section.getByTestId('outcomes-table').locator('tbody tr');
  await expect(rows).toHaveCount(answer.outcomes.length);
  for (const [index, outcome] of answer.outcomes.entries()) {
    const row = rows.nth(index);
    await expect(row.locator('[data-column="program"]')).toHaveText(outcome.program.name);
    await expect(row.locator('[data-column="measure"]')).toHaveText(outcome.measure_label);
    if (outcome.suppressed) {
      await expect(row.locator('[data-column="units"]')).toHaveText('fewer than 11');
      await expect(row.locator('[data-column="costPerUnit"]')).toHaveText('withheld (small count)');
    } else if (outcome.cost_per_unit) {
      const dollars = `$${Number(outcome.cost_per_unit.decimal.split('.')[0]).toLocaleString('en-US')}.${outcome.cost_per_unit.decimal.split('.')[1]}`;
      await expect(row.locator('[data-column="costPerUnit"]')).toContainText(dollars);
    }
  }
  await expect(section.getByTestId('outcomes-not-reported-flag')).toContainText(`${answer.not_reported.length} program`);
  await expect(section.getByTestId('outcomes-not-reported-table').locator('tbody tr')).toHaveCount(answer.not_reported.length);
});

test('staff record an outcome, the editor submits it, the board approves it, and the public API then carries it', async ({ browser, request }) => {
  // FY2027, a year no other spec compares with the database at start; a count of people large enough to be shown.
  const source = `Program report e2e ${Date.now().toString(36)}`;
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${SLUG}/outcomes`);
  await expectNoAxeViolations(editor, 'outcome form');
  const form = editor.getByTestId('outcome-form');
  // An approved program: only approved programs' outcomes are public.
  const program = await form.getByLabel('Program').locator('option', { hasText: ', approved)' }).first().getAttribute('value');
  await form.getByLabel('Program').selectOption(program!);
  await form.getByLabel('What was counted').selectOption('people_served');
  await form.getByLabel('Period from').fill('2026-07-01');
  await form.getByLabel('Period to').fill('2026-09-30');
  await form.getByLabel('How many').fill('2.5');
  await form.getByLabel('Source').fill(source);
  await form.getByRole('button', { name: 'Save as a draft' }).click();
  await expect(form.locator('#field-units-error')).toHaveText('Enter a whole number of 0 or more, without decimals.');
  await form.getByLabel('How many').fill('1,234');
  await form.getByRole('button', { name: 'Save as a draft' }).click();
  await expect(editor.getByRole('status')).toHaveText('Outcome saved as a draft.');
  const row = editor.getByTestId('staff-outcomes-table').locator('tr', { hasText: source });
  await expect(row).toContainText('1,234 (person)');
  await row.getByRole('button', { name: /Submit to the board/ }).click();
  await expect(editor.getByRole('status')).toHaveText('Outcome submitted to the board.');

  const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
  await reviewer.goto(`/staff/l/${SLUG}/outcomes`);
  const submitted = reviewer.getByTestId('staff-outcomes-table').locator('tr', { hasText: source });
  await submitted.getByRole('button', { name: /^Approve/ }).click();
  await expect(reviewer.getByRole('status')).toHaveText('Decision saved.');

  const answer = (await (await request.get(`/api/v1/localities/${SLUG}/outcomes?fy=2027`)).json()) as { outcomes: (ApiOutcome & { source: string })[] };
  expect(answer.outcomes.find((o) => o.source === source)).toMatchObject({ units: '1234', suppressed: false });
});

test('an editor corrects a draft outcome on its edit page, a stale copy is refused with both versions, then it is deleted', async ({ browser }) => {
  const source = `Draft to correct ${Date.now().toString(36)}`;
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${SLUG}/outcomes`);
  const form = editor.getByTestId('outcome-form');
  const program = await form.getByLabel('Program').locator('option').nth(1).getAttribute('value');
  await form.getByLabel('Program').selectOption(program!);
  await form.getByLabel('What was counted').selectOption('naloxone_kits');
  await form.getByLabel('Period from').fill('2026-07-01');
  await form.getByLabel('Period to').fill('2026-09-30');
  await form.getByLabel('How many').fill('300');
  await form.getByLabel('Source').fill(source);
  await form.getByRole('button', { name: 'Save as a draft' }).click();
  await expect(editor.getByRole('status')).toHaveText('Outcome saved as a draft.');
  const row = editor.getByTestId('staff-outcomes-table').locator('tr', { hasText: source });

  // A second tab opens the same draft before the first saves its correction.
  await row.getByRole('link', { name: /^Edit / }).click();
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Edit outcome');
  const stale = await editor.context().newPage();
  await stale.goto(editor.url());

  const edit = editor.getByTestId('outcome-form');
  await expect(edit.getByLabel('How many')).toHaveValue('300');
  await edit.getByLabel('How many').fill('320');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor.getByRole('status')).toHaveText('Changes saved.');
  await expect(row).toContainText('320 (kit)');

  await stale.getByTestId('outcome-form').getByLabel('How many').fill('310');
  await stale.getByTestId('outcome-form').getByRole('button', { name: 'Save changes' }).click();
  // Both versions side by side: the saved 320 and this tab's 310.
  const conflict = stale.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row', { name: /How many/ })).toContainText('320');
  await expect(conflict.getByRole('row', { name: /How many/ })).toContainText('310');
  await stale.close();

  await row.getByRole('link', { name: /^Edit / }).click();
  await editor.getByText('Delete this outcome').click();
  await editor.getByLabel('Reason (optional, kept in the history)').fill('Entered twice');
  await editor.getByRole('button', { name: 'Delete outcome' }).click();
  await expect(editor.getByRole('status')).toHaveText('Outcome deleted; it stays in the history.');
  await expect(editor.getByTestId('staff-outcomes-table').locator('tr', { hasText: source })).toHaveCount(0);
});

test('an editor imports a program’s outcome report on the web: the bad row named, the fixed file creates drafts, a second import none', async ({ browser }) => {
  test.setTimeout(120_000);
  const source = `Quarterly report e2e ${Date.now().toString(36)}`;
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${SLUG}/outcomes`);
  // An approved program whose name no other line shares (the import finds a program by its name).
  const labels = await editor.getByTestId('outcome-form').getByLabel('Program').locator('option').allTextContents();
  const names = labels.map((label) => label.replace(/ \(FY\d{4}, \w+\)$/, ''));
  const program = names.find((name, index) => labels[index]!.endsWith(', approved)') && names.filter((other) => other === name).length === 1);
  expect(program, 'an approved program with a name of its own').toBeTruthy();
  await editor.getByRole('link', { name: 'import a spreadsheet of outcomes' }).click();
  await expect(editor).toHaveURL(new RegExp(`/staff/l/${SLUG}/import\\?kind=outcomes$`));
  await expect(editor.getByLabel('Outcomes (what programs report they did)')).toBeChecked();

  const csv = (kits: string) =>
    'Program,Measure,Period Start,Period End,Count,Source\n' +
    `"${program}",Naloxone kits distributed,2026-07-01,2026-09-30,"${kits}",${source}\n` +
    `"${program}",People served,2026-07-01,2026-09-30,45,${source}\n`;
  const wizard = editor.getByTestId('import-outcomes');
  const preview = async (text: string) => {
    await wizard.getByLabel(/^Spreadsheet/).setInputFiles({ name: 'outcomes.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await wizard.getByRole('button', { name: 'Preview' }).click();
    await expect(wizard.getByRole('heading', { name: 'Preview of outcomes.csv' })).toBeVisible({ timeout: READ_FILE_TIMEOUT_MS });
  };

  // A count with decimals: named by row and column, and nothing can be imported.
  await preview(csv('2.5'));
  const bad = wizard.getByTestId('import-errors').locator('tbody tr');
  await expect(bad).toHaveCount(1);
  await expect(bad.locator('td').nth(0)).toHaveText('2');
  await expect(bad.locator('td').nth(1)).toHaveText('Count');
  await expect(bad.locator('td').nth(2)).toHaveText('2.5');
  await expect(wizard.getByRole('button', { name: /^Import/ })).toBeDisabled();

  // The fixed file: both rows, in the report's words, then imported as drafts.
  await preview(csv('1,204'));
  await expect(wizard.getByTestId('import-errors')).toHaveCount(0);
  const rows = wizard.getByTestId('import-lines').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('1,204 kits');
  await expect(rows.nth(0)).toContainText('Jul–Sep 2026');
  await expect(rows.nth(1)).toContainText('45 people');
  await wizard.getByRole('button', { name: 'Import 2 outcomes' }).click();
  const result = wizard.getByTestId('import-result');
  await expect(result).toContainText('Imported 2 outcomes in one go; 0 already imported.', { timeout: READ_FILE_TIMEOUT_MS });
  await expect(result.getByTestId('import-drafts-note')).toContainText('submit them for the board’s review');

  // The same file again creates nothing.
  await preview(csv('1,204'));
  await expect(wizard).toContainText('0 outcomes will be created; 2 already imported');

  await editor.goto(`/staff/l/${SLUG}/outcomes`);
  const imported = editor.getByTestId('staff-outcomes-table').locator('tr', { hasText: source });
  await expect(imported).toHaveCount(2);
  await expect(imported.filter({ hasText: '1,204 (kit)' })).toContainText('draft');
});
