import { categoriesAnswer } from '@/lib/open-data/answers';
import { apiGet } from '@/app/_lib/open-data-http';

export function GET(request: Request) {
  return apiGet(request, (db, params) => categoriesAnswer(db, params));
}
