import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signedInPage } from './helpers/sign-in';
import { AXE_TAGS } from './helpers/axe-tags';

/**
 * Work in bulk: the editor creates four drafts and submits them at once from the allocations list; the reviewer
 * finds them in the review queue (one row a line), approves three at once and returns the fourth with its own
 * reason. The public locality page counts the three, and the public decisions page shows the return's reason.
 * A return without a reason is refused, naming the line, and changes nothing.
 *
 * FY2027 (the current year of the demo), lines made unique by a stamp: board-review.spec.ts, on the same server,
 * works in FY2027 too and compares only the figures it moves itself.
 */

const CEDARHOLM = 'cedarholm-county';
const FY = '2027';
const CRISIS = 'Community (non-police) crisis response, 988, crisis stabilization';
const stamp = Date.now().toString(36);
const programs = ['Library naloxone boxes', 'Peer recovery coaches', 'Mobile syringe services', 'Crisis line staffing'].map((p) => `${p} ${stamp}`);
const AMOUNTS = ['$1,000.00', '$2,000.50', '$3,000.25', '$4,000.00'];


async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`,
  );
  expect(summary, `${label}: axe violations`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${label} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('submit four drafts at once; approve three and return one with its reason at once; the public sees both', async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  for (const [index, program] of programs.entries()) {
    await editor.goto(`/staff/l/${CEDARHOLM}/allocations/new`);
    await editor.getByLabel('Program').fill(program);
    await editor.getByLabel('Plain-language description').fill(`Bulk review test line ${index + 1}.`);
    await editor.getByLabel('Fiscal year').selectOption(FY);
    await editor.getByLabel('Amount allocated').fill(AMOUNTS[index]!);
    await editor.getByLabel('No recipient yet').check();
    await editor.getByLabel('Category 1', { exact: true }).selectOption({ label: CRISIS });
    await editor.getByLabel('Share of category 1 (%)').fill('100');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await expect(editor).toHaveURL(new RegExp(`/staff/l/${CEDARHOLM}/allocations/\\d+$`));
  }

  // The editor selects the four drafts in the list and submits them at once.
  await editor.goto(`/staff/l/${CEDARHOLM}/allocations?q=${stamp}`);
  const list = editor.getByTestId('allocations-table');
  await expect(list.locator('tbody tr')).toHaveCount(4);
  const submit = editor.getByTestId('bulk-submit');
  await expect(submit.getByRole('button', { name: 'Submit 0 selected for review' })).toBeDisabled();
  for (const program of programs) await editor.getByLabel(`Select ${program}`).check();
  await expect(editor.getByTestId('allocations-table-selected-count')).toHaveText('4 selected');
  await expectNoViolations(editor, 'allocations list with a selection');
  await submit.getByRole('button', { name: 'Submit 4 selected for review' }).click();
  await expect(submit.getByTestId('bulk-submit-done')).toHaveText('Submitted 4 lines for review.');
  await expect(list.locator('[data-column="status"]', { hasText: 'Submitted' })).toHaveCount(4);
  // Submitted lines cannot be selected to submit again.
  await expect(editor.getByLabel(`Select ${programs[0]}`)).toHaveCount(0);

  // The reviewer's queue: one row a line, found by search.
  const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
  await reviewer.goto(`/staff/l/${CEDARHOLM}/review?fy=${FY}&q=${stamp}&sort=amount&dir=asc`);
  const queue = reviewer.getByTestId('review-queue');
  await expect(queue.locator('tbody > tr[data-row-id]')).toHaveCount(4);
  await expect(queue.locator('tbody > tr[data-row-id] [data-column="program"]')).toHaveText(programs);
  await expect(queue.locator('tbody > tr[data-row-id]').first().locator('[data-column="status"]')).toHaveText('Submitted');
  await expect(queue.locator('tbody > tr[data-row-id]').first().locator('[data-column="equity"]')).not.toBeEmpty();
  await expectNoViolations(reviewer, 'review queue');
  await expectNoSidewaysScroll(reviewer, 'review queue');

  // A line's detail opens in place, with the single decision form.
  const first = queue.locator('tbody > tr[data-row-id]').first();
  const firstId = await first.getAttribute('data-row-id');
  await reviewer.locator(`[data-details-for="${firstId}"] summary`).click();
  await expect(reviewer.locator(`[data-testid="review-line"][data-allocation-id="${firstId}"]`).getByRole('heading', { level: 2 })).toHaveText(programs[0]!);
  await expectNoViolations(reviewer, 'review queue with a line open');

  // A return without a reason is refused, naming the line; nothing changes.
  const decide = reviewer.getByTestId('bulk-decide');
  await reviewer.getByLabel(`Select ${programs[3]}`).check();
  await decide.getByRole('button', { name: 'Return 1 selected' }).click();
  await expect(decide.getByTestId('bulk-decide-error')).toContainText(`“${programs[3]}”: Say why the line is returned`);
  await expect(queue.locator('tbody > tr[data-row-id]')).toHaveCount(4);
  await reviewer.getByLabel(`Select ${programs[3]}`).uncheck();

  // Approve three at once, with one reason for all.
  for (const program of programs.slice(0, 3)) await reviewer.getByLabel(`Select ${program}`).check();
  await decide.getByLabel('Reason for all 3 selected lines').fill(`Approved in the March meeting (${stamp}).`);
  await decide.getByRole('button', { name: 'Approve 3 selected' }).click();
  await expect(decide.getByTestId('bulk-decide-done')).toHaveText('Approved 3 lines.');
  await expect(queue.locator('tbody > tr[data-row-id]')).toHaveCount(1);

  // Return the last, with a reason of its own.
  const returnReason = `Say which libraries get the boxes (${stamp}).`;
  await reviewer.getByLabel(`Select ${programs[3]}`).check();
  await decide.getByLabel('A reason for each line').check();
  await decide.getByLabel(`Reason for “${programs[3]}”`).fill(returnReason);
  await expectNoViolations(reviewer, 'review queue, a reason for each line');
  await decide.getByRole('button', { name: 'Return 1 selected' }).click();
  await expect(decide.getByTestId('bulk-decide-done')).toHaveText('Returned 1 line, with the reasons given.');
  await expect(queue.locator('tbody > tr[data-row-id]')).toHaveCount(0);

  // The public locality page counts the three approved lines; the returned one is not there.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/l/${CEDARHOLM}?fy=${FY}&q=${stamp}`);
  const lines = visitor.getByTestId('lines-table');
  for (const program of programs.slice(0, 3)) await expect(lines).toContainText(program);
  await expect(lines).not.toContainText(programs[3]!);

  // The public decisions page shows the return and its reason.
  await visitor.goto(`/l/${CEDARHOLM}/decisions`);
  const returned = visitor.getByTestId('decisions-table').locator('tbody tr', { hasText: programs[3]! });
  await expect(returned.locator('[data-column="decision"]')).toHaveText(/Returned/);
  await expect(returned.locator('[data-column="reason"]')).toHaveText(returnReason);
  await expect(visitor.getByTestId('decisions-table').locator('tbody tr', { hasText: programs[0]! }).locator('[data-column="decision"]')).toHaveText(
    /Approved/,
  );
});
