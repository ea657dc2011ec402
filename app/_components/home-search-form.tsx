// Server component: a plain GET form, so searching, filtering and sorting work without JavaScript.
import { HOME_PAGE_SIZE, type HomeSort } from '@/lib/data/home-localities';
import type { HomeParams } from './home-query';

const SORT_LABELS: Record<HomeSort, string> = {
  name: 'Name (A to Z)',
  received: 'Received (most first)',
  allocated: 'Allocated (most first)',
  spent: 'Spent (most first)',
  unspent: 'Unspent (most first)',
  lines: 'Approved lines (most first)',
};

export function HomeSearchForm({ fiscalYear, query }: { fiscalYear: number; query: HomeParams }) {
  return (
    <form method="get" action="/" className="lines-filter" role="search" aria-label="Find a locality">
      <input type="hidden" name="fy" value={fiscalYear} />
      {query.pageSize !== HOME_PAGE_SIZE ? <input type="hidden" name="per" value={query.pageSize} /> : null}
      <div className="field field--grow">
        <label htmlFor="home-q">Name contains</label>
        <input id="home-q" name="q" type="search" defaultValue={query.q} maxLength={100} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="home-reported">Show</label>
        <select id="home-reported" name="reported" defaultValue={query.reported}>
          <option value="all">Every locality</option>
          <option value="yes">Reported</option>
          <option value="no">Not reported</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="home-sort">Sort by</label>
        <select id="home-sort" name="sort" defaultValue={query.sort}>
          {(Object.keys(SORT_LABELS) as HomeSort[]).map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Show
      </button>
    </form>
  );
}
