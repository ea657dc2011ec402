/**
 * A server Playwright tests run against: a fresh embedded database with the demo data in its own folder
 * (ABATE_E2E_FOLDER, see e2e/expected.ts), served by the production build (`next build` has run before). Before the
 * server takes the folder, it writes what the database says (EXPECTED_FILE, in that folder), so tests compare the
 * pages with the database, not with themselves.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { nextStartArgs } from '../scripts/next-server';
import { EXPECTED_FILE, SERVER_FOLDER, type ExpectedFigures } from './expected';
import { seedHostileData } from './helpers/hostile-data';
import { seedMapData } from './helpers/map-data';
import { seedDemoData } from '../lib/demo/seed-demo';

const dataDir = path.join(SERVER_FOLDER, 'abate');
const port = process.env.PORT ?? '3100';

async function main(): Promise<void> {
  fs.rmSync(SERVER_FOLDER, { recursive: true, force: true });
  const handle = await openDatabase({ dataDir, command: 'e2e/serve.ts' });
  await prepareDatabase(handle, { demo: seedDemoData });
  // A locality of hostile text for e2e/hostile-content.spec.ts; no other test reads it.
  if (process.env.ABATE_E2E_HOSTILE !== '0') await seedHostileData(handle.db);
  // Real North Carolina places with FIPS codes for e2e/map.spec.ts: the demo's fictional localities have none.
  await seedMapData(handle.db);
  const rows = (await handle.db.execute(sql`
    select l.slug, a.fiscal_year::int as "fiscalYear", c.key as category,
      sum(s.amount_cents)::text as allocated
    from allocations a
    join localities l on l.id = a.locality_id
    join allocation_splits s on s.allocation_id = a.id
    join categories c on c.id = s.category_id
    where a.status = 'approved' and a.deleted_at is null
    group by 1, 2, 3`)) as unknown as { rows: { slug: string; fiscalYear: number; category: string; allocated: string }[] };
  const expected: ExpectedFigures = { allocatedByCategory: {} };
  for (const row of rows.rows) {
    const key = `${row.slug}:${row.fiscalYear}`;
    (expected.allocatedByCategory[key] ??= {})[row.category] = row.allocated;
  }
  fs.mkdirSync(path.dirname(EXPECTED_FILE), { recursive: true });
  fs.writeFileSync(EXPECTED_FILE, JSON.stringify(expected, null, 2));
  await handle.close();

  const server = spawn(process.execPath, nextStartArgs(port, '127.0.0.1'), {
    stdio: 'inherit',
    env: { ...process.env, ABATE_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
