// Server-compatible (no 'use client'): the open-data downloads of a locality.
export function DownloadLinks({ slug }: { slug: string }) {
  return (
    <ul className="download-list" data-testid="downloads">
      <li>
        <a href={`/data/${slug}/allocations.csv`} data-testid="download-csv">
          Approved lines (CSV spreadsheet)
        </a>
      </li>
      <li>
        <a href={`/data/${slug}/datapackage.json`}>Data package with its data dictionary (Frictionless, JSON)</a>
      </li>
      <li>
        <a href={`/api/v1/localities/${slug}`}>This locality in the public API (JSON)</a>
      </li>
      <li>
        <a href={`/l/${slug}/feed.xml`} type="application/atom+xml">
          News of this locality: board decisions, approved lines and posted money (Atom feed)
        </a>
      </li>
    </ul>
  );
}
