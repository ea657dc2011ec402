import { outcomesAnswer } from '@/lib/open-data/outcomes-answer';
import { apiGet } from '@/app/_lib/open-data-http';

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return apiGet(request, async (db, query) => outcomesAnswer(db, (await params).slug, query));
}
