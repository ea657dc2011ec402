import { FORMAT_LOCALE, type Locale } from './locales';

const integerFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * A whole number as the reader's locale writes it: "1,204" in en-US and es-US. Exact for bigints (Intl formats
 * them without a float). One formatter per locale, made once. Money has its own: formatCents (lib/money).
 */
export function formatInteger(n: number | bigint, locale: Locale): string {
  let format = integerFormats.get(locale);
  if (!format) integerFormats.set(locale, (format = new Intl.NumberFormat(FORMAT_LOCALE[locale])));
  return format.format(n);
}
