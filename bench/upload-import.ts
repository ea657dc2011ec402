import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '@/db/client';
import { createUser } from '@/lib/auth/create-user';
import { createSession } from '@/lib/auth/sessions';

/**
 * The import as an editor runs it from the staff page: the file posted to the server's import route, the progress
 * stream read to its result. The embedded database admits one process, so on PGlite this is the only way to import
 * while the server runs; the bench uses it to measure reads during an import there.
 */

export interface UploadImport {
  seconds: number;
  ok: boolean;
  created: number | null;
  tail: string;
}

/** A site admin and a session for them, written before the server takes the database. Returns the cookie. */
export async function createUploadSession(handle: DatabaseHandle): Promise<string> {
  const { userId } = await createUser(
    handle.db,
    { email: 'bench-importer@bench.abate.test', name: 'Bench importer', role: 'admin', password: 'bench-importer-password' },
    null,
  );
  const { token } = await createSession(handle.db, userId);
  return `abate_session=${token}`;
}

/** Posts `csvFile` (a .csv, or a .xlsx) to the import route and reads its answer to the end. */
export async function runUploadImport(base: string, slug: string, csvFile: string, cookie: string): Promise<UploadImport> {
  const started = process.hrtime.bigint();
  const form = new FormData();
  const type = csvFile.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  form.set('file', new Blob([fs.readFileSync(csvFile)], { type }), path.basename(csvFile));
  const response = await fetch(`${base}/staff/l/${slug}/import/commit`, {
    method: 'POST',
    body: form,
    headers: { cookie, origin: base },
  });
  const text = await response.text();
  const last = text.trim().split('\n').at(-1) ?? '';
  let event: { type?: string; created?: number } = {};
  try {
    event = JSON.parse(last) as typeof event;
  } catch {
    // not a progress stream: the tail says what came back
  }
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    ok: response.ok && event.type === 'result',
    created: typeof event.created === 'number' ? event.created : null,
    tail: `${response.status} ${last.slice(0, 300)}`,
  };
}
