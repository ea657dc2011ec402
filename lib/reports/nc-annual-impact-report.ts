import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { allocations } from '@/db/schema';
import { listPublicOutcomes, type PublicOutcome } from '@/lib/data/public-outcomes';
import { MEASURES, RBA_QUESTIONS } from '@/lib/outcomes/measures';
import { NOT_REPORTED_TEXT, outcomeRow } from '@/lib/views/outcomes-view';
import { startReport, strategyColumns, strategyTableRows } from './document';
import { money, text, type PaymentPart } from './ledger';
import { NC_NOT_COVERED_LABEL, ncReportDueDate, readNcStrategyParts } from './nc-annual-financial-report';
import { groupParts, strategyKeyOf, TOTAL_KEY, type StrategyRow } from './strategy-rows';
import type { ReportCell, ReportColumn, ReportDefinition, ReportRow, ReportSection } from './types';

/**
 * North Carolina's annual impact report: per funded strategy, the programs the money paid for, what each spent in the
 * fiscal year and what each reports it did — built from approved program outcomes (docs/adr/0017).
 *
 * What the sources say (searched 2026-12; stored copies of public pages):
 * - A local government that SPENDS opioid settlement funds in a fiscal year must file an annual impact report within
 *   90 days of the end of the fiscal year; the financial report is due on the same day and is required even when the
 *   money was only received or held. (Orange County NC board agenda slides quoting the NCACC guide to the MOA:
 *   server3.co.orange.nc.us:8088/WebLink/0/doc/68188/Page9.aspx and doc/75290/Page4.aspx; the MOA's reporting
 *   section, doc/64614/Page14.aspx.) Hence the same due date as the financial report and `requiredWhen: 'money-spent'`.
 * - Reports go to CORE-NC, the Community Opioid Resources Engine run by NCDOJ, NCACC, the UNC Injury Prevention
 *   Research Center (which "collects and processes data from local governments" and shows "how opioid settlement
 *   funds are used … along with the impact of those dollars") and NCDHHS (ncopioidsettlement.org/core-nc); its local
 *   view shows spending plans, past spending and "annual narratives" (South Raleigh News, 2024). Local governments
 *   "must annually submit financial and impact reports" (opioidsettlementguides.com/north-carolina, Vital Strategies).
 * - Results-based accountability sorts a program's performance measures by three questions: how much did we do, how
 *   well did we do it, is anyone better off (Results-Based Accountability Guide, Appendix A; raguide.org). Each
 *   outcome here carries the question its measure answers (lib/outcomes/measures.ts).
 *
 * UNVERIFIED: the impact report's actual form. We found neither the MOA's clause on its contents nor the CORE-NC /
 * NCACC template, so we do not know its fields, whether it asks for RBA measures, narratives, or per-program rather
 * than per-strategy figures. This report gives what Abate holds that any such form would ask for; check it against
 * the current CORE-NC template before filing.
 *
 * How it is computed:
 * - Money: the same payment parts as the financial report's "disbursed by funded strategy" (readNcStrategyParts:
 *   NC Exhibit A through THE crosswalk, audit costs left out), grouped by the same rule (groupParts), so every
 *   strategy total equals the financial report's to the cent. A program on a line split across strategies is listed
 *   under each with its share.
 * - Outcomes: the public ones (listPublicOutcomes: approved outcomes of approved lines whose period ends in the fiscal
 *   year), each written by the public view's own row function (outcomeRow): counts of 1–10 people read "fewer than 11"
 *   and their cost per unit is withheld, so neither the count nor a ratio that gives it back appears. Units are never
 *   added up. Cost per unit is what the program spent in the outcome's own period ÷ the units, exact (centsPer).
 * - A program that spent money and reports no outcome reads "not reported".
 */

/** Short headers: nine columns must fit a printed page, and money headers do not wrap. */
function columnsFor(fiscalYear: number): ReportColumn[] {
  return [
    { key: 'program', label: 'Program', kind: 'text' },
    { key: 'spent', label: `Spent in FY${fiscalYear}`, kind: 'money' },
    { key: 'measure', label: 'Measure', kind: 'text' },
    { key: 'question', label: 'RBA question', kind: 'text' },
    { key: 'units', label: 'Units', kind: 'text' },
    { key: 'period', label: 'Period', kind: 'text' },
    { key: 'source', label: 'Source', kind: 'text' },
    { key: 'periodSpent', label: 'Spent in period', kind: 'money' },
    { key: 'costPerUnit', label: 'Cost per unit', kind: 'text' },
  ];
}

/** One program's parts under one strategy: what it spent there, and the payments and line that sum it. */
interface FundedProgram {
  allocationId: number;
  program: string;
  cell: ReportCell;
}

async function readProgramNames(db: Executor, allocationIds: readonly number[]): Promise<Map<number, string>> {
  if (allocationIds.length === 0) return new Map();
  const rows = await db.select({ id: allocations.id, program: allocations.program }).from(allocations).where(inArray(allocations.id, [...allocationIds]));
  return new Map(rows.map((row) => [row.id, row.program]));
}

/** The parts of one strategy grouped by program (allocation line), by program name. */
function programsOf(parts: readonly PaymentPart[], names: ReadonlyMap<number, string>): FundedProgram[] {
  const byLine = new Map<number, { cents: bigint; payments: number[] }>();
  for (const part of parts) {
    const line = byLine.get(part.allocationId) ?? { cents: 0n, payments: [] };
    line.cents += part.amountCents;
    line.payments.push(part.paymentId);
    byLine.set(part.allocationId, line);
  }
  return [...byLine.entries()]
    .map(([allocationId, line]) => ({
      allocationId,
      program: names.get(allocationId) ?? `Line ${allocationId}`,
      cell: money(line.cents, { payments: line.payments, lines: [allocationId] }),
    }))
    .sort((a, b) => a.program.localeCompare(b.program, 'en') || a.allocationId - b.allocationId);
}

/** An outcome's cells as the public view writes them: suppressed counts and their cost per unit never appear. */
function outcomeCells(outcome: PublicOutcome): Record<string, ReportCell> {
  const view = outcomeRow(outcome);
  const question = MEASURES[outcome.measure].rba;
  return {
    measure: text(view.measure),
    question: text(question ? RBA_QUESTIONS[question] : 'Not classified'),
    units: text(view.units),
    period: text(view.period),
    source: text(view.source),
    periodSpent: money(view.spentCents),
    costPerUnit: text(view.costPerUnit),
  };
}

/**
 * A program's rows: one per outcome, the first carrying the program and what it spent under the strategy (so the
 * spent column adds up to the strategy's total), or one row saying "not reported".
 */
function programRows(program: FundedProgram, outcomes: readonly PublicOutcome[], spent: boolean): ReportRow[] {
  const first: Record<string, ReportCell> = { program: text(program.program), ...(spent ? { spent: program.cell } : {}) };
  if (outcomes.length === 0) return [{ key: `p${program.allocationId}`, cells: { ...first, measure: text(NOT_REPORTED_TEXT) } }];
  return outcomes.map((outcome, i) => ({
    key: `p${program.allocationId}-o${outcome.id}`,
    cells: { ...(i === 0 ? first : {}), ...outcomeCells(outcome) },
  }));
}

function strategySection(
  strategy: StrategyRow,
  programs: readonly FundedProgram[],
  outcomesOf: (allocationId: number) => PublicOutcome[],
  columns: ReportColumn[],
): ReportSection {
  return {
    key: `strategy-${strategy.key}`,
    title: strategy.label,
    columns,
    rows: [
      ...programs.flatMap((program) => programRows(program, outcomesOf(program.allocationId), true)),
      { key: TOTAL_KEY, cells: { program: text('Total spent under this strategy'), spent: strategy.cell }, total: true },
    ],
  };
}

/** Outcomes reported in the year by programs that spent nothing under a strategy in it (paid earlier, say). */
function unfundedSection(outcomes: readonly PublicOutcome[], funded: ReadonlySet<number>, columns: ReportColumn[]): ReportSection | null {
  const rest = outcomes.filter((o) => !funded.has(o.allocationId));
  if (rest.length === 0) return null;
  const programs = new Map<number, string>(rest.map((o) => [o.allocationId, o.program]));
  return {
    key: 'outcomes-without-spending',
    title: 'Outcomes of programs that spent nothing under a strategy this fiscal year',
    columns,
    rows: [...programs.entries()].flatMap(([allocationId, program]) =>
      programRows({ allocationId, program, cell: money(0n) }, rest.filter((o) => o.allocationId === allocationId), false),
    ),
    note: 'Their money was paid in another fiscal year (or only for audit costs), so it is not in this year’s strategy totals.',
  };
}

function summarySection(strategies: readonly StrategyRow[], programsByStrategy: ReadonlyMap<string, FundedProgram[]>, reporting: ReadonlySet<number>): ReportSection {
  const counts = (programs: readonly FundedProgram[]) => {
    const ids = new Set(programs.map((p) => p.allocationId));
    const silent = [...ids].filter((id) => !reporting.has(id)).length;
    return { programs: text(String(ids.size)), notReported: text(String(silent)) };
  };
  const all = [...programsByStrategy.values()].flat();
  return {
    key: 'strategies',
    title: 'Amount spent by funded strategy (NC Exhibit A)',
    columns: [
      ...strategyColumns('strategy', 'Strategy'),
      { key: 'programs', label: 'Programs', kind: 'text' },
      { key: 'notReported', label: 'Not reported', kind: 'text' },
    ],
    rows: strategyTableRows(strategies, 'strategy', (s) => counts(s.total ? all : (programsByStrategy.get(s.key) ?? []))),
    note:
      'The same figures as the annual financial report’s amount disbursed by funded strategy; audit costs are not a ' +
      'strategy and are not listed. A program on a line split across strategies is counted under each, with its share. ' +
      'Below, each strategy’s programs and their outcomes: the approved ones whose period ends in this fiscal year. Cost ' +
      'per unit = what the program spent in the outcome’s period ÷ the units; a program reporting several measures has ' +
      'its whole spending set against each. Counts of 1 to 10 people read “fewer than 11” and their cost per unit is ' +
      'withheld; units are never added up.',
  };
}

export const ncAnnualImpactReport: ReportDefinition = {
  key: 'nc-annual-impact-report',
  title: 'North Carolina annual impact report (MOA)',
  state: 'NC',
  dueRule: '90 days after the fiscal year ends, for a year in which money was spent',
  dueDate: ncReportDueDate,
  requiredWhen: 'money-spent',
  async build(db, { localityId, fiscalYear }) {
    const { locality, head } = await startReport(db, ncAnnualImpactReport, { localityId, fiscalYear });
    const [parts, reported] = await Promise.all([
      readNcStrategyParts(db, { localityId, fiscalYear }),
      listPublicOutcomes(db, { localityId, fiscalYear, fyStartMonth: locality.fyStartMonth }),
    ]);
    const names = await readProgramNames(db, [...new Set(parts.map((p) => p.allocationId))]);
    const strategies = groupParts(parts, { notCovered: NC_NOT_COVERED_LABEL });
    const programsByStrategy = new Map(
      strategies.filter((s) => !s.total).map((s) => [s.key, programsOf(parts.filter((p) => strategyKeyOf(p) === s.key), names)]),
    );
    const outcomesOf = (allocationId: number) => reported.outcomes.filter((o) => o.allocationId === allocationId);
    const reporting = new Set(reported.outcomes.map((o) => o.allocationId));
    const funded = new Set(parts.map((p) => p.allocationId));
    const columns = columnsFor(fiscalYear);
    const perStrategy = strategies.filter((s) => !s.total).map((s) => strategySection(s, programsByStrategy.get(s.key) ?? [], outcomesOf, columns));
    const unfunded = unfundedSection(reported.outcomes, funded, columns);

    return {
      ...head,
      sections: [summarySection(strategies, programsByStrategy, reporting), ...perStrategy, ...(unfunded ? [unfunded] : [])],
    };
  },
};
