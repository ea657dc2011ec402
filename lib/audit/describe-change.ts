/** "amountCents: 100000 → 120000; program: A → B" — the fields an audit row changed, for people to read. */
export function describeChange(before: unknown, after: unknown, limit = 6): string {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  if (!isRecord(before) && isRecord(after)) return `created (${Object.keys(b).length} fields)`;
  if (isRecord(before) && !isRecord(after)) return 'removed';
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
  if (changed.length === 0) return 'no field changed';
  const parts = changed.slice(0, limit).map((key) => `${key}: ${show(a[key])} → ${show(b[key])}`);
  if (changed.length > limit) parts.push(`and ${changed.length - limit} more`);
  return parts.join('; ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
