/**
 * Opaque page cursors. A cursor names the list it belongs to and the last id of the page before (the lists are in
 * id order, and the next page is "ids after this one": keyset pagination, which never skips or repeats a row when
 * rows are added between requests). It is base64url-encoded so that callers treat it as a token, not as a number
 * to edit. Decoding is strict: anything that is not exactly what `encodeCursor` writes is refused.
 */

export type CursorList = 'localities' | 'allocations' | 'expenditures' | 'receipts' | 'categories';

const MAX_ID = 2_147_483_647; // ids are PostgreSQL integers
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const PAYLOAD = /^v1:([a-z]+):(0|[1-9]\d{0,9})$/;

export function encodeCursor(list: CursorList, afterId: number): string {
  if (!Number.isSafeInteger(afterId) || afterId < 0 || afterId > MAX_ID) throw new RangeError(`bad cursor id ${afterId}`);
  return Buffer.from(`v1:${list}:${afterId}`, 'utf8').toString('base64url');
}

/** The id after which the next page starts, or null when `token` is not a cursor of `list`. */
export function decodeCursor(list: CursorList, token: string): number | null {
  if (!TOKEN.test(token)) return null;
  const payload = Buffer.from(token, 'base64url').toString('utf8');
  const match = PAYLOAD.exec(payload);
  if (!match || match[1] !== list) return null;
  const id = Number(match[2]);
  if (id > MAX_ID) return null;
  // Base64 has several spellings of the same bytes (trailing bits); accept only the canonical one.
  return encodeCursor(list, id) === token ? id : null;
}
