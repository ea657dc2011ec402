import { expect, test } from '@playwright/test';
import { signedInPage } from './helpers/sign-in';
import { expectNoAxeViolations } from './helpers/accessibility';

/**
 * The audit log as an administrator reads it (issue 15, "History people can read"): an editor's change is named by
 * the record, the person and their role, with the old and new values in words and the reason given for the edit; a
 * record's own history is one link away; the log downloads as CSV in the same words; it fits a phone; axe finds nothing.
 */

const CEDARHOLM = 'cedarholm-county';
const stamp = Date.now().toString(36);


test("an editor's change reads as words in the audit log, in a record's history and in its download", async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${CEDARHOLM}/allocations?status=draft`);
  await editor.getByTestId('allocations-table').locator('tbody tr a').first().click();
  await expect(editor).toHaveURL(/\/allocations\/\d+$/);
  const program = (await editor.getByRole('heading', { level: 1 }).textContent())!.trim();
  await editor.goto(`${editor.url()}/edit`);
  const description = `Kits in every library branch (${stamp}).`;
  await editor.getByLabel('Plain-language description').fill(description);
  await editor.getByLabel('Reason for the change (optional)').fill('The library board asked for every branch.');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor).toHaveURL(/\/allocations\/\d+$/);

  const admin = await signedInPage(browser, 'admin@demo.abate.test');
  await admin.goto(`/staff/audit?locality=${CEDARHOLM}&entity=allocation`);
  const newest = admin.getByTestId('audit-log').locator('tbody tr').first();
  await expect(newest).toContainText('Demo Editor (Cedarholm County), editor');
  await expect(newest).toContainText('Edited');
  await expect(newest.getByRole('link', { name: `Allocation '${program}'`, exact: true })).toHaveAttribute('href', /\/staff\/l\/cedarholm-county\/allocations\/\d+$/);
  await expect(newest).toContainText(`Description:`);
  await expect(newest).toContainText(`→ ${description}`);
  await expect(newest).toContainText('The library board asked for every branch.');
  await expect(newest).not.toContainText(/version|submittedBy|localityId/);

  await newest.getByRole('link', { name: `History of Allocation '${program}'` }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`History of Allocation '${program}'`);
  const history = admin.getByTestId('audit-log').locator('tbody tr');
  await expect(history.first()).toContainText(description);
  await expect(history.last()).toContainText('Created');

  const csvHref = await admin.getByTestId('audit-export-csv').getAttribute('href');
  const csv = await admin.request.get(csvHref!);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('id,when_utc,who,locality,action,record,change,reason');
  expect(lines[1]).toContain('Demo Editor (Cedarholm County), editor');
  expect(lines[1]).toContain(description);
  expect(lines.filter((line) => line !== '').length).toBe((await history.count()) + 1);

  await expectNoAxeViolations(admin, 'audit log');

  // On a phone the page itself does not scroll sideways: the table scrolls inside its own region.
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.goto(`/staff/audit?locality=${CEDARHOLM}`);
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
