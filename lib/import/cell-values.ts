import { fiscalYearOf, parseIsoDate } from '@/lib/fiscal-year';
import { normalizeHeader } from './fields';
import { ALLOCATION_STATUSES, type AllocationStatus, type RecipientType } from './types';

/** Cell text → typed value, one function per kind of cell, each failing with a reason a budget officer can act on. */

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The database refuses fiscal years outside this range; refusing them here names the row. */
export const FISCAL_YEAR_FLOOR = 2000;
export const FISCAL_YEAR_CEILING = 2100;

/**
 * A fiscal year is the calendar year it ENDS in. Accepted: "2026", "FY2026", "FY 2026", "FY26", a span like
 * "2025-26" or "FY 2025/2026" (the later year), and a date (an Excel date cell arrives as YYYY-MM-DD), which is
 * placed in its fiscal year with the locality's start month.
 */
export function parseFiscalYear(
  text: string,
  fyStartMonth: number,
  allowed?: { min: number; max: number },
): Parsed<number> {
  const raw = text.trim();
  const year = readFiscalYear(raw, fyStartMonth);
  if (!year.ok) return year;
  const min = Math.max(FISCAL_YEAR_FLOOR, allowed?.min ?? FISCAL_YEAR_FLOOR);
  const max = Math.min(FISCAL_YEAR_CEILING, allowed?.max ?? FISCAL_YEAR_CEILING);
  if (year.value < min || year.value > max) {
    return { ok: false, reason: `fiscal year ${year.value} is outside the allowed range ${min}–${max}` };
  }
  return year;
}

function readFiscalYear(raw: string, fyStartMonth: number): Parsed<number> {
  const notAYear = {
    ok: false as const,
    reason: `"${raw}" is not a fiscal year; write the 4-digit year the fiscal year ends in, like 2026`,
  };
  // A date, possibly with a time after it ("2025-03-15T00:00:00", "2025-03-15 00:00").
  const date = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/.exec(raw);
  if (date) {
    const iso = date[1] ?? '';
    if (!parseIsoDate(iso)) return { ok: false, reason: `"${raw}" is not a valid date` };
    return { ok: true, value: fiscalYearOf(iso, fyStartMonth) };
  }
  const single = /^(?:FY\s*)?(\d{4})$/i.exec(raw);
  if (single) return { ok: true, value: Number(single[1]) };
  const short = /^FY\s*'?(\d{2})$/i.exec(raw);
  if (short) return { ok: true, value: 2000 + Number(short[1]) };

  const span = /^(?:FY\s*)?(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})$/i.exec(raw);
  if (span) {
    const first = Number(span[1]);
    const secondText = span[2] ?? '';
    const second = secondText.length === 2 ? Math.floor(first / 100) * 100 + Number(secondText) : Number(secondText);
    const end = second < first ? second + 100 : second; // "1999-00"
    if (end !== first + 1) return { ok: false, reason: `"${raw}" does not span two consecutive years` };
    // With a January start a fiscal year is a calendar year; "2025-26" would name two of them.
    if (fyStartMonth === 1) {
      return {
        ok: false,
        reason: `"${raw}" spans two years but this locality's fiscal year is the calendar year; write one year`,
      };
    }
    return { ok: true, value: end };
  }
  return notAYear;
}

// Friendly labels for each recipient type, normalized as headers are (letters and digits, lower case).
const RECIPIENT_TYPE_LABELS: Record<RecipientType, readonly string[]> = {
  government_department: [
    'governmentdepartment', 'government', 'governmentagency', 'publicagency', 'countydepartment', 'citydepartment',
    'department', 'localgovernment', 'healthdepartment', 'publichealthdepartment', 'gov', 'govt',
  ],
  law_enforcement: [
    'lawenforcement', 'lawenforcementagency', 'police', 'policedepartment', 'sheriff', 'sheriffsoffice',
    'sheriffoffice',
  ],
  courts_corrections: [
    'courtscorrections', 'courtsandcorrections', 'courtsorcorrections', 'courts', 'court', 'corrections', 'jail',
    'detention', 'probation', 'parole', 'drugcourt',
  ],
  health_care_provider: [
    'healthcareprovider', 'healthcare', 'healthprovider', 'medicalprovider', 'hospital', 'clinic', 'healthsystem',
    'treatmentprovider', 'fqhc',
  ],
  community_based_organization: [
    'communitybasedorganization', 'communitybasedorganisation', 'communityorganization', 'communitybasedorg', 'cbo',
    'nonprofit', 'nonprofitorganization', 'notforprofit', 'ngo',
  ],
  faith_based_organization: [
    'faithbasedorganization', 'faithbasedorganisation', 'faithbased', 'faithorganization', 'fbo', 'church',
    'religiousorganization',
  ],
  school_or_university: [
    'schooloruniversity', 'schoolanduniversity', 'school', 'schools', 'schooldistrict', 'university', 'college',
    'universityorcollege',
  ],
  private_vendor: [
    'privatevendor', 'vendor', 'contractor', 'privatecompany', 'company', 'business', 'forprofit', 'consultant',
  ],
  other: ['other'],
};

const RECIPIENT_TYPE_INDEX: ReadonlyMap<string, RecipientType> = new Map(
  (Object.entries(RECIPIENT_TYPE_LABELS) as [RecipientType, readonly string[]][]).flatMap(([type, labels]) =>
    labels.map((label) => [label, type] as const),
  ),
);

/** "Community-based organization", "CBO", "Community-based organization (CBO)" and the enum value itself. */
export function parseRecipientType(text: string): Parsed<RecipientType> {
  const raw = text.trim();
  const withoutParenthetical = raw.replace(/\([^)]*\)/g, ' ');
  const inParentheses = /\(([^)]*)\)/.exec(raw)?.[1] ?? '';
  for (const candidate of [raw, withoutParenthetical, inParentheses]) {
    const type = RECIPIENT_TYPE_INDEX.get(normalizeHeader(candidate));
    if (type) return { ok: true, value: type };
  }
  return {
    ok: false,
    reason:
      `unknown recipient type "${raw}"; use one of: government department, law enforcement, courts/corrections, ` +
      'health-care provider, community-based organization, faith-based organization, school or university, ' +
      'private vendor, other',
  };
}

export function parseStatus(text: string): Parsed<AllocationStatus> {
  const raw = text.trim();
  const status = ALLOCATION_STATUSES.find((candidate) => candidate === raw.toLowerCase());
  if (status) return { ok: true, value: status };
  return { ok: false, reason: `unknown status "${raw}"; use draft, submitted, approved or returned` };
}

/**
 * A category cell: one name or key ("moud", "Naloxone distribution and training"), or several with percentages,
 * "moud:60;housing:40" (also "moud 60%" and "moud (60%)"). The share is taken after the LAST colon so names that
 * contain one ("Schedule A: Naloxone") still work. Shares have at most two decimals and become basis points by
 * string arithmetic: "12.5" → 1250.
 */
export function parseCategoryShares(text: string): Parsed<{ name: string; shareBasisPoints: number }[]> {
  const parts = text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, reason: 'category is missing' };

  const shares: { name: string; share: string | null }[] = parts.map((part) => {
    const match =
      /^(.*\S)\s*:\s*(\d+(?:\.\d*)?)\s*%?$/.exec(part) ??
      /^(.*\S)\s+\(?\s*(\d+(?:\.\d*)?)\s*%\s*\)?$/.exec(part);
    return match ? { name: (match[1] ?? '').trim(), share: match[2] ?? '' } : { name: part, share: null };
  });

  if (shares.length === 1 && shares[0]?.share === null) {
    return { ok: true, value: [{ name: shares[0].name, shareBasisPoints: 10_000 }] };
  }
  const result: { name: string; shareBasisPoints: number }[] = [];
  for (const { name, share } of shares) {
    if (share === null) {
      return {
        ok: false,
        reason:
          `category "${name}" has no percentage; ` +
          'with several categories write each as name:percent, like moud:60;housing:40',
      };
    }
    const basisPoints = percentToBasisPoints(share);
    if (basisPoints === null) return { ok: false, reason: `category share "${share}" has more than two decimals` };
    if (basisPoints === 0) return { ok: false, reason: `category "${name}" has a share of 0%` };
    result.push({ name, shareBasisPoints: basisPoints });
  }
  const total = result.reduce((sum, part) => sum + part.shareBasisPoints, 0);
  if (total !== 10_000) {
    return { ok: false, reason: `category shares add up to ${formatBasisPoints(total)}%, not 100%` };
  }
  return { ok: true, value: result };
}

/** "60" → 6000, "12.5" → 1250, "0.25" → 25; null for more than two decimals. Digits only, no float. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return null;
  return Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 9000 → "90", 9050 → "90.5", 9055 → "90.55". */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = String(basisPoints % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
