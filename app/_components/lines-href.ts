// The URL of a view of a locality's lines. Shared by the page (server) and the lines table (client).

export interface LinesFilterValues {
  fy: string;
  framework: string;
  category: string;
  recipientType: string;
  q: string;
  /** "column.asc" | "column.desc" | "" */
  sort: string;
  /** 1-based page of the list as a string; '' or '1' for the first. */
  page: string;
}

/** The view's URL, without the parameters that hold their default value, pointing at the lines section. */
export function linesHref(basePath: string, values: LinesFilterValues, defaultFramework: string): string {
  const params = new URLSearchParams();
  if (values.fy) params.set('fy', values.fy);
  if (values.framework && values.framework !== defaultFramework) params.set('framework', values.framework);
  if (values.category) params.set('category', values.category);
  if (values.recipientType) params.set('recipient_type', values.recipientType);
  const q = values.q.trim();
  if (q) params.set('q', q);
  if (values.sort) params.set('sort', values.sort);
  if (values.page && values.page !== '1') params.set('page', values.page);
  const query = params.toString();
  return `${basePath}${query ? `?${query}` : ''}#lines`;
}
