/**
 * The whole request surface of the app, found on disk at test time: every export of every 'use server' file and
 * every HTTP method of every route.ts under app/. Tests enumerate it so a new action or handler cannot be left out,
 * call each one as the request would (FormData for actions, a real Request and params promise for handlers), and
 * sort what came back into the shapes a person may see.
 *
 * A test file must install the Next.js stand-ins first; copy these lines (vi.mock is hoisted per file):
 *
 *   vi.mock('server-only', () => ({}));
 *   vi.mock('next/headers', async () => (await import('@/app/_testing/next-mocks')).nextHeadersMock);
 *   vi.mock('next/navigation', async () => (await import('@/app/_testing/next-mocks')).nextNavigationMock);
 *   vi.mock('next/cache', async () => (await import('@/app/_testing/next-mocks')).nextCacheMock);
 *   vi.mock('next/server', async (original) => ({ ...(await original<object>()), connection: async () => undefined }));
 */
import fs from 'node:fs';
import path from 'node:path';
import { NotFoundSignal, RedirectSignal, setTestRequest, StatusSignal } from './next-mocks';

export const APP_DIR = path.resolve(import.meta.dirname, '..');
const REPO_DIR = path.resolve(APP_DIR, '..');

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type SurfaceEntry =
  | { kind: 'action'; id: string; file: string; name: string; fn: (...args: unknown[]) => Promise<unknown> }
  | { kind: 'route'; id: string; file: string; name: HttpMethod; fn: (...args: unknown[]) => Promise<Response> | Response };

export interface Surface {
  entries: SurfaceEntry[];
  /** Files with a 'use server' that is not the file's first statement: inline actions nothing here can enumerate. */
  inlineActionFiles: string[];
}

function listSourceFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.split(path.sep).includes('_testing'))
    .map((name) => path.join(dir, name))
    .sort();
}

/** 'use server' as the file's directive: the first statement, after comments only. */
function isServerActionFile(source: string): boolean {
  const withoutComments = source.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, '');
  return /^['"]use server['"]/.test(withoutComments);
}

export async function discoverSurface(): Promise<Surface> {
  const entries: SurfaceEntry[] = [];
  const inlineActionFiles: string[] = [];
  for (const absolute of listSourceFiles(APP_DIR)) {
    const file = path.relative(REPO_DIR, absolute).split(path.sep).join('/');
    const source = fs.readFileSync(absolute, 'utf8');
    const isRoute = /\/route\.tsx?$/.test(file);
    const isActions = isServerActionFile(source);
    if (!isActions && /['"]use server['"]/.test(source)) inlineActionFiles.push(file);
    if (!isRoute && !isActions) continue;
    const moduleExports = (await import(/* @vite-ignore */ absolute)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(moduleExports)) {
      if (typeof value !== 'function') continue;
      if (isActions) {
        entries.push({ kind: 'action', id: `${file}#${name}`, file, name, fn: value as never });
      } else if ((HTTP_METHODS as readonly string[]).includes(name)) {
        entries.push({ kind: 'route', id: `${file}#${name}`, file, name: name as HttpMethod, fn: value as never });
      }
    }
  }
  return { entries, inlineActionFiles };
}

/** The dynamic segments of a route file, e.g. ['slug'] for app/staff/l/[slug]/allocations/export/route.ts. */
export function routeParamNames(file: string): string[] {
  return [...file.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!);
}

function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function routeUrl(file: string, params: Record<string, string>, query = ''): string {
  const pathname = file
    .replace(/^app/, '')
    .replace(/\/route\.tsx?$/, '')
    // Only the URL needs well-formed text; the handler gets the params as they were (lone surrogates too).
    .replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(wellFormed(params[name] ?? '')));
  return `http://localhost:3000${pathname || '/'}${query ? `?${query}` : ''}`;
}

export type Outcome =
  /** The action returned (a form state, a message, or null). */
  | { kind: 'result'; value: unknown }
  | { kind: 'redirect'; url: string }
  | { kind: 'not-found' }
  | { kind: 'status'; status: 401 | 403 }
  | { kind: 'response'; status: number; contentType: string; body: string }
  /** Anything else thrown: what a person would see as a 500. Always a bug. */
  | { kind: 'crash'; error: unknown };

export interface CallContext {
  /** The session cookie to send, or none for an anonymous request. */
  sessionToken: string | null;
}

function sendAs(context: CallContext): void {
  setTestRequest({
    cookies: context.sessionToken ? { abate_session: context.sessionToken } : {},
    headers: { origin: 'http://localhost:3000', 'x-forwarded-for': '203.0.113.7' },
  });
}

async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await run();
    if (value instanceof Response) {
      return {
        kind: 'response',
        status: value.status,
        contentType: value.headers.get('content-type') ?? '',
        body: await value.text(),
      };
    }
    return { kind: 'result', value };
  } catch (error) {
    if (error instanceof RedirectSignal) return { kind: 'redirect', url: error.url };
    if (error instanceof NotFoundSignal) return { kind: 'not-found' };
    if (error instanceof StatusSignal) return { kind: 'status', status: error.status };
    return { kind: 'crash', error };
  }
}

/** Calls a server action as a form post does: (previous state, FormData). */
export function callAction(entry: SurfaceEntry, formData: FormData, context: CallContext): Promise<Outcome> {
  sendAs(context);
  return settle(async () => entry.fn(null, formData));
}

export interface RouteCall {
  params: Record<string, string>;
  query?: string;
  /** A multipart form for POST handlers; sent with its content-length, as a browser does. */
  form?: FormData;
  headers?: Record<string, string>;
}

/** Calls a route handler with a real Request and the params promise Next.js passes. */
export async function callRoute(entry: SurfaceEntry, call: RouteCall, context: CallContext): Promise<Outcome> {
  sendAs(context);
  const url = routeUrl(entry.file, call.params, call.query);
  const headers: Record<string, string> = { host: 'localhost:3000', origin: 'http://localhost:3000', ...call.headers };
  if (context.sessionToken) headers.cookie = `abate_session=${context.sessionToken}`;
  let init: RequestInit = { method: entry.name, headers };
  if (call.form && entry.name !== 'GET' && entry.name !== 'HEAD') {
    const encoded = new Request(url, { method: 'POST', body: call.form });
    const bytes = await encoded.arrayBuffer();
    init = {
      method: entry.name,
      body: bytes,
      headers: { ...headers, 'content-type': encoded.headers.get('content-type')!, 'content-length': String(bytes.byteLength) },
    };
  }
  const request = new Request(url, init);
  return settle(async () => entry.fn(request, { params: Promise.resolve(call.params) }));
}

// ---- What came back, sorted -------------------------------------------------------------------------------------

const DENIAL_CODES = new Set(['unauthenticated', 'forbidden', 'not_found']);
/** The default messages of Unauthenticated and Forbidden: the context import reports them without their code. */
const DENIAL_MESSAGES = new Set(['Please sign in.', 'You do not have permission to do that.']);
const INTERNAL_MESSAGES = [/went wrong on our side/i];

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** The JSON lines of a streamed answer (the import commit), or null when the body is not that. */
function lastStreamEvent(outcome: Outcome): Record<string, unknown> | null {
  if (outcome.kind !== 'response' || !outcome.contentType.includes('ndjson')) return null;
  const lines = outcome.body.trim().split('\n').filter(Boolean);
  try {
    return record(JSON.parse(lines.at(-1) ?? 'null'));
  } catch {
    return null;
  }
}

/** The message a person is shown with a failure, or null when the outcome carries none. */
export function failureMessage(outcome: Outcome): string | null {
  if (outcome.kind === 'result') {
    const value = record(outcome.value);
    if (value?.ok !== false) return null;
    const message = value.message ?? value.reason;
    return typeof message === 'string' && message.trim() !== '' ? message : null;
  }
  if (outcome.kind === 'response') {
    const event = lastStreamEvent(outcome);
    if (event) return event.type === 'failure' && typeof event.reason === 'string' ? event.reason : null;
    if (outcome.status < 400) return null;
    if (outcome.contentType.includes('json')) {
      try {
        const body = record(JSON.parse(outcome.body));
        const error = record(body?.error);
        const message = error?.message ?? body?.reason ?? body?.message;
        return typeof message === 'string' && message.trim() !== '' ? message : null;
      } catch {
        return null;
      }
    }
    return outcome.body.trim() !== '' ? outcome.body.trim() : null;
  }
  return null;
}

/** "You may not do that here" in any of its forms: sign in, forbidden, or the same not-found as a missing page. */
export function isDenial(outcome: Outcome): boolean {
  switch (outcome.kind) {
    case 'not-found':
    case 'status':
      return true;
    case 'redirect':
      return outcome.url.startsWith('/sign-in?next=');
    case 'response':
      return [401, 403, 404].includes(outcome.status);
    case 'result': {
      const value = record(outcome.value);
      if (value?.ok !== false) return false;
      if (typeof value.code === 'string') return DENIAL_CODES.has(value.code);
      return typeof value.reason === 'string' && DENIAL_MESSAGES.has(value.reason);
    }
    case 'crash':
      return false;
  }
}

/** A 500, an uncaught exception, or a failure that only says "something went wrong on our side". */
export function isInternalError(outcome: Outcome): boolean {
  if (outcome.kind === 'crash') return true;
  if (outcome.kind === 'response' && outcome.status >= 500) return true;
  if (outcome.kind === 'result' && record(outcome.value)?.code === 'internal') return true;
  const message = failureMessage(outcome);
  return message !== null && INTERNAL_MESSAGES.some((pattern) => pattern.test(message));
}

/** The request did what it was asked: a saved form (redirect or ok), a 2xx/3xx answer, a completed import. */
export function isSuccess(outcome: Outcome): boolean {
  switch (outcome.kind) {
    case 'redirect':
      return !outcome.url.startsWith('/sign-in?next=');
    case 'result': {
      const value = record(outcome.value);
      return outcome.value === null || outcome.value === undefined || value?.ok === true;
    }
    case 'response': {
      const event = lastStreamEvent(outcome);
      if (event) return event.type === 'result';
      return outcome.status < 400;
    }
    default:
      return false;
  }
}

/** A refusal a person can read: a failure with a message (4xx answers included), not a crash and not a 500. */
export function isCleanFailure(outcome: Outcome): boolean {
  if (isInternalError(outcome) || isSuccess(outcome)) return false;
  if (outcome.kind === 'not-found' || outcome.kind === 'status') return true;
  if (outcome.kind === 'redirect') return true;
  if (outcome.kind === 'response' && outcome.status >= 400 && outcome.status < 500) return failureMessage(outcome) !== null;
  return failureMessage(outcome) !== null;
}

/** One line for an assertion message. */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'result':
      return `returned ${JSON.stringify(outcome.value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 300)}`;
    case 'redirect':
      return `redirect ${outcome.url}`;
    case 'not-found':
      return 'notFound()';
    case 'status':
      return `status ${outcome.status}`;
    case 'response':
      return `HTTP ${outcome.status} ${outcome.contentType} ${outcome.body.slice(0, 300)}`;
    case 'crash':
      return `threw ${outcome.error instanceof Error ? `${outcome.error.name}: ${outcome.error.message}\n${outcome.error.stack}` : String(outcome.error)}`;
  }
}
