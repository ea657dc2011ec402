import { summaryAnswer } from '@/lib/open-data/answers';
import { apiGet } from '@/app/_lib/open-data-http';

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return apiGet(request, async (db, query) => summaryAnswer(db, (await params).slug, query));
}
