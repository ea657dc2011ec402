import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { flagSettings, localities } from '@/db/schema';
import { queryRows } from '@/lib/data/rows';
import { NotFound } from '@/lib/errors';
import { fiscalYearBounds, todayIso } from '@/lib/fiscal-year';
import { categoryName } from '@/lib/categories/localized';
import type { ViewWords } from '@/lib/i18n/messages';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { percentOfTotal } from './decimal';
import { criminalLegalRecipientWords, lineFlagWords } from './line-flags';
import { lineFlagFactsSql, readLineFlagFacts } from './line-flags-sql';
import { approvedCte, exactInteger, mappedPartsCtes, type MeasureScope } from './sql-parts';
import { countedMoneySql } from '@/lib/data/sql/posted';

export type FlagKind =
  | 'criminal_legal_recipient'
  | 'discouraged_use'
  | 'idle_money'
  | 'dominant_recipient'
  | 'oversized_line'
  | 'unclassified'
  | 'missing_description';

export interface EquityFlag {
  kind: FlagKind;
  severity: 'high' | 'medium';
  /** One line for a list: what and where. */
  title: string;
  /** Plain language: what was found, how it was counted, and why it matters. */
  detail: string;
  allocationId?: number;
  /** The money the flag is about (exact cents). */
  amountCents?: bigint;
  /** That money as a share of the relevant total, as an exact percent string ("62.50"). */
  share?: string;
  /** discouraged_use: the health-first category the money falls in. */
  categoryKey?: string;
  /** dominant_recipient */
  recipientId?: number;
  /** criminal_legal_recipient: who received the money. */
  recipients?: string[];
  /** What the title and detail were written from, to write them again in the reader's language (flagText). */
  facts?: FlagFacts;
}

/**
 * What a flag's words say, kind by kind: amounts as integer-cent strings and shares as exact percent strings, so
 * the facts are JSON-ready. Names (programs, recipients, a category's own label) are the locality's words.
 */
export type FlagFacts =
  | { kind: 'criminal_legal_recipient'; program: string; amountCents: string; recipients: string[]; custodyCareOnly: boolean }
  | { kind: 'unclassified'; program: string; amountCents: string }
  | {
      kind: 'discouraged_use';
      program: string;
      categoryKey: string;
      label: string;
      why: string | null;
      taggedAs: string | null;
      lineYear: number;
      fiscalYear: number;
      allocatedCents: string;
      spentCents: string;
      share: string | null;
    }
  | {
      kind: 'idle_money';
      asOf: string;
      cutoff: string;
      longCutoff: string;
      months: number;
      receivedToDateCents: string;
      spentToDateCents: string;
      receivedBeforeCutoffCents: string;
      idleCents: string;
      longIdleCents: string;
    }
  | {
      kind: 'dominant_recipient';
      recipient: string;
      amountCents: string;
      lines: number;
      share: string | null;
      totalCents: string;
      fiscalYear: number;
      limitBasisPoints: number;
    }
  | { kind: 'oversized_line'; program: string; amountCents: string; share: string | null; totalCents: string; fiscalYear: number; limitBasisPoints: number }
  | { kind: 'missing_description'; program: string; amountCents: string };

export interface FlagSettings {
  idleAfterMonths: number;
  recipientShareBasisPoints: number;
  lineShareBasisPoints: number;
}

/** The schema's defaults, used when a locality's board has not set its own lines. */
export const DEFAULT_FLAG_SETTINGS: Readonly<FlagSettings> = {
  idleAfterMonths: 18,
  recipientShareBasisPoints: 5000,
  lineShareBasisPoints: 2500,
};

export interface ComputeFlagsOptions {
  /** Count this allocation as if approved (the review page). */
  includeAllocationId?: number;
  /** The day idle money is measured on (YYYY-MM-DD); defaults to the end of the fiscal year, or today if sooner. */
  asOf?: string;
}

const HEALTH_FIRST = 'health-first';
const SEVERITY_ORDER = { high: 0, medium: 1 } as const;
const KIND_ORDER: Readonly<Record<FlagKind, number>> = {
  criminal_legal_recipient: 0,
  discouraged_use: 1,
  idle_money: 2,
  dominant_recipient: 3,
  oversized_line: 4,
  unclassified: 5,
  missing_description: 6,
};

/** What each discouraged health-first use is called in a flag's title. */
const DISCOURAGED_NAMES: Readonly<Record<string, string>> = {
  'law-enforcement': 'Law enforcement',
  'coerced-treatment': 'Coerced treatment',
  incarceration: 'Incarceration',
  'non-remediation': 'Not opioid remediation',
};

const money = (cents: bigint) => formatCents(cents);
const percentWords = (share: string | null) => (share === null ? '' : `${share.replace(/\.?0+$/, '')}%`);

/** The health-first categories whose Spanish "why" the EquityFlags messages hold (the reference data's own words). */
const DISCOURAGED_KEYS = new Set(Object.keys(DISCOURAGED_NAMES));

/**
 * A flag's title and detail. Without words, the English Abate has always written (computeFlags, the API, the staff
 * pages); with the reader's words (the EquityFlags messages and the locale), the same sentences in that language,
 * money per locale. The English messages say exactly what the English code says (flags-words.test.ts).
 */
export function flagText(facts: FlagFacts, words?: ViewWords): { title: string; detail: string } {
  if (!words) return englishFlagText(facts);
  const t = (key: string, values?: Record<string, string | number>) => words.t(`EquityFlags.${key}`, values);
  const money = (cents: string) => formatCents(BigInt(cents), { locale: words.locale });
  switch (facts.kind) {
    case 'criminal_legal_recipient': {
      // The line's own flag says who and why (line-flags.ts, LineFlags messages); the list adds the program and amount.
      const line = lineFlagWords(
        { code: 'criminal-legal-recipient', severity: facts.custodyCareOnly ? 'medium' : 'high', names: facts.recipients },
        words,
      );
      return {
        title: `${line.title} — “${facts.program}”`,
        detail: `${t('amountLine', { amount: money(facts.amountCents) })} ${line.detail}`,
      };
    }
    case 'unclassified':
      return { title: t('unclassified.title', { program: facts.program }), detail: t('unclassified.detail', { amount: money(facts.amountCents) }) };
    case 'discouraged_use': {
      const known = DISCOURAGED_KEYS.has(facts.categoryKey);
      const label = categoryName(words.locale, HEALTH_FIRST, { key: facts.categoryKey, label: facts.label });
      const why = known && facts.why ? t(`discouraged.why.${facts.categoryKey}`) : facts.why;
      const year = String(facts.fiscalYear);
      const lineYear = String(facts.lineYear);
      const parts: string[] = [];
      if (facts.allocatedCents !== '0') {
        const values = { amount: money(facts.allocatedCents), lineYear, label };
        parts.push(
          facts.share === null
            ? t('discouraged.allocated', values)
            : t('discouraged.allocatedShare', { ...values, share: percentWords(facts.share), year }),
        );
      }
      if (facts.spentCents !== '0') {
        const values = { amount: money(facts.spentCents), year, lineYear };
        parts.push(t(facts.allocatedCents !== '0' ? 'discouraged.spentAgainstIt' : 'discouraged.spentAgainstLine', values));
      }
      if (facts.taggedAs) parts.push(t('discouraged.taggedAs', { taggedAs: facts.taggedAs }));
      parts.push(why ? t('discouraged.discouragesWhy', { why }) : t('discouraged.discourages'));
      return {
        title: `${known ? t(`discouraged.name.${facts.categoryKey}`) : label}: “${facts.program}”`,
        detail: parts.join(' '),
      };
    }
    case 'idle_money': {
      const months = String(facts.months);
      let detail = t('idle.detail', {
        asOf: facts.asOf,
        received: money(facts.receivedToDateCents),
        spent: money(facts.spentToDateCents),
        idle: money(facts.idleCents),
        before: money(facts.receivedBeforeCutoffCents),
        cutoff: facts.cutoff,
        months,
      });
      if (facts.longIdleCents !== '0') {
        detail += ` ${t('idle.long', { longIdle: money(facts.longIdleCents), longMonths: String(2 * facts.months), longCutoff: facts.longCutoff })}`;
      }
      detail += ` ${t('idle.why')}`;
      return { title: t('idle.title', { amount: money(facts.idleCents), months }), detail };
    }
    case 'dominant_recipient': {
      const values = { recipient: facts.recipient, share: percentWords(facts.share), year: String(facts.fiscalYear) };
      return {
        title: t('dominant.title', values),
        detail: t('dominant.detail', {
          ...values,
          amount: money(facts.amountCents),
          lines: facts.lines,
          total: money(facts.totalCents),
          limit: formatPercentFromBasisPoints(facts.limitBasisPoints, words.locale),
        }),
      };
    }
    case 'oversized_line': {
      const values = { program: facts.program, share: percentWords(facts.share), year: String(facts.fiscalYear) };
      return {
        title: t('oversized.title', values),
        detail: t('oversized.detail', {
          ...values,
          amount: money(facts.amountCents),
          total: money(facts.totalCents),
          limit: formatPercentFromBasisPoints(facts.limitBasisPoints, words.locale),
        }),
      };
    }
    case 'missing_description':
      return { title: t('missingDescription.title', { program: facts.program }), detail: t('missingDescription.detail', { amount: money(facts.amountCents) }) };
  }
}

/** The English words of every flag, as Abate has always written them. */
function englishFlagText(facts: FlagFacts): { title: string; detail: string } {
  switch (facts.kind) {
    case 'criminal_legal_recipient': {
      const words = criminalLegalRecipientWords(facts.recipients, facts.custodyCareOnly);
      return { title: `${words.title} — “${facts.program}”`, detail: `${money(BigInt(facts.amountCents))} line. ${words.detail}` };
    }
    case 'unclassified':
      return {
        title: `Not yet classified: “${facts.program}”`,
        detail:
          `This ${money(BigInt(facts.amountCents))} line is filed as “Other” or with no category the report named, so Abate does not ` +
          'guess what it pays for: it is counted as not yet classified in every framework until the locality says which use it is.',
      };
    case 'discouraged_use': {
      const allocated = BigInt(facts.allocatedCents);
      const spent = BigInt(facts.spentCents);
      const { share, fiscalYear } = facts;
      const parts: string[] = [];
      if (allocated !== 0n) {
        parts.push(
          `${money(allocated)} of this FY${facts.lineYear} line${share === null ? '' : ` (${percentWords(share)} of all money allocated in FY${fiscalYear})`} goes to “${facts.label}”.`,
        );
      }
      if (spent !== 0n) {
        parts.push(`${money(spent)} of the money paid out in FY${fiscalYear} ${allocated !== 0n ? 'against it' : `against this FY${facts.lineYear} line`} falls in that category.`);
      }
      if (facts.taggedAs) parts.push(`The line is tagged “${facts.taggedAs}”, which the crosswalk counts as this use.`);
      parts.push(`The health-first framework discourages it${facts.why ? `: ${facts.why}` : '.'}`);
      return { title: `${DISCOURAGED_NAMES[facts.categoryKey] ?? facts.label}: “${facts.program}”`, detail: parts.join(' ') };
    }
    case 'idle_money': {
      const { months } = facts;
      let detail =
        `By ${facts.asOf} the locality had received ${money(BigInt(facts.receivedToDateCents))} in all and paid out ${money(BigInt(facts.spentToDateCents))} ` +
        `from approved lines. Counting each payment against the oldest money first, ${money(BigInt(facts.idleCents))} of the ` +
        `${money(BigInt(facts.receivedBeforeCutoffCents))} received on or before ${facts.cutoff} — more than ${months} months earlier — has not been spent.`;
      if (facts.longIdleCents !== '0') detail += ` ${money(BigInt(facts.longIdleCents))} of it has waited more than ${2 * months} months (since ${facts.longCutoff} or earlier).`;
      detail += ' Settlement money is meant to save lives now; money left idle does not.';
      return { title: `${money(BigInt(facts.idleCents))} received more than ${months} months ago is unspent`, detail };
    }
    case 'dominant_recipient': {
      const share = percentWords(facts.share);
      return {
        title: `${facts.recipient} receives ${share} of FY${facts.fiscalYear}'s allocations`,
        detail:
          `${facts.recipient} receives ${money(BigInt(facts.amountCents))} across ${facts.lines} approved ${facts.lines === 1 ? 'line' : 'lines'}, ` +
          `${share} of the ${money(BigInt(facts.totalCents))} allocated in FY${facts.fiscalYear} — more than the ${formatPercentFromBasisPoints(facts.limitBasisPoints)} ` +
          'the board set as the most one recipient should get. Money concentrated in one place leaves less for community-based services.',
      };
    }
    case 'oversized_line': {
      const share = percentWords(facts.share);
      return {
        title: `“${facts.program}” is ${share} of FY${facts.fiscalYear}'s allocations`,
        detail:
          `This single line of ${money(BigInt(facts.amountCents))} is ${share} of the ${money(BigInt(facts.totalCents))} allocated in FY${facts.fiscalYear}, ` +
          `more than the ${formatPercentFromBasisPoints(facts.limitBasisPoints)} the board set for one line. Large lines deserve a closer look at what they buy.`,
      };
    }
    case 'missing_description':
      return {
        title: `No plain-language description: “${facts.program}”`,
        detail:
          `This ${money(BigInt(facts.amountCents))} line has no description a resident can read. Every public line needs one ` +
          'that says what the money pays for and whom it helps — not a code like “Section G, Subsection 9”.',
      };
  }
}

/** A flag built from its facts: its words, and its facts kept to write them again in another language. */
function withWords<F extends FlagFacts>(facts: F): { title: string; detail: string; facts: F } {
  return { ...englishFlagText(facts), facts };
}

export async function readFlagSettings(executor: Executor, localityId: number): Promise<FlagSettings> {
  const [row] = await executor
    .select({
      idleAfterMonths: flagSettings.idleAfterMonths,
      recipientShareBasisPoints: flagSettings.recipientShareBasisPoints,
      lineShareBasisPoints: flagSettings.lineShareBasisPoints,
    })
    .from(flagSettings)
    .where(eq(flagSettings.localityId, localityId));
  return row ?? { ...DEFAULT_FLAG_SETTINGS };
}

/**
 * What an oversight board needs to see before anyone else, for one locality and fiscal year: money paid to
 * criminal-legal-system recipients whatever its category (MOUD in jails and reentry care named at lower severity), spending on uses the
 * health-first framework discourages (also when the line is tagged in another framework and the crosswalk carries
 * it there), money received and left unspent too long, a recipient or a single line taking too large a share, and
 * approved lines without a plain-language description. Only approved, non-deleted lines count. High severity first.
 */
export async function computeFlags(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  options: ComputeFlagsOptions = {},
): Promise<EquityFlag[]> {
  const [locality] = await executor
    .select({ fyStartMonth: localities.fyStartMonth })
    .from(localities)
    .where(eq(localities.id, localityId));
  if (!locality) throw new NotFound('That locality');
  const settings = await readFlagSettings(executor, localityId);
  const scope: MeasureScope = options.includeAllocationId !== undefined ? { includeAllocationId: options.includeAllocationId } : {};

  const flags = [
    ...(await lineFlagsOfYear(executor, localityId, fiscalYear, scope)),
    ...(await discouragedUses(executor, localityId, fiscalYear, scope)),
    ...(await idleMoney(executor, localityId, fiscalYear, locality.fyStartMonth, settings, scope, options.asOf)),
    ...(await concentration(executor, localityId, fiscalYear, settings, scope)),
    ...(await missingDescriptions(executor, localityId, fiscalYear, scope)),
  ];
  return flags.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      compareBigDesc(a.amountCents ?? 0n, b.amountCents ?? 0n) ||
      (a.allocationId ?? 0) - (b.allocationId ?? 0),
  );
}

function compareBigDesc(a: bigint, b: bigint): number {
  return a === b ? 0 : a > b ? -1 : 1;
}

/**
 * The flags each line carries on its own (lib/equity/line-flags) that the locality's list repeats: money paid to a
 * criminal-legal-system recipient, whatever its category, and money not yet classified.
 */
async function lineFlagsOfYear(executor: Executor, localityId: number, fiscalYear: number, scope: MeasureScope): Promise<EquityFlag[]> {
  const rows = await queryRows<{ id: number; program: string; description: string; amount: string; facts: unknown }>(
    executor,
    sql`
      with ${approvedCte(localityId, scope)}
      select a.id, al.program, a.description, a.amount_cents::text as amount, ${lineFlagFactsSql(sql`a.id`)} as facts
      from approved a join allocations al on al.id = a.id
      where a.fiscal_year = ${fiscalYear}
      order by a.amount_cents desc, a.id`,
  );
  const flags: EquityFlag[] = [];
  for (const row of rows) {
    const facts = readLineFlagFacts(row.facts, row.description);
    const amount = exactInteger(row.amount);
    if (facts.criminalLegalRecipients.length > 0) {
      flags.push({
        kind: 'criminal_legal_recipient',
        severity: criminalLegalRecipientWords(facts.criminalLegalRecipients, facts.custodyCareOnly).severity,
        ...withWords({
          kind: 'criminal_legal_recipient',
          program: row.program,
          amountCents: amount.toString(),
          recipients: facts.criminalLegalRecipients.slice(),
          custodyCareOnly: facts.custodyCareOnly,
        }),
        allocationId: row.id,
        amountCents: amount,
        recipients: facts.criminalLegalRecipients.slice(),
      });
    }
    if (facts.unclassified) {
      flags.push({
        kind: 'unclassified',
        severity: 'medium',
        ...withWords({ kind: 'unclassified', program: row.program, amountCents: amount.toString() }),
        allocationId: row.id,
        amountCents: amount,
      });
    }
  }
  return flags;
}

async function discouragedUses(executor: Executor, localityId: number, fiscalYear: number, scope: MeasureScope): Promise<EquityFlag[]> {
  const rows = await queryRows<{
    allocationId: number;
    program: string;
    lineYear: number;
    key: string;
    label: string;
    why: string | null;
    taggedAs: string | null;
    allocated: string;
    spent: string;
    totalAllocated: string;
  }>(
    executor,
    sql`
      with ${approvedCte(localityId, scope)}, ${mappedPartsCtes(localityId, fiscalYear, HEALTH_FIRST, scope)}
      select m.allocation_id as "allocationId", al.program, al.fiscal_year::int as "lineYear",
        t.key, t.label, t.why,
        string_agg(distinct case when sf.key <> ${HEALTH_FIRST} then sc.label || ' (' || sf.name || ')' end, '; ') as "taggedAs",
        sum(m.allocated)::text as allocated,
        sum(m.spent)::text as spent,
        coalesce((select sum(amount_cents) from approved where fiscal_year = ${fiscalYear}), 0)::text as "totalAllocated"
      from mapped m
      join categories t on t.id = m.target_id
      join allocations al on al.id = m.allocation_id
      left join categories sc on sc.id = m.source_id
      left join frameworks sf on sf.id = sc.framework_id
      where t.stance = 'discouraged' and t.framework_id = (select id from target)
      group by m.allocation_id, al.program, al.fiscal_year, t.key, t.label, t.why, t.sort_order
      having sum(m.allocated) <> 0 or sum(m.spent) <> 0
      order by m.allocation_id, t.sort_order`,
  );
  return rows.map((row) => {
    const allocated = exactInteger(row.allocated);
    const spent = exactInteger(row.spent);
    const total = exactInteger(row.totalAllocated);
    const amount = allocated !== 0n ? allocated : spent;
    const share = allocated !== 0n ? percentOfTotal(allocated, total) : null;
    return {
      kind: 'discouraged_use' as const,
      severity: 'high' as const,
      ...withWords({
        kind: 'discouraged_use',
        program: row.program,
        categoryKey: row.key,
        label: row.label,
        why: row.why,
        taggedAs: row.taggedAs,
        lineYear: row.lineYear,
        fiscalYear,
        allocatedCents: allocated.toString(),
        spentCents: spent.toString(),
        share,
      }),
      allocationId: row.allocationId,
      amountCents: amount,
      ...(share === null ? {} : { share }),
      categoryKey: row.key,
    };
  });
}

async function idleMoney(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  fyStartMonth: number,
  settings: FlagSettings,
  scope: MeasureScope,
  asOfOption: string | undefined,
): Promise<EquityFlag[]> {
  const bounds = fiscalYearBounds(fiscalYear, fyStartMonth);
  const today = todayIso();
  const asOf = asOfOption ?? (bounds.end < today ? bounds.end : today);
  // A fiscal year that has not started yet has no idle money to speak of.
  if (asOf < bounds.start) return [];
  const months = settings.idleAfterMonths;
  const [row] = await queryRows<{
    cutoff: string;
    longCutoff: string;
    receivedBeforeCutoff: string;
    receivedBeforeLongCutoff: string;
    receivedToDate: string;
    spentToDate: string;
  }>(
    executor,
    sql`
      with ${approvedCte(localityId, scope)},
      dates as (
        select (${asOf}::date - make_interval(months => ${months}::int))::date as cutoff,
          (${asOf}::date - make_interval(months => ${2 * months}::int))::date as long_cutoff
      ),
      money_in as (
        select r.received_on, r.amount_cents from receipts r
        where r.locality_id = ${localityId} and ${countedMoneySql(sql`r`)} and r.received_on <= ${asOf}::date
      )
      select to_char(d.cutoff, 'YYYY-MM-DD') as cutoff, to_char(d.long_cutoff, 'YYYY-MM-DD') as "longCutoff",
        coalesce((select sum(amount_cents) from money_in where received_on <= d.cutoff), 0)::text as "receivedBeforeCutoff",
        coalesce((select sum(amount_cents) from money_in where received_on <= d.long_cutoff), 0)::text as "receivedBeforeLongCutoff",
        coalesce((select sum(amount_cents) from money_in), 0)::text as "receivedToDate",
        coalesce((select sum(x.amount_cents) from expenditures x join approved a on a.id = x.allocation_id
          where x.locality_id = ${localityId} and ${countedMoneySql(sql`x`)} and x.paid_on <= ${asOf}::date), 0)::text as "spentToDate"
      from dates d`,
  );
  if (!row) return [];
  const receivedBeforeCutoff = exactInteger(row.receivedBeforeCutoff);
  const spentToDate = exactInteger(row.spentToDate);
  // First in, first out: every payment is counted against the oldest money received, so what is still unspent of
  // the money received before the cutoff is simply (received up to the cutoff) − (everything spent so far).
  const idle = receivedBeforeCutoff - spentToDate;
  if (idle <= 0n) return [];
  const longIdle = exactInteger(row.receivedBeforeLongCutoff) - spentToDate;
  const share = percentOfTotal(idle, receivedBeforeCutoff);
  return [
    {
      kind: 'idle_money',
      severity: longIdle > 0n ? 'high' : 'medium',
      ...withWords({
        kind: 'idle_money',
        asOf,
        cutoff: row.cutoff,
        longCutoff: row.longCutoff,
        months,
        receivedToDateCents: exactInteger(row.receivedToDate).toString(),
        spentToDateCents: spentToDate.toString(),
        receivedBeforeCutoffCents: receivedBeforeCutoff.toString(),
        idleCents: idle.toString(),
        longIdleCents: (longIdle > 0n ? longIdle : 0n).toString(),
      }),
      amountCents: idle,
      ...(share === null ? {} : { share }),
    },
  ];
}

async function concentration(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  settings: FlagSettings,
  scope: MeasureScope,
): Promise<EquityFlag[]> {
  const recipientRows = await queryRows<{ id: number; name: string; amount: string; lines: number; total: string }>(
    executor,
    sql`
      with ${approvedCte(localityId, scope)}, year_lines as (select * from approved where fiscal_year = ${fiscalYear})
      select r.id, r.name, sum(a.amount_cents)::text as amount, count(*)::int as lines,
        (select coalesce(sum(amount_cents), 0) from year_lines)::text as total
      from year_lines a join recipients r on r.id = a.recipient_id
      group by r.id, r.name
      having sum(a.amount_cents)::numeric * 10000 > ${settings.recipientShareBasisPoints}::numeric * (select sum(amount_cents) from year_lines)
      order by sum(a.amount_cents) desc, r.id`,
  );
  const lineRows = await queryRows<{ id: number; program: string; amount: string; total: string }>(
    executor,
    sql`
      with ${approvedCte(localityId, scope)}, year_lines as (select * from approved where fiscal_year = ${fiscalYear})
      select a.id, al.program, a.amount_cents::text as amount,
        (select coalesce(sum(amount_cents), 0) from year_lines)::text as total
      from year_lines a join allocations al on al.id = a.id
      where a.amount_cents::numeric * 10000 > ${settings.lineShareBasisPoints}::numeric * (select sum(amount_cents) from year_lines)
      order by a.amount_cents desc, a.id`,
  );
  return [
    ...recipientRows.map((row): EquityFlag => {
      const amount = exactInteger(row.amount);
      const total = exactInteger(row.total);
      const share = percentOfTotal(amount, total);
      return {
        kind: 'dominant_recipient',
        severity: 'medium',
        ...withWords({
          kind: 'dominant_recipient',
          recipient: row.name,
          amountCents: amount.toString(),
          lines: row.lines,
          share,
          totalCents: total.toString(),
          fiscalYear,
          limitBasisPoints: settings.recipientShareBasisPoints,
        }),
        amountCents: amount,
        ...(share === null ? {} : { share }),
        recipientId: row.id,
      };
    }),
    ...lineRows.map((row): EquityFlag => {
      const amount = exactInteger(row.amount);
      const total = exactInteger(row.total);
      const share = percentOfTotal(amount, total);
      return {
        kind: 'oversized_line',
        severity: 'medium',
        ...withWords({
          kind: 'oversized_line',
          program: row.program,
          amountCents: amount.toString(),
          share,
          totalCents: total.toString(),
          fiscalYear,
          limitBasisPoints: settings.lineShareBasisPoints,
        }),
        allocationId: row.id,
        amountCents: amount,
        ...(share === null ? {} : { share }),
      };
    }),
  ];
}

async function missingDescriptions(executor: Executor, localityId: number, fiscalYear: number, scope: MeasureScope): Promise<EquityFlag[]> {
  const rows = await queryRows<{ id: number; program: string; amount: string }>(
    executor,
    sql`
      with ${approvedCte(localityId, scope)}
      select a.id, al.program, a.amount_cents::text as amount
      from approved a join allocations al on al.id = a.id
      where a.fiscal_year = ${fiscalYear} and not (a.description ~ '[^[:space:]]')
      order by a.amount_cents desc, a.id`,
  );
  return rows.map((row) => ({
    kind: 'missing_description' as const,
    severity: 'medium' as const,
    ...withWords({ kind: 'missing_description', program: row.program, amountCents: exactInteger(row.amount).toString() }),
    allocationId: row.id,
    amountCents: exactInteger(row.amount),
  }));
}
