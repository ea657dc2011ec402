import { equityApiAnswer } from '@/lib/equity/public';
import { apiGet } from '@/app/_lib/open-data-http';

/**
 * GET /api/v1/localities/{slug}/equity?fy=YYYY — the locality's equity goals for the year (measure, target, actual
 * as an exact decimal string, status, thresholds, what is missing, inputs with small counts suppressed) and its
 * flags. `apiGet` awaits `connection()` and answers errors as JSON 400/404 without stacks.
 */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return apiGet(request, async (db, query) => equityApiAnswer(db, (await params).slug, query));
}
