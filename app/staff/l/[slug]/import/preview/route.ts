import { toActionFailure } from '@/lib/errors';
import { refuseCrossSite } from '@/lib/security/same-origin';
import { moneyPreview } from '../_lib/money-routes';
import { previewAllocationImport } from '@/lib/services/import/allocations';
import { answerInLine } from '../_lib/import-line';
import { openImportRoute } from '../_lib/import-route';
import { previewToWire } from '../_lib/to-wire';

/** Reads the uploaded file and says what a commit would do, in its turn (one import at a time). Writes nothing. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const route = await openImportRoute(request, params, moneyPreview);
  if ('response' in route) return route.response;
  const { db, actor, locality, fileName, bytes, mapping, maxBytes } = route.upload;
  return answerInLine(request, async () => {
    try {
      const preview = await previewAllocationImport({ db, actor }, { localityId: locality.id, fileName, bytes, mapping, maxBytes });
      return { status: 200, body: previewToWire(preview) };
    } catch (error) {
      const failure = toActionFailure(error);
      return { status: failure.code === 'internal' ? 500 : 400, body: { ok: false, reason: failure.message } };
    }
  });
}
