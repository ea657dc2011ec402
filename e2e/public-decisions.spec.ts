import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/accessibility';
import { submitOneCategoryLine } from './helpers/allocations';
import { signedInPage } from './helpers/sign-in';

/**
 * The board's decisions in public: a reviewer returns a line with a reason, and anyone can read that return — the
 * line, its amount, the reason and the reviewer's role (never their name) — on the locality's decisions page, which
 * the locality page links to. The returned line has no public page, so the decision does not link to one.
 *
 * FY2027 and a return only: other specs on this server compare the approved figures of FY2025 and FY2026.
 */

const CEDARHOLM = 'cedarholm-county';
const FY = '2027';
const LAW_ENFORCEMENT = 'Law enforcement: equipment, task forces, drug enforcement';
const stamp = Date.now().toString(36);


test('a reviewer’s return, with its reason, is on the public decisions page — by role, not by name, and not linked', async ({ browser }) => {
  test.setTimeout(120_000);
  const program = `Drug task force overtime ${stamp}`;
  const reason = `Enforcement overtime is not opioid remediation (${stamp}).`;

  // A reader opens the decisions page first, from the locality page (so the page cache holds it, without this line).
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/l/${CEDARHOLM}`);
  await reader.getByTestId('decisions-link').getByRole('link', { name: 'Board decisions' }).click();
  await expect(reader).toHaveURL(new RegExp(`/l/${CEDARHOLM}/decisions$`));
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Board decisions: Cedarholm County (demo)');
  await expect(reader).toHaveTitle(/^Board decisions: Cedarholm County \(demo\)/);
  await expect(reader.getByTestId('decisions-table')).not.toContainText(program);

  // The editor submits a line; the reviewer returns it with a reason.
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  const id = await submitOneCategoryLine(editor, CEDARHOLM, {
    program,
    description: 'Overtime for the county drug task force.',
    fiscalYear: FY,
    amount: '$12,345.67',
    category: LAW_ENFORCEMENT,
  });

  const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
  await reviewer.goto(`/staff/l/${CEDARHOLM}/review?fy=${FY}`);
  await expect(reviewer.getByRole('link', { name: 'board decisions page' })).toHaveAttribute('href', `/l/${CEDARHOLM}/decisions`);
  await reviewer.locator(`[data-details-for="${id}"] summary`).click();
  const card = reviewer.locator(`[data-testid="review-line"][data-allocation-id="${id}"]`);
  await card.getByLabel('Reason for the decision').fill(reason);
  await card.getByRole('button', { name: 'Return with reason' }).click();
  await expect(reviewer.getByTestId('decision-done')).toContainText(`Returned: “${program}”`);

  // The reader reloads: the return is there, newest first, with the reason and the role.
  await reader.reload();
  const row = reader.getByTestId('decisions-table').locator('tbody tr').first();
  await expect(row.locator('[data-column="program"]')).toHaveText(program);
  await expect(row.locator('[data-column="program"] a')).toHaveCount(0);
  await expect(row.locator('[data-column="fiscal-year"]')).toHaveText(`FY${FY}`);
  await expect(row.locator('[data-column="amount"]')).toHaveText('$12,345.67');
  await expect(row.locator('[data-column="decision"]')).toHaveText(/Returned/);
  await expect(row.locator('[data-column="decided-by"]')).toHaveText('Oversight board member (reviewer)');
  await expect(row.locator('[data-column="reason"]')).toHaveText(reason);
  await expect(row.locator('[data-column="date"]')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(reader.locator('main')).not.toContainText('Demo Reviewer');
  await expect(reader.locator('main')).not.toContainText('reviewer@demo.abate.test');
  // The returned line itself is not public.
  expect((await reader.goto(`/l/${CEDARHOLM}/lines/${id}`))?.status()).toBe(404);

  // Filters: returns of FY2027 keep it; approvals do not.
  await reader.goto(`/l/${CEDARHOLM}/decisions`);
  const filters = reader.getByRole('search', { name: 'Filter the decisions' });
  await filters.getByLabel('Fiscal year').selectOption(FY);
  await filters.getByLabel('Decision').selectOption('return');
  await filters.getByRole('button', { name: 'Show decisions' }).click();
  await expect(reader).toHaveURL(new RegExp(`/decisions\\?fy=${FY}&decision=return$`));
  await expect(reader.getByTestId('decisions-table')).toContainText(reason);
  await expect(reader.getByTestId('decisions-count')).toContainText(`on FY${FY} lines`);
  await expectNoAxeViolations(reader, 'public decisions page');
  await reader.goto(`/l/${CEDARHOLM}/decisions?fy=${FY}&decision=approve`);
  await expect(reader.getByTestId('decisions-table')).not.toContainText(program);

  // The board summary points the board to the same public page.
  await reviewer.goto(`/staff/l/${CEDARHOLM}/board?fy=${FY}`);
  await reviewer.getByRole('link', { name: 'public decisions page' }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/l/${CEDARHOLM}/decisions\\?fy=${FY}$`));
  await expect(reviewer.getByTestId('decisions-table')).toContainText(reason);
});

test('an unknown locality’s decisions page is not found', async ({ page }) => {
  expect((await page.goto('/l/no-such-place/decisions'))?.status()).toBe(404);
});
