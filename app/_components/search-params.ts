// Server-compatible helpers for reading a page's searchParams.

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed, at most `max` characters; '' when absent. */
export function param(params: SearchParams, name: string, max = 100): string {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? '').trim().slice(0, max);
}

/** The query as asked, "" or "?a=1&b=2" (every value of a repeated key kept), e.g. for the language switch. */
export function searchString(params: SearchParams): string {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, one);
  }
  const query = out.toString();
  return query ? `?${query}` : '';
}
