import { expect, test, type Page } from '@playwright/test';
import { signedInPage } from './helpers/sign-in';
import { expectNoAxeViolations } from './helpers/accessibility';
import { READ_FILE_TIMEOUT_MS } from './helpers/timeouts';

/**
 * A day of the county's staff and board (issue #15). The editor imports the board's resolution — four lines of a
 * North Carolina county's Exhibit A spending authorization, as the clerk publishes it — through the staff import page,
 * and submits the four drafts at once from the allocations list. The reviewer, signed in separately, finds them in
 * the review queue (one row a line), approves three at once and returns the fourth with its own reason; a return
 * without a reason is refused, naming the line, and changes nothing. The public locality page counts the three, and
 * the public decisions page shows all four with their amounts, the return with its reason.
 *
 * (A payment over its allocation and a receipt dated next year are refused in e2e/staff-money.spec.ts.)
 *
 * Cedarholm County, FY2027 (the current year of the demo). Other specs on the same server work in Cedarholm too, one
 * at a time; the lines here are made unique by a stamp in their program names, and every check reads only them.
 */

const CEDARHOLM = 'cedarholm-county';
const FY = '2027';
const stamp = Date.now().toString(36);

interface ResolutionLine {
  strategy: string;
  program: string;
  description: string;
  entity: string;
  amount: string;
}

/** Ordered by amount, smallest first: the review queue below is sorted the same way. */
const LINES: ResolutionLine[] = [
  {
    strategy: '1. Collaborative strategic planning',
    program: `Settlement strategic plan facilitation ${stamp}`,
    description: 'A facilitator for the community plan the settlement requires, with two public listening sessions.',
    entity: 'Cedarholm County Health Department',
    amount: '$8,000.00',
  },
  {
    strategy: '7. Naloxone distribution',
    program: `Library naloxone boxes ${stamp}`,
    description: 'Naloxone in wall boxes at every branch library, refilled weekly.',
    entity: 'Cedarholm County Public Library',
    amount: '$12,500.00',
  },
  {
    strategy: '9. Syringe Service Program',
    program: `Mobile syringe services ${stamp}`,
    description: 'A van with syringe services, naloxone and testing, twice a week in the rural townships.',
    entity: 'Harbor Harm Reduction Collective',
    amount: '$30,250.50',
  },
  {
    strategy: '2. Evidence-based addiction treatment',
    program: `Bridge clinic buprenorphine ${stamp}`,
    description: 'Same-day buprenorphine at the hospital bridge clinic for people without insurance.',
    entity: 'Cedarholm Regional Hospital',
    amount: '$45,000.00',
  },
];
const programs = LINES.map((line) => line.program);

/** The resolution's Exhibit A as the clerk's office exports it: title rows above the header, a total below. */
function resolutionCsv(): string {
  const cell = (value: string) => (/[",]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [
    'Cedarholm County Board of Commissioners,,,,,',
    'RESOLUTION 2026-041 AUTHORIZING THE EXPENDITURE OF OPIOID SETTLEMENT FUNDS,,,,,',
    'Exhibit A (Option A strategies),,,,,',
    'Strategy Name,Program,Description,Funded Entity,Amount Authorized,Authorization Period',
    ...LINES.map((line) =>
      [line.strategy, line.program, line.description, line.entity, line.amount, 'July 1, 2026 through June 30, 2027'].map(cell).join(','),
    ),
    'TOTAL,,,,"$95,750.50",',
  ].join('\r\n');
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${label} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('an editor imports the resolution and submits four drafts at once; a reviewer approves three and returns one; the public sees all four', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // Morning, the editor: the board's resolution, imported from the staff import page.
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${CEDARHOLM}/import`);
  await editor.getByLabel('Spreadsheet file').setInputFiles({
    name: 'resolution-2026-041-exhibit-a.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(resolutionCsv()),
  });
  await editor.getByRole('button', { name: /^Upload/ }).click();
  await expect(editor.getByRole('heading', { name: '2. Match the columns' })).toBeVisible({ timeout: READ_FILE_TIMEOUT_MS });
  await expect(editor.getByLabel('Amount Authorized')).toHaveValue('amount');
  await editor.getByRole('button', { name: 'Preview the import' }).click();
  await expect(editor.getByRole('heading', { name: '3. Check the preview' })).toBeVisible({ timeout: READ_FILE_TIMEOUT_MS });
  await expect(editor.getByTestId('import-errors')).toHaveCount(0);
  await expect(editor.getByTestId('import-summary')).toContainText('4 lines will be created ($95,750.50 allocated');
  // The title rows and the total are listed as skipped, not taken for lines.
  await expect(editor.getByTestId('import-skipped')).toContainText('totals row');
  await editor.getByRole('button', { name: 'Import 4 lines' }).click();
  await expect(editor.getByTestId('import-result')).toContainText('Created 4 lines');
  const created = editor.getByTestId('import-created');
  await expect(created.locator('tbody tr')).toHaveCount(4);
  for (const program of programs) await expect(created).toContainText(program);

  // The editor selects the four imported drafts in the allocations list and submits them at once.
  await editor.goto(`/staff/l/${CEDARHOLM}/allocations?q=${stamp}&sort=amount&dir=asc`);
  const list = editor.getByTestId('allocations-table');
  await expect(list.locator('tbody tr')).toHaveCount(4);
  await expect(list.locator('[data-column="status"]', { hasText: 'Draft' })).toHaveCount(4);
  await expect(list.locator('tfoot [data-column="amount"]')).toHaveAttribute('data-cents', '9575050');
  const submit = editor.getByTestId('bulk-submit');
  await expect(submit.getByRole('button', { name: 'Submit 0 selected for review' })).toBeDisabled();
  for (const program of programs) await editor.getByLabel(`Select ${program}`).check();
  await expect(editor.getByTestId('allocations-table-selected-count')).toHaveText('4 selected');
  await expectNoAxeViolations(editor, 'allocations list with a selection');
  await submit.getByRole('button', { name: 'Submit 4 selected for review' }).click();
  await expect(submit.getByTestId('bulk-submit-done')).toHaveText('Submitted 4 lines for review.');
  await expect(list.locator('[data-column="status"]', { hasText: 'Submitted' })).toHaveCount(4);
  // Submitted lines cannot be selected to submit again.
  await expect(editor.getByLabel(`Select ${programs[0]}`)).toHaveCount(0);

  // Afternoon, the reviewer (signed in on their own): one row a line, found by search, smallest first.
  const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
  await reviewer.goto(`/staff/l/${CEDARHOLM}/review?fy=${FY}&q=${stamp}&sort=amount&dir=asc`);
  const queue = reviewer.getByTestId('review-queue');
  const rows = queue.locator('tbody > tr[data-row-id]');
  await expect(rows).toHaveCount(4);
  await expect(rows.locator('[data-column="program"]')).toHaveText(programs);
  await expect(rows.first().locator('[data-column="status"]')).toHaveText('Submitted');
  await expect(rows.first().locator('[data-column="equity"]')).not.toBeEmpty();
  await expectNoAxeViolations(reviewer, 'review queue');
  await expectNoSidewaysScroll(reviewer, 'review queue');

  // A line's detail opens in place, with what the resolution said about it.
  const firstId = await rows.first().getAttribute('data-row-id');
  await reviewer.locator(`[data-details-for="${firstId}"] summary`).click();
  const detail = reviewer.locator(`[data-testid="review-line"][data-allocation-id="${firstId}"]`);
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(programs[0]!);
  await expect(detail).toContainText(LINES[0]!.entity);
  await expect(detail).toContainText(LINES[0]!.description);
  await expectNoAxeViolations(reviewer, 'review queue with a line open');

  // A return without a reason is refused, naming the line; nothing changes.
  const decide = reviewer.getByTestId('bulk-decide');
  await reviewer.getByLabel(`Select ${programs[3]}`).check();
  await decide.getByRole('button', { name: 'Return 1 selected' }).click();
  await expect(decide.getByTestId('bulk-decide-error')).toContainText(`“${programs[3]}”: Say why the line is returned`);
  await expect(rows).toHaveCount(4);
  await reviewer.getByLabel(`Select ${programs[3]}`).uncheck();

  // Approve three at once, with one reason for all.
  const approveReason = `Approved at the board's March meeting (${stamp}).`;
  for (const program of programs.slice(0, 3)) await reviewer.getByLabel(`Select ${program}`).check();
  await decide.getByLabel('Reason for all 3 selected lines').fill(approveReason);
  await decide.getByRole('button', { name: 'Approve 3 selected' }).click();
  await expect(decide.getByTestId('bulk-decide-done')).toHaveText('Approved 3 lines.');
  await expect(rows).toHaveCount(1);

  // Return the last, with a reason of its own.
  const returnReason = `Say which clinic hours the money pays for (${stamp}).`;
  await reviewer.getByLabel(`Select ${programs[3]}`).check();
  await decide.getByLabel('A reason for each line').check();
  await decide.getByLabel(`Reason for “${programs[3]}”`).fill(returnReason);
  await expectNoAxeViolations(reviewer, 'review queue, a reason for each line');
  await decide.getByRole('button', { name: 'Return 1 selected' }).click();
  await expect(decide.getByTestId('bulk-decide-done')).toHaveText('Returned 1 line, with the reasons given.');
  await expect(rows).toHaveCount(0);

  // The public locality page counts the three approved lines; the returned one is not there.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/l/${CEDARHOLM}?fy=${FY}&q=${stamp}`);
  const lines = visitor.getByTestId('lines-table');
  for (const program of programs.slice(0, 3)) await expect(lines).toContainText(program);
  await expect(lines).not.toContainText(programs[3]!);

  // The public decisions page shows all four decisions: amount, decision and reason, the return with its own.
  await visitor.goto(`/l/${CEDARHOLM}/decisions?fy=${FY}`);
  const decisions = visitor.getByTestId('decisions-table');
  for (const [index, line] of LINES.entries()) {
    const row = decisions.locator('tbody tr', { hasText: line.program });
    await expect(row, line.program).toHaveCount(1);
    await expect(row.locator('[data-column="amount"]')).toHaveText(line.amount);
    await expect(row.locator('[data-column="decision"]')).toHaveText(index < 3 ? /Approved/ : /Returned/);
    await expect(row.locator('[data-column="reason"]')).toHaveText(index < 3 ? approveReason : returnReason);
  }
  await expectNoAxeViolations(visitor, 'public decisions page');
});
