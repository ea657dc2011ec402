import { toActionFailure } from '@/lib/errors';
import { refuseCrossSite } from '@/lib/security/same-origin';
import { moneyCommit, requestKind } from '../_lib/money-routes';
import { commitAllocationImport } from '@/lib/services/import-allocations';
import { readImportRequest } from '../_lib/import-request';
import { commitToWire } from '../_lib/to-wire';
import type { CommitEvent } from '../_lib/wire';

/**
 * Imports the file: all lines in one transaction, or none. The answer is a stream of JSON lines, progress while
 * the lines are written and the result last, so a long import shows how far it has got.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  // Receipts and expenditures (the page's `kind`) have their own verbs; allocations go on below.
  const kind = requestKind(request);
  if (!kind.ok) return kind.response;
  if (kind.kind !== 'allocations') return moneyCommit(request, (await params).slug, kind.kind);
  const read = await readImportRequest(request, (await params).slug);
  if (!read.ok) return read.response;
  const { db, actor, locality, fileName, bytes, mapping, expectedRowCount, expectedChanges, maxBytes } = read.value;

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: CommitEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const result = await commitAllocationImport(db, actor, {
          localityId: locality.id,
          fileName,
          bytes,
          mapping,
          maxBytes,
          expectedRowCount,
          expectedChanges,
          onProgress: (done, total) => send({ type: 'progress', done, total }),
        });
        const wire = commitToWire(result);
        send(wire.ok ? { type: 'result', ...wire } : { type: 'failure', ...wire });
      } catch (error) {
        send({ type: 'failure', ok: false, reason: toActionFailure(error).message });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'private, no-store',
      'x-accel-buffering': 'no',
    },
  });
}
