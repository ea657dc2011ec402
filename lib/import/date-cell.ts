import { parseIsoDate } from '@/lib/fiscal-year';

/**
 * A date cell of a ledger → ISO YYYY-MM-DD. Accepted: ISO (an Excel date cell arrives as YYYY-MM-DD, possibly with
 * a time), US month/day/year ("7/15/2024", "07-15-2024", "7/15/24"), and a month name ("July 15, 2024", "Jul 15
 * 2024", "15 July 2024"). Day/month/year is not guessed: "03/04/2024" is read the US way, as every US ledger writes it.
 */

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
];

export type DateCell = { ok: true; value: string } | { ok: false; reason: string };

export function parseDateCell(text: string): DateCell {
  const raw = text.trim();
  const notADate = { ok: false as const, reason: `"${raw}" is not a date; write it like 2024-07-15 or 7/15/2024` };
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(raw);
  const us = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(raw);
  const named = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(raw);
  const dayFirstNamed = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(raw);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) {
    const yearText = us[3] ?? '';
    // Two-digit years are this century's: ledgers of settlement money start in 2021.
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    parts = [year, Number(us[1]), Number(us[2])];
  } else if (named || dayFirstNamed) {
    const [monthName, day, year] = named
      ? [named[1] ?? '', named[2], named[3]]
      : [dayFirstNamed?.[2] ?? '', dayFirstNamed?.[1], dayFirstNamed?.[3]];
    const name = monthName.toLowerCase();
    const month = name.length >= 3 ? MONTHS.findIndex((candidate) => candidate.startsWith(name)) + 1 : 0;
    if (month === 0) return notADate;
    parts = [Number(year), month, Number(day)];
  }
  if (parts === null) return notADate;
  const [year, month, day] = parts;
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!parseIsoDate(value)) return { ok: false, reason: `"${raw}" is not a valid date (there is no such day)` };
  return { ok: true, value };
}
