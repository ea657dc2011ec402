import 'server-only';
import { readImportRequest, type ImportRequest } from './import-request';
import { requestKind } from './money-routes';
import type { MoneyImportKind } from './money-wire';

/**
 * What the import's preview and commit handlers do once the request is known to come from this site (each checks
 * that first, where it can be seen): for the kind of file the page said — receipts, payments and the other money
 * kinds have their own verbs (`money` answers them) — and for allocations, the upload read and checked
 * (readImportRequest).
 */
export async function openImportRoute(
  request: Request,
  params: Promise<{ slug: string }>,
  money: (request: Request, slug: string, kind: MoneyImportKind) => Promise<Response>,
): Promise<{ response: Response } | { upload: ImportRequest }> {
  const kind = requestKind(request);
  if (!kind.ok) return { response: kind.response };
  if (kind.kind !== 'allocations') return { response: await money(request, (await params).slug, kind.kind) };
  const read = await readImportRequest(request, (await params).slug);
  return read.ok ? { upload: read.value } : { response: read.response };
}
