/**
 * The non-secret "signed in here" marker cookie (set and cleared with the session cookie, app/_lib/request-actor.ts).
 * No imports: the site header's client script reads it too (app/_components/main-nav.tsx).
 */
export const SIGNED_IN_MARKER_COOKIE = 'abate_staff';

/** True when a `document.cookie`-style string holds the marker. */
export function hasSignedInMarker(cookies: string): boolean {
  return cookies.split(';').some((pair) => pair.split('=', 1)[0]!.trim() === SIGNED_IN_MARKER_COOKIE);
}
