import { toActionFailure } from '@/lib/errors';
import { refuseCrossSite } from '@/lib/security/same-origin';
import { moneyCommit } from '../_lib/money-routes';
import { commitAllocationImport } from '@/lib/services/import/allocations';
import { lineRefusal } from '../_lib/import-line';
import { openImportRoute } from '../_lib/import-route';
import { importLine } from '@/lib/import/line';
import { commitToWire } from '../_lib/to-wire';
import type { CommitEvent } from '../_lib/wire';

/**
 * Imports the file: all lines in one transaction, or none, in its turn (one import at a time per server). The
 * answer is a stream of JSON lines: the place in line while it waits, progress while the lines are written, and the
 * result last, so a long import shows how far it has got.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const route = await openImportRoute(request, params, moneyCommit);
  if ('response' in route) return route.response;
  const { db, actor, locality, fileName, bytes, mapping, expectedRowCount, expectedChanges, maxBytes } = route.upload;

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: CommitEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const result = await importLine().run(
          () =>
            commitAllocationImport({ db, actor }, {
              localityId: locality.id,
              fileName,
              bytes,
              mapping,
              maxBytes,
              expectedRowCount,
              expectedChanges,
              onProgress: (done, total) => send({ type: 'progress', done, total }),
            }),
          (position) => send({ type: 'queued', position }),
          request.signal,
        );
        const wire = commitToWire(result);
        send(wire.ok ? { type: 'result', ...wire } : { type: 'failure', ...wire });
      } catch (error) {
        const refusal = lineRefusal(error);
        const reason = refusal ? (refusal.body as { reason: string }).reason : toActionFailure(error).message;
        send({ type: 'failure', ok: false, reason });
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
