/**
 * The proxy's word on a request's language. Next.js runs the proxy a second time for the path a rewrite leads to
 * (`/es/x` → `/x`), with the headers the first run set; so a locale header cannot just be dropped on every run, nor
 * believed when a client sends it. The proxy sets it with a proof (a random value of this process, never sent to a
 * browser) and keeps it only when the proof matches. See docs/adr/0016-spanish-pages-with-next-intl.md.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { LOCALE_HEADER, type Locale } from './locales';

/** Request header carrying the proof next to LOCALE_HEADER. */
export const LOCALE_PROOF_HEADER = 'x-abate-locale-proof';

const globalForLocale = globalThis as unknown as { __abateLocaleProof?: string };

function proof(): string {
  return (globalForLocale.__abateLocaleProof ??= randomBytes(32).toString('hex'));
}

/** True when `headers` carry a locale this process's proxy set (not one a client sent). */
export function hasProvenLocale(headers: Headers): boolean {
  const value = headers.get(LOCALE_PROOF_HEADER);
  const expected = proof();
  return value !== null && value.length === expected.length && timingSafeEqual(Buffer.from(value), Buffer.from(expected));
}

/** Keeps a locale the proxy set earlier in this request; removes any a client sent. */
export function keepOnlyProvenLocale(headers: Headers): void {
  if (hasProvenLocale(headers)) return;
  headers.delete(LOCALE_HEADER);
  headers.delete(LOCALE_PROOF_HEADER);
}

export function setProvenLocale(headers: Headers, locale: Locale): void {
  headers.set(LOCALE_HEADER, locale);
  headers.set(LOCALE_PROOF_HEADER, proof());
}
