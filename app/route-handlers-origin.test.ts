/**
 * Route handlers that change data check the request's Origin like server actions do (lib/security/same-origin.ts).
 * Two halves: a static check that no handler file under app/ exports POST, PUT, PATCH or DELETE without calling
 * `refuseCrossSite` first, so a new handler cannot forget it; and each handler called as a signed-in editor from
 * another site (and with no Origin), which must answer 403 and read or write nothing — beside the same request
 * from this site, which does its work, so the refusal is the Origin's doing and not the test's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ts from 'typescript';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { localities, memberships, users } from '@/db/schema';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import type { Actor } from '@/lib/auth/authorize';
import { CROSS_SITE_MESSAGE } from '@/lib/security/same-origin';

vi.mock('server-only', () => ({}));
vi.mock('@/db/runtime', () => ({ getDb: vi.fn() }));
vi.mock('@/app/_lib/request-actor', () => ({ getRequestActor: vi.fn() }));

const { getDb } = await import('@/db/runtime');
const { getRequestActor } = await import('@/app/_lib/request-actor');

const APP = path.resolve(import.meta.dirname);
const CHANGING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The changing methods a route file exports, each with whether its body's first statement calls refuseCrossSite
 * (`const refused = refuseCrossSite(request); if (refused) return refused;`). A method exported any other way
 * (re-exported, or a value that is not a function written here) counts as unchecked: the check must be visible.
 */
function changingHandlers(source: string, fileName: string): { method: string; checkedFirst: boolean }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { method: string; checkedFirst: boolean }[] = [];
  const isMethod = (name: string) => (CHANGING_METHODS as readonly string[]).includes(name);
  const firstCallsCheck = (body: ts.Node | undefined): boolean => {
    if (!body || !ts.isBlock(body)) return false;
    const [first, second] = body.statements;
    if (!first || !second) return false;
    const callsCheck = (node: ts.Node): boolean =>
      (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'refuseCrossSite') ||
      ts.forEachChild(node, callsCheck) === true;
    // The check runs first, and its refusal is returned at once (the next statement is the `if … return`).
    return callsCheck(first) && ts.isIfStatement(second) && ts.isReturnStatement(second.thenStatement);
  };
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name && isMethod(statement.name.text)) {
      found.push({ method: statement.name.text, checkedFirst: firstCallsCheck(statement.body) });
    } else if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !isMethod(declaration.name.text)) continue;
        const init = declaration.initializer;
        const body = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init.body : undefined;
        found.push({ method: declaration.name.text, checkedFirst: firstCallsCheck(body) });
      }
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        if (isMethod(element.name.text)) found.push({ method: element.name.text, checkedFirst: false });
      }
    }
  }
  return found;
}

describe('every route handler that changes data checks the Origin first', () => {
  const files = routeFiles(APP);

  it('finds the route handlers (the glob works)', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.map((f) => path.relative(APP, f))).toContain(path.join('staff', 'l', '[slug]', 'import', 'commit', 'route.ts'));
  });

  it.each(files.map((f) => [path.relative(APP, f), f]))('%s', (_name, file) => {
    const unchecked = changingHandlers(fs.readFileSync(file, 'utf8'), file).filter((h) => !h.checkedFirst);
    expect(unchecked.map((h) => h.method), 'methods that change data without refuseCrossSite(request) as their first step').toEqual([]);
  });

  it('the static check tells a checked handler from an unchecked one', () => {
    const checked = `export async function POST(request: Request) {\n  const refused = refuseCrossSite(request);\n  if (refused) return refused;\n  return new Response('ok');\n}`;
    expect(changingHandlers(checked, 'a.ts')).toEqual([{ method: 'POST', checkedFirst: true }]);
    const cases = [
      `export async function POST(request: Request) { return new Response('ok'); }`,
      `export async function DELETE(request: Request) { await write(); const refused = refuseCrossSite(request); if (refused) return refused; }`,
      `export async function PUT(request: Request) { refuseCrossSite(request); await write(); }`,
      `export const PATCH = async (request: Request) => write(request);`,
      `async function handler() {}\nexport { handler as POST };`,
    ];
    for (const source of cases) expect(changingHandlers(source, 'b.ts'), source).toEqual([expect.objectContaining({ checkedFirst: false })]);
    expect(changingHandlers(`export async function GET() { return new Response('ok'); }`, 'c.ts')).toEqual([]);
  });
});

const CSV = 'fiscal_year,program,category,amount\n2026,Origin test program,moud,1234.00\n';

async function importRequest(slug: string, step: 'preview' | 'commit', origin: string | null): Promise<Request> {
  const form = new FormData();
  form.set('file', new File([CSV], 'origin.csv', { type: 'text/csv' }));
  // As a browser sends it: multipart bytes with their declared length.
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  const headers = new Headers({
    host: '127.0.0.1:4350',
    'content-type': encoded.headers.get('content-type')!,
    'content-length': String(body.byteLength),
  });
  if (origin !== null) headers.set('origin', origin);
  return new Request(`http://127.0.0.1:4350/staff/l/${slug}/import/${step}`, { method: 'POST', headers, body });
}

describeEachDriver('import route handlers refuse a signed-in editor’s request from another site', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let editor: Actor;

  async function fingerprint(): Promise<Record<string, unknown>> {
    const result = (await db.execute(sql`
      select (select count(*)::int from allocations) as allocations,
             (select count(*)::int from recipients) as recipients,
             (select count(*)::int from import_mappings) as mappings,
             (select coalesce(max(id), 0)::text from audit_log) as "lastAudit"`)) as unknown as { rows: Record<string, unknown>[] };
    return result.rows[0]!;
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.handle.db;
    await seedReferenceData(db);
    const [locality] = await db
      .insert(localities)
      .values({ slug: 'origin-test', name: 'Origin Test County', kind: 'county', stateCode: 'ZZ', fyStartMonth: 7 })
      .returning({ id: localities.id });
    const [user] = await db.insert(users).values({ email: 'ed@origin.test', name: 'Ed Editor' }).returning({ id: users.id });
    await db.insert(memberships).values({ userId: user!.id, localityId: locality!.id, role: 'editor' });
    editor = { userId: user!.id, email: 'ed@origin.test', name: 'Ed Editor', isSiteAdmin: false, memberships: new Map([[locality!.id, 'editor']]) };
  });

  afterAll(async () => {
    await database.drop();
  });

  beforeEach(() => {
    vi.mocked(getDb).mockReset().mockResolvedValue(db);
    vi.mocked(getRequestActor).mockReset().mockResolvedValue(editor);
  });

  const handlers = {
    preview: () => import('./staff/l/[slug]/import/preview/route'),
    commit: () => import('./staff/l/[slug]/import/commit/route'),
  };

  for (const step of ['preview', 'commit'] as const) {
    for (const [label, origin] of [
      ['another site', 'https://evil.example'],
      ['no Origin', null],
      ['the opaque origin "null"', 'null'],
    ] as const) {
      it(`${step}: from ${label} answers 403 and neither looks up the session nor touches the database`, async () => {
        const before = await fingerprint();
        const { POST } = await handlers[step]();
        const response = await POST(await importRequest('origin-test', step, origin), { params: Promise.resolve({ slug: 'origin-test' }) });
        expect(response.status).toBe(403);
        expect(await response.json()).toEqual({ ok: false, reason: CROSS_SITE_MESSAGE });
        expect(getDb).not.toHaveBeenCalled();
        expect(getRequestActor).not.toHaveBeenCalled();
        expect(await fingerprint()).toEqual(before);
      });
    }
  }

  it('the same requests from this site do their work (the refusal above is the Origin’s doing)', async () => {
    const before = await fingerprint();
    const { POST: preview } = await handlers.preview();
    const previewed = await preview(await importRequest('origin-test', 'preview', 'http://127.0.0.1:4350'), {
      params: Promise.resolve({ slug: 'origin-test' }),
    });
    expect(previewed.status).toBe(200);
    expect(await fingerprint()).toEqual(before);

    const { POST: commit } = await handlers.commit();
    const committed = await commit(await importRequest('origin-test', 'commit', 'http://127.0.0.1:4350'), {
      params: Promise.resolve({ slug: 'origin-test' }),
    });
    expect(committed.status).toBe(200);
    const events = (await committed.text()).trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(events.at(-1)).toMatchObject({ type: 'result', ok: true });
    const after = await fingerprint();
    expect(after.allocations).toBe((before.allocations as number) + 1);
    expect(BigInt(after.lastAudit as string)).toBeGreaterThan(BigInt(before.lastAudit as string));
  });
});
