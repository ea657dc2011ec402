/**
 * The staff lists' export formats and their links: CSV (the default) or XLSX (`format=xlsx`). Pure, so the list
 * table in the browser can build its links without the export writers.
 */
export type ExportFormat = 'csv' | 'xlsx';

export function exportFormatOf(searchParams: URLSearchParams): ExportFormat {
  return searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
}

/** The export link of a list view for another format: its query kept, `format` set. */
export function exportHrefFor(exportHref: string, format: ExportFormat): string {
  const queryAt = exportHref.indexOf('?');
  const path = queryAt < 0 ? exportHref : exportHref.slice(0, queryAt);
  const params = new URLSearchParams(queryAt < 0 ? '' : exportHref.slice(queryAt + 1));
  if (format === 'csv') params.delete('format');
  else params.set('format', format);
  const next = params.toString();
  return next ? `${path}?${next}` : path;
}
