import 'server-only';
import { createHash } from 'node:crypto';
import { connection } from 'next/server';
import type { Database } from '@/db/client';
import { getDb } from '@/db/runtime';
import { unavailableResponseFor } from '@/lib/errors/unavailable-response';
import { openDownload } from '@/lib/open-data/downloads';
import { ApiError, errorBody, INTERNAL_ERROR_BODY, type ApiErrorBody } from '@/lib/open-data/errors';

/**
 * The edge of the public API and the downloads: route handlers in app/api/v1 and app/data call these. Every handler
 * awaits `connection()` so that `next build` never prerenders one (and so never opens the database).
 */

const PUBLIC_HEADERS = {
  'Cache-Control': 'public, max-age=60',
  // Public, read-only, no credentials: any web page (a newsroom's chart, a notebook) may read it.
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
} as const;

function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

/** 200 with the JSON of `value` and an ETag, or 304 when the client already has it. */
export function jsonResponse(request: Request, value: unknown, extraHeaders: Record<string, string> = {}): Response {
  return publicTextResponse(request, JSON.stringify(value), 'application/json; charset=utf-8', extraHeaders);
}

/** 200 with `body` (a public document of `contentType`) and an ETag, or 304 when the client already has it. */
export function publicTextResponse(request: Request, body: string, contentType: string, extraHeaders: Record<string, string> = {}): Response {
  const etag = etagOf(body);
  const headers = { ...PUBLIC_HEADERS, ETag: etag, ...extraHeaders };
  if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType } });
}

export function errorResponse(error: unknown): Response {
  const unavailable = unavailableResponseFor(error, { 'Access-Control-Allow-Origin': '*' });
  if (unavailable) return unavailable;
  let status = 500;
  let body: ApiErrorBody = INTERNAL_ERROR_BODY;
  if (error instanceof ApiError) {
    status = error.status;
    body = errorBody(error);
  } else {
    console.error('[abate] public API error', error);
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Runs an API answer for a GET request and turns its result or its error into a response. */
export async function apiGet(
  request: Request,
  answer: (db: Database, params: URLSearchParams) => Promise<unknown>,
): Promise<Response> {
  await connection();
  try {
    const params = new URL(request.url).searchParams;
    return jsonResponse(request, await answer(await getDb(), params));
  } catch (error) {
    return errorResponse(error);
  }
}

/** GET /data/{scope}/{file}: a streamed CSV or the Data Package descriptor. */
export async function downloadGet(request: Request, scope: string, file: string): Promise<Response> {
  await connection();
  try {
    // Downloads take one parameter, `lang=es` (a CSV's header row in Spanish, as the Spanish pages link it), and
    // ignore any other (a shared link may carry tracking or cache-busting ones).
    const spanishHeaders = new URL(request.url).searchParams.get('lang') === 'es';
    const download = await openDownload(await getDb(), scope, file, { spanishHeaders });
    const disposition = `attachment; filename="${download.filename}"`;
    if (download.kind === 'json') {
      return jsonResponse(request, download.value, { 'Content-Disposition': disposition.replace('attachment', 'inline') });
    }
    return new Response(download.body, {
      status: 200,
      headers: {
        ...PUBLIC_HEADERS,
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': disposition,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
