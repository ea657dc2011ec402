import { expect, test, type APIResponse } from '@playwright/test';
import { postReceipt } from './helpers/receipts';
import { signedInPage } from './helpers/sign-in';

/**
 * The rendered-page cache (docs/adr/0005-rendered-page-cache.md): an anonymous reader's second load of a public page
 * comes from memory with a nonce of its own and still runs under the policy; signed-in staff never get (or fill) a
 * cached page; and a change made by staff is on the public page at once.
 */

const SLUG = 'cedarholm-county';
const stamp = Date.now().toString(36);
// An unknown parameter makes a page nobody has asked for yet (the page ignores it), so the first load is a miss.
const fresh = (label: string) => `/l/${SLUG}?fy=2026&e2e=${label}-${stamp}`;
const HTML = { accept: 'text/html,application/xhtml+xml' };

function nonceOf(response: APIResponse): string {
  const policy = response.headers()['content-security-policy'] ?? '';
  return /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
}

/** Every nonce the HTML carries: on script tags and inside the React payload. */
function noncesIn(html: string): Set<string> {
  const found = new Set<string>();
  for (const match of html.matchAll(/ nonce="([^"]+)"/g)) found.add(match[1]!);
  for (const match of html.matchAll(/\\"nonce\\":\\"([^"\\]+)\\"/g)) found.add(match[1]!);
  return found;
}


test('a second anonymous load is served from the cache, with its own nonce, and the page works under the policy', async ({
  request,
  page,
}) => {
  const path = fresh('hit');
  const first = await request.get(path, { headers: HTML });
  const second = await request.get(path, { headers: HTML });
  const third = await request.get(path, { headers: HTML });
  expect(first.status()).toBe(200);
  expect(first.headers()['x-abate-page-cache']).toBe('miss');
  expect(second.headers()['x-abate-page-cache']).toBe('hit');
  expect(third.headers()['x-abate-page-cache']).toBe('hit');

  const answers = [first, second, third];
  const nonces = answers.map(nonceOf);
  expect(new Set(nonces).size).toBe(3);
  const bodies = await Promise.all(answers.map((a) => a.text()));
  bodies.forEach((body, i) => {
    // The HTML carries this answer's nonce and no other (no sentinel, no other reader's nonce).
    expect([...noncesIn(body)]).toEqual([nonces[i]]);
  });
  // Two answers from the cache are the same bytes apart from the nonce.
  expect(bodies[2]!.replaceAll(nonces[2]!, 'N')).toBe(bodies[1]!.replaceAll(nonces[1]!, 'N'));

  // The same headers as any page: security headers, no shared caching, compressed.
  for (const answer of answers) {
    const headers = answer.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['cache-control']).toContain('no-store');
    expect(headers['content-type']).toContain('text/html');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['set-cookie']).toBeUndefined();
  }

  // A browser gets the cached page; its scripts run (charts draw, the filter navigates) with no policy violation.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(path);
  expect(response?.headers()['x-abate-page-cache']).toBe('hit');
  await page.getByTestId('category-chart').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-testid="category-chart"] [data-testid="bar"]').first()).toBeVisible();
  await page.getByLabel('Category', { exact: true }).selectOption('moud');
  await expect(page).toHaveURL(/[?&]category=moud/);
  await expect(page.getByTestId('lines-count')).toHaveText(/^Showing \d+ of \d+ approved lines\.$/);
  expect(violations).toEqual([]);
});

test('signed-in staff are never served a cached page, and their visits put none in the cache', async ({ browser, request }) => {
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  const path = fresh('staff');
  for (let i = 0; i < 2; i += 1) {
    const response = await editor.goto(path);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-abate-page-cache']).toBeUndefined();
  }
  // Nothing was kept for the editor's visits: the first anonymous load renders.
  expect((await request.get(path, { headers: HTML })).headers()['x-abate-page-cache']).toBe('miss');
  expect((await request.get(path, { headers: HTML })).headers()['x-abate-page-cache']).toBe('hit');
  // The page is now cached, and the editor still gets a render of their own.
  const again = await editor.goto(path);
  expect(again?.headers()['x-abate-page-cache']).toBeUndefined();
  await expect(editor.getByRole('heading', { level: 1 })).toContainText('Cedarholm County');
  await editor.context().close();
});

test('money staff record is on the cached public page at once', async ({ browser, request }) => {
  const path = fresh('change');
  // The "Received" card of the totals, as the HTML has it: <dd … data-testid="total-received" data-cents="…">.
  // (A receipt, not a new line: the other public tests compare the lines and allocations with the database as
  // it was when the server started.)
  const received = async (response: APIResponse) =>
    BigInt(/data-testid="total-received" data-cents="(\d+)"/.exec(await response.text())?.[1] ?? 'NaN');
  await request.get(path, { headers: HTML });
  const cached = await request.get(path, { headers: HTML });
  expect(cached.headers()['x-abate-page-cache']).toBe('hit');
  const before = await received(cached);

  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await postReceipt(editor, SLUG, '2026-01-15', '1,234.00');

  // Not polled: the write's change signal has dropped the rendered page by the time the editor sees the list.
  const after = await request.get(path, { headers: HTML });
  expect(after.headers()['x-abate-page-cache']).toBe('miss');
  expect((await received(after)) - before).toBe(123_400n);
  expect((await request.get(path, { headers: HTML })).headers()['x-abate-page-cache']).toBe('hit');
  await editor.context().close();
});
