import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { openDatabase } from '../db/client';
import { lockPathFor } from '../db/folder-lock';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { Checks, groupGone, killTree, tempFolder, type FaultResult } from './harness';
import { importStateProblems, prepareImportTarget, readImportState, SLUG, type ImportFile } from './import-data';
import { startNext, waitHealthy } from './next-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

/**
 * Case b: the server itself (`next start` on the embedded database) killed with SIGKILL while it imports a file
 * uploaded on the staff import route, at two moments timed against a whole upload. The folder must then open (over
 * the dead server's lock) with the whole import or none of it, the audit log matching the rows.
 */

const ADMIN = DEMO_USERS.find((user) => user.email === 'admin@demo.abate.test')!;

export async function serverImportKillFaults(buildDir: string, port: number, file: ImportFile): Promise<FaultResult> {
  const checks = new Checks();
  const folder = tempFolder('server-import');
  const template = path.join(folder, 'template');
  await prepareImportTarget(await openDatabase({ dataDir: template, command: 'fault tests (template)' }), { demo: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const outcomes: string[] = [];
  try {
    // The server writes its progress to the answer only as the import yields, which on PGlite is mostly at the end:
    // so the kills are timed, at shares of how long a whole upload took here (the first, unharmed, run).
    const points: { label: string; share: number | null }[] = [
      { label: 'without a fault', share: null },
      { label: 'halfway through the upload', share: 0.5 },
      { label: 'near the end of the upload', share: 0.85 },
    ];
    let uploadMs = 0;
    for (const [index, point] of points.entries()) {
      const dataDir = path.join(folder, `run-${index + 1}`);
      fs.cpSync(template, dataDir, { recursive: true });
      const server = startNext(buildDir, port, { ABATE_DATA_DIR: dataDir, DATABASE_URL: '', ABATE_DEMO: '0', PORT: String(port) });
      if (!checks.expect(await waitHealthy(server, 90_000), `the server on ${dataDir} did not start: ${server.child.stderr().trim().split('\n').at(-1)}`)) {
        await server.stop();
        continue;
      }
      // Signed in through the form, as a person would; the session cookie then goes with the upload.
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto('/sign-in?next=/staff');
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('signed-in-as').waitFor({ timeout: 20_000 });
      const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      await context.close();

      const form = new FormData();
      form.set('file', new Blob([fs.readFileSync(file.file)], { type: 'text/csv' }), path.basename(file.file));
      let killed = false;
      let committedReported = false;
      const sent = Date.now();
      const timer =
        point.share === null
          ? null
          : setTimeout(() => {
              killed = true;
              killTree(server.child.process);
            }, Math.round(uploadMs * point.share));
      try {
        const response = await fetch(`${server.url}/staff/l/${SLUG}/import/commit`, {
          method: 'POST',
          body: form,
          headers: { cookie, origin: server.url },
        });
        checks.expect(response.ok, `the upload answered ${response.status}`);
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let buffered = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffered += decoder.decode(value, { stream: true });
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) {
            const event = JSON.parse(line) as { type: string; done?: number; total?: number };
            if (event.type === 'result') committedReported = true;
          }
        }
      } catch {
        // The connection breaks when the server dies: expected.
      }
      if (timer) clearTimeout(timer);
      if (point.share === null) {
        uploadMs = Date.now() - sent;
        checks.expect(committedReported, 'the upload without a fault did not report its result');
        checks.notes.push(`a whole upload takes ${(uploadMs / 1000).toFixed(1)} s here`);
        await server.stop();
      } else if (!killed) {
        killTree(server.child.process);
      }
      await server.child.exited;
      await groupGone(server.child.process);
      if (point.share !== null) {
        if (killed && !committedReported) checks.injected += 1;
        else checks.notes.push(`the import finished before the kill ${point.label}`);
      }

      const lockLeft = fs.existsSync(lockPathFor(dataDir));
      try {
        const handle = await openDatabase({ dataDir, command: 'fault tests (check)' });
        try {
          const state = await readImportState(handle);
          for (const problem of importStateProblems(state, file)) checks.expect(false, `server killed ${point.label}: ${problem}`);
          if (committedReported && state.lines < file.lines) {
            checks.expect(false, `the server reported the import committed, yet ${state.lines} of ${file.lines} lines are there`);
            checks.rowsLost += file.lines - state.lines;
          }
          if (point.share === null) checks.expect(state.lines === file.lines, `the upload without a fault left ${state.lines} of ${file.lines} lines`);
          else outcomes.push(`killed ${point.label} → ${state.lines === 0 ? 'none' : 'all'}${lockLeft ? ', stale lock recovered' : ''}`);
        } finally {
          await handle.close();
        }
      } catch (error) {
        checks.expect(false, `after the server was killed ${point.label} the database did not open: ${(error as Error).message}`);
      }
    }
  } finally {
    await browser.close();
  }
  checks.notes.push(...outcomes);
  return checks.result(`SIGKILL of the server during a staff upload import (PGlite, ${file.lines.toLocaleString('en-US')} lines)`);
}
