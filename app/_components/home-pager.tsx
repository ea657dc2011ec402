// Server component: links to the other pages of the localities table, keeping the search, filter and sort.
import Link from 'next/link';
import { homeHref, type HomeParams } from './home-query';

export function HomePager({ fiscalYear, query, pageCount }: { fiscalYear: number; query: HomeParams; pageCount: number }) {
  if (pageCount <= 1) return null;
  const page = query.page;
  const link = (target: number, label: string, rel?: string) => (
    <Link href={homeHref(fiscalYear, query, { page: target })} rel={rel}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="Pages of localities" className="pager" data-testid="home-pager">
      {page > 1 ? link(1, 'First page') : null}
      {page > 1 ? link(page - 1, 'Previous page', 'prev') : null}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? link(page + 1, 'Next page', 'next') : null}
      {page < pageCount ? link(pageCount, 'Last page') : null}
    </nav>
  );
}
