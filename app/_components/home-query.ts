// Server-compatible: reads the home page's query string into a HomeQuery, and writes links back.
import { HOME_PAGE_SIZE, HOME_PAGE_SIZE_MAX, HOME_SORTS, type HomeQuery, type HomeSort, type ReportedFilter } from '@/lib/data/home-localities';
import { param, type SearchParams } from './search-params';

export type HomeParams = Omit<HomeQuery, 'fiscalYear'>;

function positiveInteger(text: string, fallback: number, max: number): number {
  if (!/^\d{1,6}$/.test(text)) return fallback;
  const value = Number(text);
  return value >= 1 ? Math.min(value, max) : fallback;
}

/** Anything unknown falls back to the default: a hand-edited link shows the first page, not an error. */
export function readHomeParams(params: SearchParams): HomeParams {
  const sort = param(params, 'sort');
  const reported = param(params, 'reported');
  return {
    page: positiveInteger(param(params, 'page'), 1, 999_999),
    // `per` is not offered on the page; it lets a link (or a test on the four demo localities) ask for small pages.
    pageSize: positiveInteger(param(params, 'per'), HOME_PAGE_SIZE, HOME_PAGE_SIZE_MAX),
    q: param(params, 'q', 100),
    reported: reported === 'yes' || reported === 'no' ? (reported as ReportedFilter) : 'all',
    sort: (HOME_SORTS as readonly string[]).includes(sort) ? (sort as HomeSort) : 'name',
  };
}

/** The home page's URL for these settings, leaving defaults out so the links stay short. */
export function homeHref(fiscalYear: number, query: HomeParams, change: Partial<HomeParams> = {}): string {
  const next = { ...query, ...change };
  const search = new URLSearchParams({ fy: String(fiscalYear) });
  if (next.q !== '') search.set('q', next.q);
  if (next.reported !== 'all') search.set('reported', next.reported);
  if (next.sort !== 'name') search.set('sort', next.sort);
  if (next.pageSize !== HOME_PAGE_SIZE) search.set('per', String(next.pageSize));
  if (next.page !== 1) search.set('page', String(next.page));
  return `/?${search.toString()}`;
}
