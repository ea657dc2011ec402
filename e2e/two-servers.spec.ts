import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { nextStartArgs } from '../scripts/next-server';
import { postReceipt } from './helpers/receipts';
import { signInAs } from './helpers/sign-in';

/**
 * Scaling out (issue #7): two app servers on one PostgreSQL database, as behind a load balancer. Both serve the same
 * data, and a write through one is on the other's very next read — its in-memory caches (data and rendered pages)
 * are emptied by the database's change signal, not by anything in the writing server's memory.
 *
 * The second server reaches PostgreSQL the way docs/deploy.md recommends for many servers: through PgBouncer in
 * transaction mode, with ABATE_SESSION_DATABASE_URL a direct connection for LISTEN and the migrator's lock.
 */

const ADMIN_URL = process.env.ABATE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BASE_PORT = Number(process.env.ABATE_E2E_PORT ?? 3100);
const PORTS = [BASE_PORT + 1, BASE_PORT + 2] as const;
const PGBOUNCER_PORT = BASE_PORT + 3;
const PGBOUNCER = process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer';
const DATABASE = `abate_e2e_two_servers_${BASE_PORT}`;
const SLUG = 'cedarholm-county';
const FISCAL_YEAR = '2026';

function databaseUrl(name: string, port?: number): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  if (port !== undefined) url.port = String(port);
  return url.toString();
}

/** PgBouncer in transaction mode in front of the test server, in a folder of its own. */
function startPgbouncer(): ChildProcess {
  if (!fs.existsSync(PGBOUNCER)) throw new Error(`PgBouncer is missing at ${PGBOUNCER}: apt-get install pgbouncer`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'abate-pgbouncer-'));
  const upstream = new URL(ADMIN_URL);
  fs.writeFileSync(path.join(dir, 'users.txt'), `"${decodeURIComponent(upstream.username)}" ""\n`);
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${upstream.hostname} port=${upstream.port || '5432'}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${PGBOUNCER_PORT}`,
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'default_pool_size = 4',
      'unix_socket_dir =',
      'ignore_startup_parameters = extra_float_digits,options',
    ].join('\n'),
  );
  fs.chmodSync(dir, 0o755);
  // PgBouncer will not run as root; -u drops to the postgres account.
  const asRoot = process.getuid?.() === 0;
  return spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), path.join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function run(script: string, args: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', [script, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl(DATABASE) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited ${code}: ${stderr}`))));
  });
}

const servers: ChildProcess[] = [];

async function waitForHealth(port: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server on port ${port} did not become healthy`);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await admin(`drop database if exists ${DATABASE} with (force)`);
  await admin(`create database ${DATABASE}`);
  await run('scripts/db-migrate.ts');
  await run('scripts/db-seed.ts', ['--demo']);
  servers.push(startPgbouncer());
  const connections = [
    { DATABASE_URL: databaseUrl(DATABASE) },
    { DATABASE_URL: databaseUrl(DATABASE, PGBOUNCER_PORT), ABATE_SESSION_DATABASE_URL: databaseUrl(DATABASE) },
  ];
  for (const [index, port] of PORTS.entries()) {
    const server = spawn(process.execPath, nextStartArgs(String(port), '127.0.0.1'), {
      env: { ...process.env, ...connections[index], ABATE_DEMO: '0', PORT: String(port) },
      stdio: 'ignore',
    });
    servers.push(server);
  }
  await Promise.all(PORTS.map(waitForHealth));
});

test.afterAll(async () => {
  for (const server of servers) server.kill('SIGTERM');
  await Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.on('exit', resolve)))));
  await admin(`drop database if exists ${DATABASE} with (force)`);
});

async function publicReceived(page: Page, port: number): Promise<bigint> {
  await page.goto(`http://127.0.0.1:${port}/l/${SLUG}?fy=${FISCAL_YEAR}`);
  return BigInt((await page.getByTestId('total-received').getAttribute('data-cents')) ?? 'NaN');
}

async function apiReceived(port: number): Promise<bigint> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/localities/${SLUG}/summary?fy=${FISCAL_YEAR}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { totals: { received: { cents: string } } };
  return BigInt(body.totals.received.cents);
}

test('two servers on one PostgreSQL serve the same data, and a write on one is on the other at its next read', async ({ browser }) => {
  const reader = await (await browser.newContext()).newPage();
  // Both servers answer, with the same figures, and both have now cached the page and the summary.
  const before = await publicReceived(reader, PORTS[1]);
  expect(await publicReceived(reader, PORTS[0])).toBe(before);
  expect(await apiReceived(PORTS[1])).toBe(before);
  expect(await publicReceived(reader, PORTS[1])).toBe(before);

  // An editor records a receipt through the first server.
  const editor = await (await browser.newContext({ baseURL: `http://127.0.0.1:${PORTS[0]}` })).newPage();
  await signInAs(editor, 'editor@demo.abate.test');
  await postReceipt(editor, SLUG, '2026-01-15', '4,321.09');

  // The second server's very next read shows it: no waiting for a cache to expire.
  expect(await publicReceived(reader, PORTS[1])).toBe(before + 432_109n);
  expect(await apiReceived(PORTS[1])).toBe(before + 432_109n);
  expect(await publicReceived(reader, PORTS[0])).toBe(before + 432_109n);
});
