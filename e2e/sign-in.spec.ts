import { expect, test } from '@playwright/test';
import { signInAs } from './helpers/sign-in';

test('staff pages ask for sign-in and come back afterwards', async ({ page }) => {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a wrong password is refused with a message beside the field, and nothing reveals whether the account exists', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('editor@demo.abate.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const error = page.locator('#email-error');
  await expect(error).toHaveText('That email and password do not match an active account.');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Email').fill('nobody@demo.abate.test');
  await page.getByLabel('Password').fill('whatever-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(error).toHaveText('That email and password do not match an active account.');
});

test('the demo editor signs in with an HttpOnly, SameSite cookie, sees their locality, and signs out', async ({
  page,
  context,
}) => {
  await signInAs(page, 'editor@demo.abate.test');
  await expect(page.getByRole('link', { name: 'Cedarholm County (demo)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'City of Port Wexley (demo)' })).toHaveCount(0);

  const [cookie] = (await context.cookies()).filter((c) => c.name === 'abate_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{22}$/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toHaveText('You are signed out.');
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an editor cannot open another locality’s staff pages', async ({ page }) => {
  await signInAs(page, 'editor@demo.abate.test');
  const response = await page.goto('/staff/l/port-wexley');
  expect(response?.status()).toBe(404);
});
