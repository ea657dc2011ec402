import { expect, type Page } from '@playwright/test';

/** A new allocation line wholly in one category, with no recipient yet. */
export interface OneCategoryLine {
  program: string;
  description: string;
  fiscalYear: string;
  amount: string;
  category: string;
}

/**
 * The editor fills the "New allocation" form (100% in one category), saves the draft and submits it for review, as
 * the board specs start; returns the new line's id.
 */
export async function submitOneCategoryLine(editor: Page, slug: string, line: OneCategoryLine): Promise<number> {
  await editor.goto(`/staff/l/${slug}/allocations/new`);
  await editor.getByLabel('Program').fill(line.program);
  await editor.getByLabel('Plain-language description').fill(line.description);
  await editor.getByLabel('Fiscal year').selectOption(line.fiscalYear);
  await editor.getByLabel('Amount allocated').fill(line.amount);
  await editor.getByLabel('No recipient yet').check();
  await editor.getByLabel('Category 1', { exact: true }).selectOption({ label: line.category });
  await editor.getByLabel('Share of category 1 (%)').fill('100');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor).toHaveURL(new RegExp(`/staff/l/${slug}/allocations/\\d+$`));
  const id = Number(new URL(editor.url()).pathname.split('/').at(-1));
  await editor.getByTestId('submit-allocation').getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor.getByTestId('allocation-status')).toHaveText('Submitted');
  return id;
}
