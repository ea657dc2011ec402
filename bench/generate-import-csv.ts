/**
 * The CSV that `npm run import` is timed and fault-tested with (scripts/bench-import.ts, bench/, scripts/fault-tests.ts):
 * realistic cells ("$12,345.67", split categories, Exhibit E labels, a few hundred recipients, spent on a third of
 * the lines), the same file on every run (a fixed seed). A module without side effects, so anyone may import it.
 */
import { mulberry32 } from '../db/demo/prng';

const CATEGORIES = [
  'moud',
  'naloxone distribution and training',
  'syringe-services',
  'housing',
  'health-first/recovery-support',
  'crisis-response',
  'A. Naloxone or other FDA-approved drug to reverse opioid overdoses',
  'B. Medication-assisted treatment ("MAT") distribution and other opioid-related treatment',
  'post-overdose-response',
  'moud:60;housing:40',
  'naloxone distribution and training:50;drug-checking:50',
  'treatment:33.34;mental-health:33.33;health-first/recovery-support:33.33',
];
const TYPES = ['Community-based organization', 'Health-care provider', 'Government department', 'Private vendor', 'School'];
const SOURCES = ['distributors', 'teva', 'Janssen', 'sor-grant', ''];
const PROGRAMS = ['Naloxone kits', 'Jail MOUD', 'Peer recovery coaches', 'Recovery housing', 'Mobile crisis team', 'Drug checking'];

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function money(cents: number): string {
  const dollars = Math.floor(cents / 100).toLocaleString('en-US');
  return `$${dollars}.${String(cents % 100).padStart(2, '0')}`;
}

export function generateCsv(rows: number): string {
  const next = mulberry32(20_260_401); // a fixed sequence: every run imports the same file
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out: string[] = [
    'Bench County opioid settlement allocations',
    '',
    'Fiscal Year,Program,Description,Recipient,Recipient Type,Category,Amount Allocated,Spent to date,Funding Source',
  ];
  const recipientType = new Map<number, string>();
  for (let index = 0; index < rows; index += 1) {
    const fiscalYear = 2022 + Math.floor(next() * 5);
    const recipient = Math.floor(next() * 400);
    if (!recipientType.has(recipient)) recipientType.set(recipient, pick(TYPES));
    const amount = 1_000_00 + Math.floor(next() * 250_000_00);
    const spent = next() < 0.33 ? Math.floor(amount * next()) : null;
    out.push(
      [
        `FY${fiscalYear}`,
        `${pick(PROGRAMS)} #${index + 1}`,
        `Line ${index + 1}: services for residents, paid from settlement funds`,
        `Bench Provider ${recipient}`,
        recipientType.get(recipient)!,
        pick(CATEGORIES),
        money(amount),
        spent === null ? '' : money(spent),
        pick(SOURCES),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  out.push(`Total,,,,,,,,`);
  return out.join('\r\n') + '\r\n';
}
