import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { getDb } from '@/db/runtime';
import { getRequestActor } from '@/app/_lib/request-actor';
import type { Actor } from '@/lib/auth/authorize';
import { findLocalityBySlug, type LocalityRef } from '@/lib/data/localities';
import { AppError } from '@/lib/errors';
import { IMPORT_FIELDS, type Mapping } from '@/lib/import';
import { requireImportScope } from '@/lib/services/import/actor';
import { importMaxBytes, tooLargeMessage } from '@/lib/services/import/limits';
import type { WireFailure } from './wire';

/**
 * The import's route handlers take the spreadsheet itself with every request (the browser keeps the File between
 * steps; the server keeps nothing), so any server process can answer any step. They are route handlers, not server
 * actions, for two reasons: server actions refuse bodies over 1 MB unless the whole app raises its limit, and a
 * handler can stream the commit's progress back.
 */

export interface ImportRequest {
  db: Database;
  actor: Actor | null;
  locality: LocalityRef;
  fileName: string;
  bytes: Uint8Array;
  mapping: Mapping | undefined;
  expectedRowCount: number | undefined;
  /** The lines the preview said would change, at the versions it read. */
  expectedChanges: { allocationId: number; version: number }[] | undefined;
  maxBytes: number;
  /** For expected payments: where and when the estimates were made, for a file with no such columns. */
  estimateSource: string | undefined;
  estimatedOn: string | undefined;
}

// Room for the multipart boundaries, the file name and the mapping around the file itself.
const FORM_OVERHEAD_BYTES = 256 * 1024;

const mappingSchema = z.record(z.string().max(500), z.enum(IMPORT_FIELDS).nullable());
const expectedChangesSchema = z.array(
  z.object({ allocationId: z.number().int().positive(), version: z.number().int().positive() }).strict(),
);

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' },
  });
}

function failure(status: number, reason: string): { ok: false; response: Response } {
  const body: WireFailure = { ok: false, reason };
  return { ok: false, response: jsonResponse(status, body) };
}

/**
 * Who asks, for which locality, with which file, checked in this order and before the body is read: the person may
 * import here, the declared size is within the limit. Only then is the form read, and the file's own size checked
 * again. (That the request comes from this site is checked before this, first thing in each handler.)
 */
export async function readImportRequest(
  request: Request,
  slug: string,
): Promise<{ ok: true; value: ImportRequest } | { ok: false; response: Response }> {
  const db = await getDb();
  const [actor, locality] = await Promise.all([getRequestActor(), findLocalityBySlug(db, slug)]);
  if (!locality) return failure(404, 'Not found.');
  try {
    requireImportScope(actor, locality.id);
  } catch (error) {
    if (error instanceof AppError) return failure(error.code === 'forbidden' ? 404 : error.status, error.message);
    throw error;
  }

  const maxBytes = importMaxBytes();
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(declared)) return failure(411, 'The upload did not say how large it is; please try again.');
  if (declared > maxBytes + FORM_OVERHEAD_BYTES) return failure(413, tooLargeMessage(declared, maxBytes));

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return failure(400, 'The upload was not a form with a file; please choose the file again.');
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return failure(400, 'Choose a CSV or XLSX file to import.');
  if (file.size > maxBytes) return failure(413, tooLargeMessage(file.size, maxBytes));

  const mappingRead = jsonField(form, 'mapping', mappingSchema);
  if (mappingRead === UNREADABLE) return failure(400, 'The column mapping was not understood; map the columns again.');
  const mapping = mappingRead === undefined ? undefined : Object.assign(Object.create(null) as Mapping, mappingRead);

  let expectedRowCount: number | undefined;
  const expected = form.get('expectedRowCount');
  if (typeof expected === 'string' && expected !== '') {
    const value = Number(expected);
    if (!Number.isSafeInteger(value) || value < 0) return failure(400, 'The previewed line count was not understood.');
    expectedRowCount = value;
  }

  const expectedChanges = jsonField(form, 'expectedChanges', expectedChangesSchema);
  if (expectedChanges === UNREADABLE) return failure(400, 'The previewed changes were not understood; preview the import again.');

  return {
    ok: true,
    value: {
      db,
      actor,
      locality,
      fileName: file.name || 'upload',
      bytes: new Uint8Array(await file.arrayBuffer()),
      mapping,
      expectedRowCount,
      expectedChanges,
      maxBytes,
      estimateSource: textField(form, 'estimateSource'),
      estimatedOn: textField(form, 'estimatedOn'),
    },
  };
}

/** A short text field of the upload form, or undefined when absent or blank. */
function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 500) : undefined;
}

const UNREADABLE = Symbol('unreadable');

/** A JSON field of the upload form, checked against its schema: undefined when absent or blank. */
function jsonField<T>(form: FormData, name: string, schema: z.ZodType<T>): T | undefined | typeof UNREADABLE {
  const text = form.get(name);
  if (typeof text !== 'string' || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const result = schema.safeParse(parsed);
  return result.success ? result.data : UNREADABLE;
}
