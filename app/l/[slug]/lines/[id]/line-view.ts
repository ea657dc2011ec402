/**
 * A public line's page, shaped for display: its table rows, its years and its categories in words, and when its
 * history happened. Pure: the page fetches (lib/data/public-line.ts) and renders. The words are the Line messages in
 * the reader's language; a program's, recipient's and payment's own words stay as the locality entered them.
 */
import { categoryName, frameworkName } from '@/lib/categories/localized';
import type { PublicLineDetail, PublicLineSplit } from '@/lib/data/public-line';
import { fiscalQuarterOf } from '@/lib/fiscal-year';
import { FORMAT_LOCALE, type Locale } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';
import { localizedHref } from '@/lib/i18n/routes';
import { formatPercentFromBasisPoints } from '@/lib/money';
import { outcomeQuarterLabel } from '@/lib/views/outcomes-view';

/** The id in the address, or null when it cannot be a line's (not a positive 32-bit integer as written). */
export function parseLineId(value: string): number | null {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

/** A category's name in the reader's language; a locality's own framework keeps its own words. */
export function splitLabel(locale: Locale, split: PublicLineSplit): string {
  return categoryName(locale, split.frameworkKey, split);
}

/** "FY2026", or "FY2025–FY2029" for a multi-year authorization, in the reader's words (formatFiscalYearSpan's rule). */
export function fiscalYearSpan({ t }: ViewWords, first: number, last: number | null): string {
  return last === null || last === first ? t('Line.year', { year: String(first) }) : t('Line.yearSpan', { first: String(first), last: String(last) });
}

/** The split table's rows: each category's share, money and a link to the category's page for the line's year. */
export function lineSplitRows(line: PublicLineDetail, locale: Locale) {
  return line.splits.map((s) => ({
    label: splitLabel(locale, s),
    href: localizedHref(locale, `/categories/${s.frameworkKey}/${s.key}?fy=${line.fiscalYear}`),
    framework: frameworkName(locale, { key: s.frameworkKey, name: s.frameworkName }),
    share: String(s.shareBasisPoints),
    allocated: s.allocatedCents.toString(),
    spent: s.spentCents.toString(),
  }));
}

/** The spending table's rows: each payment with its fiscal year and quarter in words. */
export function lineSpendingRows(line: PublicLineDetail, fyStartMonth: number, words: ViewWords) {
  return line.expenditures.map((x) => ({
    paidOn: x.paidOn,
    period: words.t('Line.period', {
      year: String(x.fiscalYear),
      quarter: outcomeQuarterLabel(x.fiscalYear, fyStartMonth, fiscalQuarterOf(x.paidOn, fyStartMonth), words),
    }),
    description: x.description || null,
    overspendReason: x.overspendReason,
    amount: x.amountCents.toString(),
  }));
}

/** "All of this line is in one category: …", or its split with each share ("60% Treatment, 40% Prevention"). */
export function lineCategoriesSentence(line: PublicLineDetail, { t, locale }: ViewWords): string {
  if (line.splits.length === 0) return t('Line.noCategories');
  if (line.splits.length === 1) return t('Line.oneCategory', { category: splitLabel(locale, line.splits[0]!) });
  return t('Line.splitCategories', {
    count: String(line.splits.length),
    parts: line.splits.map((s) => `${formatPercentFromBasisPoints(s.shareBasisPoints, locale)} ${splitLabel(locale, s)}`).join(', '),
  });
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "December 7, 2026 at 10:37 AM" (en-US), "7 de diciembre de 2026, 10:37 a. m." (es-US); UTC. */
export function formatDateTime(at: Date, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(FORMAT_LOCALE[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(at);
}
