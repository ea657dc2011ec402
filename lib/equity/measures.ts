import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/lib/data/rows';
import { lineToCriminalLegalSql } from '@/lib/data/sql/criminal-legal-line';
import { spentByLineCte } from '@/lib/data/sql/spent-parts';
import { centsToDecimalString } from '@/lib/money';
import { fraction, percentOfTotal, type Fraction } from './decimal';
import { isRecipientSubject, RECIPIENT_SUBJECTS } from './measure-info';
import { approvedCte, exactInteger, mappedPartsCtes, paidIn, receivedIn, type MeasureScope } from './sql-parts';
import type { EquityInputs, MeasureSpec } from './types';

/** A measure computed for one locality and fiscal year: its exact value in target units, or what is missing. */
export interface MeasureValue {
  /** num ÷ den in basis points (shares, parity) or cents (dollars); null when something is missing. */
  value: Fraction | null;
  missing: string[];
  inputs: EquityInputs;
}

const BP = 10_000n;

function dollars(label: string, cents: bigint) {
  return { label, value: centsToDecimalString(cents), unit: 'dollars' as const };
}

function noLines(fiscalYear: number): string {
  return `approved allocations for FY${fiscalYear}`;
}

function noSpending(fiscalYear: number, scope: MeasureScope): string {
  return scope.paidThrough !== undefined
    ? `spending recorded for FY${fiscalYear} up to ${scope.paidThrough}`
    : `spending recorded for FY${fiscalYear}`;
}

/** Where a measure is computed: one locality's fiscal year, within a scope. */
interface MeasureQuery {
  executor: Executor;
  localityId: number;
  fiscalYear: number;
  scope: MeasureScope;
}

/** The one row an aggregate query answers. */
async function oneRow<T>(q: MeasureQuery, what: string, query: SQL): Promise<T> {
  const [row] = await queryRows<T>(q.executor, query);
  if (!row) throw new Error(`the ${what} query returned no row`);
  return row;
}

/** The column `lines`: how many approved lines (of the CTE `approved`) the year has. */
function approvedLinesSql(fiscalYear: number): SQL {
  return sql`(select count(*) from approved a where a.fiscal_year = ${fiscalYear})::int as lines`;
}

/** What the year's approved lines allocate, as exact text. */
function allocatedSql(fiscalYear: number): SQL {
  return sql`coalesce((select sum(a.amount_cents) from approved a where a.fiscal_year = ${fiscalYear}), 0)::text`;
}

/** A part of the year's approved money and the whole it is a share of, allocated and spent (decimal strings). */
interface ShareRow {
  partAllocated: string;
  totalAllocated: string;
  partSpent: string;
  totalSpent: string;
  lines: number;
}

/**
 * The part's share of the whole, of allocated or spent money as the goal's basis says (never both added). `missing`
 * already holds what the caller found missing; a year without approved lines, or a whole of zero, is added to it.
 */
function shareValue(q: MeasureQuery, basis: MeasureSpec['basis'], row: ShareRow, subjectLabel: string, missing: string[]): MeasureValue {
  const allocated = basis === 'allocated';
  const part = exactInteger(allocated ? row.partAllocated : row.partSpent);
  const total = exactInteger(allocated ? row.totalAllocated : row.totalSpent);
  const verb = allocated ? 'Allocated' : 'Spent';
  if (allocated && row.lines === 0) missing.push(noLines(q.fiscalYear));
  else if (total <= 0n) missing.push(allocated ? `a total allocated above zero for FY${q.fiscalYear}` : noSpending(q.fiscalYear, q.scope));
  return {
    value: missing.length === 0 ? fraction(part * BP, total) : null,
    missing,
    inputs: {
      part: dollars(`${verb} to ${subjectLabel}`, part),
      total: dollars(`${verb} in all approved lines`, total),
    },
  };
}

/**
 * Computes one measure from the database with SQL aggregates. Allocated and spent are never added together: a
 * goal's basis picks one of them. Every denominator is checked before it is divided by; when one is absent or zero
 * the value is null and `missing` says, in words, what would have to be entered.
 */
export async function evaluateMeasure(
  executor: Executor,
  localityId: number,
  fiscalYear: number,
  spec: MeasureSpec,
  scope: MeasureScope = {},
): Promise<MeasureValue> {
  return MEASURE_QUERIES[spec.measure]({ executor, localityId, fiscalYear, scope }, spec);
}

async function categoryShare(q: MeasureQuery, spec: MeasureSpec): Promise<MeasureValue> {
  const { localityId, fiscalYear, scope } = q;
  const subject = spec.subject ?? '';
  const isGroup = spec.measure === 'group_share';
  // Only categories of the framework itself: money kept in the category it was filed in (crosswalkTargetSql) is not
  // in any of this framework's categories or groups, even if a key or group name happens to be the same.
  const match = sql`t.framework_id = (select id from target) and ${isGroup ? sql`lower(t.group_label) = lower(${subject}::text)` : sql`t.key = ${subject}`}`;
  const subjectMatch = isGroup ? sql`lower(c.group_label) = lower(${subject}::text)` : sql`c.key = ${subject}`;
  const row = await oneRow<ShareRow & { frameworkKnown: boolean; frameworkName: string | null; subjectLabel: string | null }>(
    q,
    'share',
    sql`
      with ${approvedCte(localityId, scope)}, ${mappedPartsCtes(localityId, fiscalYear, spec.frameworkKey, scope)}
      select
        exists (select 1 from target) as "frameworkKnown",
        (select f.name from frameworks f where f.key = ${spec.frameworkKey}) as "frameworkName",
        (select ${isGroup ? sql`c.group_label` : sql`c.label`} from categories c
          where c.framework_id = (select id from target) and ${subjectMatch}
          order by c.sort_order limit 1) as "subjectLabel",
        coalesce(sum(m.allocated) filter (where ${match}), 0)::text as "partAllocated",
        coalesce(sum(m.allocated), 0)::text as "totalAllocated",
        coalesce(sum(m.spent) filter (where ${match}), 0)::text as "partSpent",
        coalesce(sum(m.spent), 0)::text as "totalSpent",
        ${approvedLinesSql(fiscalYear)}
      from mapped m left join categories t on t.id = m.target_id`,
  );
  const missing: string[] = [];
  if (!row.frameworkKnown) missing.push(`the category framework "${spec.frameworkKey}"`);
  else if (row.subjectLabel === null) {
    missing.push(`a ${isGroup ? 'category group' : 'category'} "${subject}" in the ${row.frameworkName ?? spec.frameworkKey}`);
  }
  return shareValue(q, spec.basis, row, row.subjectLabel ?? subject, missing);
}

async function recipientShare(q: MeasureQuery, spec: MeasureSpec): Promise<MeasureValue> {
  const { localityId, fiscalYear, scope } = q;
  const subject = spec.subject;
  if (!isRecipientSubject(subject)) {
    return {
      value: null,
      missing: [
        'a kind of recipient: community-based organizations, organizations led by people with lived experience, or criminal-legal-system recipients',
      ],
      inputs: {},
    };
  }
  // The condition on a line `a` (approved) whose recipient row `r` may be null: every line counts in the total.
  const match =
    subject === 'community_based'
      ? sql`r.type = 'community_based_organization'`
      : subject === 'lived_experience'
        ? sql`r.lived_experience_led`
        : lineToCriminalLegalSql(sql`a.id`);
  const row = await oneRow<ShareRow>(
    q,
    'recipient',
    sql`
      with ${approvedCte(localityId, scope)},
      ${spentByLineCte(paidIn(sql`x`, localityId, fiscalYear, scope))}
      select
        coalesce((select sum(a.amount_cents) from approved a left join recipients r on r.id = a.recipient_id
          where a.fiscal_year = ${fiscalYear} and ${match}), 0)::text as "partAllocated",
        ${allocatedSql(fiscalYear)} as "totalAllocated",
        ${approvedLinesSql(fiscalYear)},
        coalesce((select sum(l.spent) from spent_by_line l join approved a on a.id = l.allocation_id
          left join recipients r on r.id = a.recipient_id where ${match}), 0)::text as "partSpent",
        coalesce((select sum(l.spent) from spent_by_line l), 0)::text as "totalSpent"`,
  );
  return shareValue(q, spec.basis, row, RECIPIENT_SUBJECTS[subject], []);
}

async function fromTotals(q: MeasureQuery, spec: MeasureSpec): Promise<MeasureValue> {
  const { localityId, fiscalYear, scope } = q;
  const row = await oneRow<{
    allocated: string;
    lines: number;
    spent: string;
    received: string;
    receipts: number;
    population: number | null;
    deaths: number | null;
  }>(
    q,
    'totals',
    sql`
      with ${approvedCte(localityId, scope)}
      select
        ${allocatedSql(fiscalYear)} as allocated,
        ${approvedLinesSql(fiscalYear)},
        coalesce((select sum(x.amount_cents) from expenditures x join approved a on a.id = x.allocation_id
          where ${paidIn(sql`x`, localityId, fiscalYear, scope)}), 0)::text as spent,
        coalesce((select sum(r.amount_cents) from receipts r where ${receivedIn(sql`r`, localityId, fiscalYear, scope)}), 0)::text as received,
        (select count(*) from receipts r where ${receivedIn(sql`r`, localityId, fiscalYear, scope)})::int as receipts,
        (select c.population from locality_context c where c.locality_id = ${localityId} and c.fiscal_year = ${fiscalYear}) as population,
        (select c.overdose_deaths from locality_context c where c.locality_id = ${localityId} and c.fiscal_year = ${fiscalYear}) as deaths`,
  );
  const spent = exactInteger(row.spent);
  const missing: string[] = [];

  if (spec.measure === 'spend_down') {
    const received = exactInteger(row.received);
    if (row.receipts === 0) missing.push(`money received in FY${fiscalYear}`);
    else if (received <= 0n) missing.push(`money received in FY${fiscalYear} (the receipts recorded add up to ${centsToDecimalString(received)})`);
    return {
      value: missing.length === 0 ? fraction(spent * BP, received) : null,
      missing,
      inputs: { spent: dollars('Spent from approved lines', spent), received: dollars('Received', received) },
    };
  }

  const allocated = spec.basis === 'allocated';
  const amount = allocated ? exactInteger(row.allocated) : spent;
  if (allocated && row.lines === 0) missing.push(noLines(fiscalYear));
  const perDeath = spec.measure === 'dollars_per_death';
  const count = perDeath ? row.deaths : row.population;
  const what = perDeath ? 'overdose deaths' : 'population';
  if (count === null) missing.push(`${what} for FY${fiscalYear}`);
  else if (count === 0) missing.push(`${what} for FY${fiscalYear} above zero (0 is recorded, and money cannot be divided by zero)`);
  return {
    value: missing.length === 0 && count !== null ? fraction(amount, BigInt(count)) : null,
    missing,
    inputs: {
      amount: dollars(allocated ? 'Allocated in approved lines' : 'Spent from approved lines', amount),
      [perDeath ? 'overdoseDeaths' : 'population']: {
        label: perDeath ? 'Overdose deaths' : 'Residents',
        value: count === null ? null : String(count),
        unit: perDeath ? 'deaths' : 'residents',
      },
    },
  };
}

async function reachParity(q: MeasureQuery, spec: MeasureSpec): Promise<MeasureValue> {
  const { localityId, fiscalYear, scope } = q;
  const group = spec.subject ?? '';
  const row = await oneRow<{
    servedGroup: string;
    servedTotal: string;
    servedRows: number;
    groupLabel: string | null;
    deathsGroup: number | null;
    deathsTotal: string;
    deathRows: number;
  }>(
    q,
    'reach',
    sql`
      with ${approvedCte(localityId, scope)},
      served as (
        select p.group_key, p.people from people_served p join approved a on a.id = p.allocation_id
        where p.locality_id = ${localityId} and p.fiscal_year = ${fiscalYear}
      ),
      deaths as (
        select b.group_key, b.group_label, b.overdose_deaths from context_breakdowns b
        where b.locality_id = ${localityId} and b.fiscal_year = ${fiscalYear} and b.dimension = 'race_ethnicity'
      )
      select
        coalesce((select sum(people) from served where group_key = ${group}), 0)::text as "servedGroup",
        coalesce((select sum(people) from served), 0)::text as "servedTotal",
        (select count(*) from served)::int as "servedRows",
        (select group_label from deaths where group_key = ${group}) as "groupLabel",
        (select overdose_deaths from deaths where group_key = ${group}) as "deathsGroup",
        coalesce((select sum(overdose_deaths) from deaths), 0)::text as "deathsTotal",
        (select count(overdose_deaths) from deaths)::int as "deathRows"`,
  );
  const label = row.groupLabel ?? group;
  const servedGroup = exactInteger(row.servedGroup);
  const servedTotal = exactInteger(row.servedTotal);
  const deathsTotal = exactInteger(row.deathsTotal);
  const deathsGroup = row.deathsGroup === null ? null : BigInt(row.deathsGroup);
  const missing: string[] = [];
  if (row.servedRows === 0 || servedTotal === 0n) missing.push(`people served by race/ethnicity for FY${fiscalYear}`);
  if (row.deathRows === 0) missing.push(`overdose deaths by race/ethnicity for FY${fiscalYear}`);
  else if (deathsGroup === null) missing.push(`overdose deaths of ${label} residents for FY${fiscalYear}`);
  else if (deathsGroup === 0n) {
    missing.push(`overdose deaths of ${label} residents for FY${fiscalYear} above zero (parity cannot be measured against no deaths)`);
  }
  const ok = missing.length === 0 && deathsGroup !== null;
  return {
    // (servedGroup ÷ servedTotal) ÷ (deathsGroup ÷ deathsTotal), in basis points: 10000 is parity.
    value: ok ? fraction(servedGroup * deathsTotal * BP, servedTotal * deathsGroup) : null,
    missing,
    inputs: {
      servedInGroup: { label: `People served: ${label}`, value: servedGroup.toString(), unit: 'people' },
      servedTotal: { label: 'People served: everyone', value: servedTotal.toString(), unit: 'people' },
      deathsInGroup: {
        label: `Overdose deaths: ${label}`,
        value: deathsGroup === null ? null : deathsGroup.toString(),
        unit: 'deaths',
      },
      deathsTotal: { label: 'Overdose deaths: everyone', value: row.deathRows === 0 ? null : deathsTotal.toString(), unit: 'deaths' },
      servedShare: { label: `Share of people served who are ${label}`, value: percentOfTotal(servedGroup, servedTotal), unit: 'percent' },
      deathsShare: {
        label: `Share of overdose deaths among ${label} residents`,
        value: deathsGroup === null ? null : percentOfTotal(deathsGroup, deathsTotal),
        unit: 'percent',
      },
    },
  };
}

async function completeness(q: MeasureQuery): Promise<MeasureValue> {
  const { localityId, fiscalYear, scope } = q;
  const row = await oneRow<{
    lines: number;
    complete: number;
    noDescription: number;
    noRecipient: number;
    noCategory: number;
  }>(
    q,
    'completeness',
    sql`
      with ${approvedCte(localityId, scope)},
      lines as (
        select a.description ~ '[^[:space:]]' as described,
          a.recipient_id is not null as has_recipient,
          exists (select 1 from allocation_splits s where s.allocation_id = a.id) as has_category
        from approved a where a.fiscal_year = ${fiscalYear}
      )
      select count(*)::int as lines,
        count(*) filter (where described and has_recipient and has_category)::int as complete,
        count(*) filter (where not described)::int as "noDescription",
        count(*) filter (where not has_recipient)::int as "noRecipient",
        count(*) filter (where not has_category)::int as "noCategory"
      from lines`,
  );
  const lines = (label: string, n: number) => ({ label, value: String(n), unit: 'lines' as const });
  const missing = row.lines === 0 ? [noLines(fiscalYear)] : [];
  return {
    value: row.lines === 0 ? null : fraction(BigInt(row.complete) * BP, BigInt(row.lines)),
    missing,
    inputs: {
      completeLines: lines('Approved lines with a description, a recipient and a category', row.complete),
      lines: lines('Approved lines', row.lines),
      linesWithoutDescription: lines('Approved lines without a plain-language description', row.noDescription),
      linesWithoutRecipient: lines('Approved lines without a recipient', row.noRecipient),
      linesWithoutCategory: lines('Approved lines without a category', row.noCategory),
    },
  };
}

/** The query that computes each measure (several measures share one). */
const MEASURE_QUERIES: Readonly<Record<MeasureSpec['measure'], (q: MeasureQuery, spec: MeasureSpec) => Promise<MeasureValue>>> = {
  category_share: categoryShare,
  group_share: categoryShare,
  recipient_share: recipientShare,
  dollars_per_death: fromTotals,
  dollars_per_resident: fromTotals,
  spend_down: fromTotals,
  reach_parity: reachParity,
  completeness,
};
