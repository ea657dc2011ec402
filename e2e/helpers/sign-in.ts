import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_USERS } from '@/lib/demo/demo-users';

export type DemoUserEmail = (typeof DEMO_USERS)[number]['email'];

/** Signs in through the form, as a person would, and waits for the staff workspace. */
export async function signInAs(page: Page, email: DemoUserEmail, next = '/staff'): Promise<void> {
  const user = DEMO_USERS.find((u) => u.email === email)!;
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(user.name);
}

/** A page of its own browser context (its own cookies), signed in as `email`. */
export async function signedInPage(browser: Browser, email: DemoUserEmail): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email);
  return page;
}
