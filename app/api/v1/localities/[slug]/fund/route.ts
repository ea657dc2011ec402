import { fundAnswer } from '@/lib/open-data/fund-answer';
import { apiGet } from '@/app/_lib/open-data-http';

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return apiGet(request, async (db, query) => fundAnswer(db, (await params).slug, query));
}
