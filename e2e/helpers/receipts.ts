import { expect, type Page } from '@playwright/test';

/**
 * The editor records a receipt from the first settlement or grant on the list and posts it at once ("Save and
 * post"), as the cache specs do to change a public figure; returns once the receipts list is back.
 */
export async function postReceipt(editor: Page, slug: string, receivedOn: string, amount: string): Promise<void> {
  await editor.goto(`/staff/l/${slug}/receipts/new`);
  await editor.getByLabel('Settlement or grant').selectOption({ index: 1 });
  await editor.getByLabel('Received on').fill(receivedOn);
  await editor.getByLabel('Amount received').fill(amount);
  await editor.getByRole('button', { name: 'Save and post' }).click();
  await expect(editor).toHaveURL(new RegExp(`/staff/l/${slug}/receipts(\\?|$)`));
}
