// Server-compatible helpers for reading a page's searchParams.

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed, at most `max` characters; '' when absent. */
export function param(params: SearchParams, name: string, max = 100): string {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? '').trim().slice(0, max);
}
