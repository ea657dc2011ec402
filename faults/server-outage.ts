import { chromium, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { openDatabase } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { Checks, leaksInternals, onCleanup, sleep, type FaultResult } from './harness';
import { startNext, waitHealthy } from './next-server';
import { ADMIN_URL, createDatabase, terminateAppSessions } from './postgres';
import { CuttableProxy } from './tcp-proxy';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { seedDemoData } from '../lib/demo/seed-demo';

/**
 * Case c: the app server runs on PostgreSQL through a relay the test can cut. While the database is unreachable
 * the public page, the API and /api/health answer at once that the database is unavailable (no stack, no driver
 * words) and a staff save says that nothing was saved — and nothing was; when the relay is back the same requests
 * succeed without restarting the server, and a save made then is in the database. Then every session the server
 * holds is ended with pg_terminate_backend (what a PostgreSQL restart does to them) and the next requests succeed.
 */

const SLUG = 'cedarholm-county';
const EDITOR = DEMO_USERS.find((user) => user.email === 'editor@demo.abate.test')!;
const UNAVAILABLE_PAGE = 'Database unavailable — try again shortly';
const NOTHING_SAVED = 'The database is unavailable, so nothing was saved.';
/** A request must be answered within this while the database is unreachable: no hanging until a proxy times out. */
const QUICK_MS = 6_000;

interface Answer {
  status: number;
  body: string;
  ms: number;
  retryAfter: string | null;
}

async function get(base: string, path: string): Promise<Answer> {
  const started = Date.now();
  try {
    const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(20_000), redirect: 'manual' });
    const body = await response.text();
    return { status: response.status, body, ms: Date.now() - started, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    return { status: 0, body: (error as Error).message, ms: Date.now() - started, retryAfter: null };
  }
}

export async function serverOutageFaults(buildDir: string, ports: { server: number; proxy: number }): Promise<FaultResult[]> {
  const outage = new Checks();
  const restart = new Checks();
  const database = await createDatabase('server');
  const seeding = await openDatabase({ databaseUrl: database.url, poolMax: 2 });
  try {
    await prepareDatabase(seeding, { demo: seedDemoData });
  } finally {
    await seeding.close();
  }
  // The checker reads PostgreSQL directly (not through the relay) under its own name, so ending the app's sessions
  // never ends its own.
  const checker = new pg.Pool({ connectionString: database.url, max: 1, application_name: 'fault-checker' });
  onCleanup(() => checker.end());
  const allocation = async (id: number) =>
    (await checker.query<{ program: string; version: number; audits: number }>(
      `select program, version, (select count(*)::int from audit_log where entity = 'allocation' and entity_id = $2) as audits
       from allocations where id = $1`,
      [id, String(id)],
    )).rows[0]!;
  const [editable] = (
    await checker.query<{ id: number }>(
      `select a.id from allocations a join localities l on l.id = a.locality_id
       where l.slug = $1 and a.status in ('draft', 'returned') and a.deleted_at is null order by a.id limit 1`,
      [SLUG],
    )
  ).rows;
  if (!editable) throw new Error(`the demo data has no editable allocation in ${SLUG}`);

  const target = new URL(ADMIN_URL);
  const proxy = new CuttableProxy(target.hostname, Number(target.port || 5432));
  await proxy.listen(ports.proxy);
  onCleanup(() => proxy.close());
  const proxied = new URL(database.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(ports.proxy);

  const server = startNext(buildDir, ports.server, { DATABASE_URL: proxied.toString(), ABATE_DB_POOL_MAX: '4', PORT: String(ports.server) });
  if (!(await waitHealthy(server, 90_000))) {
    const why = server.child.stderr().trim().split('\n').slice(-3).join(' | ');
    await server.stop();
    return [outage.result(`PostgreSQL unreachable while the server runs`), restart.result('PostgreSQL sessions ended')].map((r) => ({
      ...r,
      status: 'failed' as const,
      detail: `the server did not become healthy: ${why}`,
    }));
  }

  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    outage.notes.push(`no browser (${(error as Error).message.split('\n')[0]}): the page and the staff save were checked over HTTP only`);
  }
  onCleanup(() => browser?.close());
  const page = browser ? await (await browser.newContext({ baseURL: server.url })).newPage() : null;

  try {
    // Up: the baseline.
    for (const path of ['/', `/l/${SLUG}`, '/api/v1/localities', '/api/health']) {
      const answer = await get(server.url, path);
      outage.expect(answer.status === 200, `before the cut ${path} answered ${answer.status}`);
    }
    const before = await allocation(editable.id);
    const editUrl = `/staff/l/${SLUG}/allocations/${editable.id}/edit`;
    if (page) {
      await signIn(page);
      await page.goto(editUrl);
      await page.getByLabel('Program').fill(`${before.program} (saved during the outage)`);
    }

    // Cut: the database host is gone.
    const cutConnections = await proxy.cut();
    outage.injected += 1;
    outage.notes.push(`relay cut (${cutConnections} open connections)`);
    const health = await get(server.url, '/api/health');
    outage.expect(health.status === 503, `/api/health answered ${health.status} during the cut`);
    outage.expect(/"database":"unavailable"/.test(health.body), `/api/health did not say the database is unavailable: ${health.body.slice(0, 200)}`);
    const api = await get(server.url, '/api/v1/localities');
    outage.expect(api.status === 503 && api.retryAfter !== null, `the API answered ${api.status} (Retry-After ${api.retryAfter}) during the cut`);
    outage.expect(api.body.includes('The database is unavailable. Try again in a minute.'), `the API's answer: ${api.body.slice(0, 200)}`);
    const publicPage = await get(server.url, `/l/${SLUG}`);
    outage.expect(publicPage.status >= 500, `the public page answered ${publicPage.status} during the cut`);
    for (const [what, answer] of [['/api/health', health], ['the API', api], ['the public page', publicPage]] as const) {
      outage.expect(answer.ms < QUICK_MS, `${what} took ${answer.ms} ms to answer during the cut`);
      const leak = leaksInternals(answer.body);
      outage.expect(leak === null, `${what} showed ${leak} during the cut`);
    }
    outage.notes.push(`during the cut: health ${health.status} in ${health.ms} ms, API ${api.status} in ${api.ms} ms, page ${publicPage.status} in ${publicPage.ms} ms`);

    if (page) {
      await page.getByRole('button', { name: 'Save changes' }).click();
      const said = await page.getByRole('alert').filter({ hasText: NOTHING_SAVED }).waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      outage.expect(said, `the staff save did not say "${NOTHING_SAVED}" (${(await page.locator('main').innerText()).slice(0, 200)})`);
      if (said) outage.notes.push(`staff save during the cut: "${(await page.getByRole('alert').filter({ hasText: NOTHING_SAVED }).innerText()).trim()}"`);
      const publicTab = await page.context().newPage();
      await publicTab.goto(`/l/${SLUG}`);
      const shown = await publicTab.getByRole('heading', { name: UNAVAILABLE_PAGE }).waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      const text = await publicTab.locator('body').innerText();
      outage.expect(shown, `the public page in a browser did not say "${UNAVAILABLE_PAGE}": ${text.slice(0, 200)}`);
      if (shown) outage.notes.push(`public page in a browser: "${UNAVAILABLE_PAGE}"`);
      const leak = leaksInternals(text);
      outage.expect(leak === null, `the public page in a browser showed ${leak}`);
      await publicTab.close();
    }
    const during = await allocation(editable.id);
    outage.expect(during.version === before.version && during.program === before.program, 'a save during the cut changed the allocation');

    // Back: no restart, the same requests succeed within a few seconds.
    await proxy.restore();
    const restoredAt = Date.now();
    let healthy = false;
    while (!healthy && Date.now() - restoredAt < 15_000) {
      healthy = (await get(server.url, '/api/health')).status === 200;
      if (!healthy) await sleep(200);
    }
    outage.expect(healthy, 'the server did not recover within 15 s of the database coming back');
    outage.notes.push(`recovered ${((Date.now() - restoredAt) / 1000).toFixed(1)} s after the relay came back, same server process`);
    for (const path of ['/', `/l/${SLUG}`, '/api/v1/localities']) {
      const answer = await get(server.url, path);
      outage.expect(answer.status === 200, `after recovery ${path} answered ${answer.status}`);
    }
    if (page) {
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(new RegExp(`/allocations/${editable.id}$`), { timeout: 20_000 }).catch(() => undefined);
      const after = await allocation(editable.id);
      const saved = after.program === `${before.program} (saved during the outage)` && after.version === before.version + 1;
      if (!outage.expect(saved, `the save after recovery is not in the database (version ${after.version}, "${after.program}")`)) outage.rowsLost += 1;
      outage.expect(after.audits === before.audits + 1, `the save after recovery has ${after.audits - before.audits} audit rows`);
    }
    outage.expect(server.child.process.exitCode === null, 'the server process exited during the outage');

    // Restart: every session the app holds (pool and change listener) is ended by the server.
    const ended = await terminateAppSessions(database.name);
    restart.injected += ended;
    await sleep(100);
    const first = await get(server.url, `/l/${SLUG}`);
    const firstApi = await get(server.url, '/api/v1/localities');
    restart.expect(first.status === 200, `the first page after the sessions were ended answered ${first.status}`);
    restart.expect(firstApi.status === 200, `the first API request after the sessions were ended answered ${firstApi.status}`);
    restart.expect((await get(server.url, '/api/health')).status === 200, 'health was not ok after the sessions were ended');
    if (page) {
      const current = await allocation(editable.id);
      await page.goto(editUrl);
      await page.getByLabel('Program').fill(`${before.program} (saved after a restart)`);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(new RegExp(`/allocations/${editable.id}$`), { timeout: 20_000 }).catch(() => undefined);
      const after = await allocation(editable.id);
      const saved = after.program === `${before.program} (saved after a restart)` && after.version === current.version + 1;
      if (!restart.expect(saved, `the save after the sessions were ended is not in the database ("${after.program}")`)) restart.rowsLost += 1;
    }
    restart.expect(server.child.process.exitCode === null, 'the server process exited when its sessions were ended');
    restart.notes.push(`${ended} sessions ended (pool and change listener); the next page, API request, health check and staff save succeeded`);
  } finally {
    await browser?.close();
    await server.stop();
  }
  return [
    outage.result('PostgreSQL unreachable while the server runs (relay cut, then back)'),
    restart.result('PostgreSQL sessions ended under the server (pg_terminate_backend, as in a restart)'),
  ];
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in?next=/staff');
  await page.getByLabel('Email').fill(EDITOR.email);
  await page.getByLabel('Password').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor({ timeout: 20_000 });
}
