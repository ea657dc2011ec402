import { and, eq, inArray, sql } from 'drizzle-orm';
import { suggestedGoals, type SuggestedGoal } from '@/lib/equity/default-goals';
import { emitAudit, withTransaction } from '@/lib/services/context';
import { queryRows } from '@/lib/data/rows';
import type { Executor } from '@/db/client';
import { DEMO_FISCAL_YEARS } from '@/db/demo/generate-demo';
import { LOCALITY_PROFILES } from '@/db/demo/localities';
import { createRng } from '@/db/demo/prng';
import { contextBreakdowns, equityGoals, flagSettings, localities, localityContext, peopleServed } from '@/db/schema';

/**
 * Equity data for the fictional demo localities: the suggested goals (and a reach-parity goal) for every demo fiscal
 * year, residents and overdose deaths by race/ethnicity and by area, people served by a few treatment and
 * harm-reduction programs, and Granite Fork's flag settings. Every figure is made up. Breakdowns add up exactly to the locality's totals where those
 * are known (deaths of the current year are not, as in real health-department data). Running it twice changes
 * nothing: goals are matched on locality, year, measure and subject, the other rows on their primary keys.
 */

interface Group {
  key: string;
  label: string;
}

const RACE_GROUPS: readonly Group[] = [
  { key: 'black', label: 'Black' },
  { key: 'hispanic', label: 'Hispanic or Latino' },
  { key: 'white', label: 'White' },
  { key: 'asian', label: 'Asian' },
  { key: 'native', label: 'American Indian or Alaska Native' },
  { key: 'multiracial', label: 'Two or more races, or another race' },
];

/** Relative overdose death rate per resident (White = 100), in the order of RACE_GROUPS. */
const DEATH_RISK = [200, 70, 100, 25, 180, 90];

interface LocalityEquityProfile {
  /** Residents by race/ethnicity, basis points in the order of RACE_GROUPS. */
  population: readonly number[];
  /** How well the locality's programs reach each group relative to its deaths (100 = parity), same order. */
  reach: readonly number[];
  /** Districts: key, label, share of residents (bp, sum 10000), relative death rate. */
  areas: ReadonlyArray<readonly [key: string, label: string, populationBp: number, risk: number]>;
  /** Months after which the board flags money received and not spent; absent: the default (18). */
  idleAfterMonths?: number;
}

const PROFILES: Readonly<Record<string, LocalityEquityProfile>> = {
  // Treatment-heavy, but its clinics reach Black residents less than their share of deaths.
  'cedarholm-county': {
    population: [1500, 1300, 6200, 500, 100, 400],
    reach: [72, 90, 112, 100, 80, 100],
    areas: [
      ['north-end', 'North End', 2600, 150],
      ['riverside', 'Riverside', 2200, 120],
      ['cedar-heights', 'Cedar Heights', 3000, 60],
      ['south-valley', 'South Valley', 2200, 90],
    ],
  },
  // Crisis response and housing built with the neighborhoods most affected: close to parity.
  'port-wexley': {
    population: [3100, 2000, 3900, 500, 100, 400],
    reach: [104, 96, 98, 90, 100, 100],
    areas: [
      ['harbor-district', 'Harbor District', 1800, 170],
      ['old-town', 'Old Town', 2100, 130],
      ['eastgate', 'Eastgate', 2300, 90],
      ['hillcrest', 'Hillcrest', 2000, 50],
      ['west-docks', 'West Docks', 1800, 110],
    ],
  },
  // Rural and enforcement-minded: the few services reach Black and Native residents least.
  'granite-fork-county': {
    population: [300, 500, 8600, 100, 300, 200],
    reach: [55, 80, 108, 100, 50, 90],
    areas: [
      ['granite-fork-town', 'Granite Fork (town)', 4200, 120],
      ['millbrook', 'Millbrook', 3300, 90],
      ['upper-valley', 'Upper Valley', 2500, 80],
    ],
    // The demo has two years of history: with the default 18 months, first-in-first-out counting finds nothing
    // idle yet. Its board draws the line at 9 months, which shows the money the county leaves in the bank.
    idleAfterMonths: 9,
  },
  // Harm reduction first, with peer-run programs that reach Black and Latino residents well.
  'marlowe-bay-county': {
    population: [1800, 2300, 4800, 700, 100, 300],
    reach: [118, 110, 88, 90, 100, 100],
    areas: [
      ['bayfront', 'Bayfront', 2400, 160],
      ['marlowe-center', 'Marlowe Center', 3100, 110],
      ['pine-ridge', 'Pine Ridge', 2300, 60],
      ['lakeside', 'Lakeside', 2200, 70],
    ],
  },
};

/** Health-first categories of the programs whose people served are recorded. */
const SERVICE_CATEGORIES = ['moud', 'treatment', 'contingency-management', 'naloxone', 'syringe-services', 'opc', 'drug-checking', 'hr-education'];
const PROGRAMS_PER_YEAR = 3;

/** A demo goal beside the suggested ones, so the reach-parity chart has something to show. */
function parityGoal(fiscalYear: number): SuggestedGoal {
  return {
    fiscalYear,
    measure: 'reach_parity',
    subject: 'black',
    frameworkKey: 'health-first',
    basis: 'allocated',
    comparator: 'at_least',
    target: 8000n,
    amberMargin: 1000n,
    reason:
      'Black residents die of overdoses at about twice the rate of White residents and are less likely to be offered medication. The programs should reach them at least in proportion to those deaths (a ratio of 0.8 or more).',
  };
}

/** Splits `total` in proportion to integer weights by largest remainder, so the parts add up exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const base = exact.map((x) => Number(x / BigInt(sum)));
  const remainders = exact.map((x, index) => ({ index, rest: x % BigInt(sum) }));
  let left = total - base.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left <= 0) break;
    base[index]! += 1;
    left -= 1;
  }
  return base;
}

/** A group of a breakdown: its share of residents (basis points) and its relative overdose death rate. */
interface WeightedGroup extends Group {
  populationBp: number;
  risk: number;
}

/**
 * One dimension's breakdown rows: the locality's residents split by the groups' shares and its deaths by share ×
 * risk, each adding up exactly to the total (null where the total is not known).
 */
function breakdownsOf(totals: { population: number | null; deaths: number | null }, dimension: 'race_ethnicity' | 'area', groups: readonly WeightedGroup[]) {
  const split = (total: number | null, weights: readonly number[]) => (total === null ? weights.map(() => null) : apportion(total, weights));
  const population = split(totals.population, groups.map((g) => g.populationBp));
  const deaths = split(totals.deaths, groups.map((g) => g.populationBp * g.risk));
  return groups.map((group, i) => ({ dimension, groupKey: group.key, groupLabel: group.label, population: population[i]!, overdoseDeaths: deaths[i]! }));
}

export interface DemoEquityResult {
  goals: number;
  breakdowns: number;
  peopleServed: number;
}

export async function seedDemoEquity(executor: Executor): Promise<DemoEquityResult> {
  return withTransaction({ db: executor, actor: null }, async ({ db: tx }) => {
    const slugs = Object.keys(PROFILES).filter((slug) => LOCALITY_PROFILES.some((p) => p.locality.slug === slug));
    const rows = await tx.select({ id: localities.id, slug: localities.slug }).from(localities).where(inArray(localities.slug, slugs));
    let goals = 0;
    let breakdowns = 0;
    let served = 0;

    for (const { id: localityId, slug } of rows) {
      const profile = PROFILES[slug]!;
      if (profile.idleAfterMonths !== undefined) {
        await tx.insert(flagSettings).values({ localityId, idleAfterMonths: profile.idleAfterMonths }).onConflictDoNothing();
      }
      for (const fiscalYear of DEMO_FISCAL_YEARS) {
        // Goals: the suggested ones and the parity goal, unless a goal with the same measure and subject exists
        // (also a deleted one: a goal someone removed stays removed).
        const existing = await tx
          .select({ measure: equityGoals.measure, subject: equityGoals.subject })
          .from(equityGoals)
          .where(and(eq(equityGoals.localityId, localityId), eq(equityGoals.fiscalYear, fiscalYear)));
        const have = new Set(existing.map((g) => `${g.measure}:${g.subject ?? ''}`));
        const missing = [...suggestedGoals(fiscalYear), parityGoal(fiscalYear)].filter((g) => !have.has(`${g.measure}:${g.subject ?? ''}`));
        if (missing.length > 0) {
          const inserted = await tx
            .insert(equityGoals)
            .values(missing.map((goal) => ({ ...goal, localityId })))
            .returning();
          goals += inserted.length;
          await emitAudit(
            tx,
            inserted.map((row) => ({
              userId: null,
              localityId,
              action: 'create',
              entity: 'equity_goal',
              entityId: row.id,
              after: row,
              reason: 'Demo data loaded',
            })),
          );
        }

        const [context] = await tx
          .select({ population: localityContext.population, deaths: localityContext.overdoseDeaths })
          .from(localityContext)
          .where(and(eq(localityContext.localityId, localityId), eq(localityContext.fiscalYear, fiscalYear)));
        const totals = { population: context?.population ?? null, deaths: context?.deaths ?? null };
        const breakdownRows = [
          ...breakdownsOf(totals, 'race_ethnicity', RACE_GROUPS.map((group, i) => ({ ...group, populationBp: profile.population[i]!, risk: DEATH_RISK[i]! }))),
          ...breakdownsOf(totals, 'area', profile.areas.map(([key, label, populationBp, risk]) => ({ key, label, populationBp, risk }))),
        ].map((row) => ({ localityId, fiscalYear, ...row }));
        breakdowns += (await tx.insert(contextBreakdowns).values(breakdownRows).onConflictDoNothing().returning({ key: contextBreakdowns.groupKey })).length;

        // People served: the largest approved treatment and harm-reduction programs of the year.
        const programs = await queryRows<{ id: number; importKey: string | null; amount: string }>(
          tx,
          sql`
          select a.id, a.import_key as "importKey", a.amount_cents::text as amount
          from allocations a
          where a.locality_id = ${localityId} and a.fiscal_year = ${fiscalYear} and a.status = 'approved' and a.deleted_at is null
            and exists (
              select 1 from allocation_splits s join categories c on c.id = s.category_id
              join frameworks f on f.id = c.framework_id
              where s.allocation_id = a.id and f.key = 'health-first' and c.key in (${sql.join(
                SERVICE_CATEGORIES.map((key) => sql`${key}`),
                sql`, `,
              )})
            )
          order by a.amount_cents desc, a.import_key, a.id
          limit ${PROGRAMS_PER_YEAR}`,
        );
        const partYear = fiscalYear === DEMO_FISCAL_YEARS.at(-1);
        for (const program of programs) {
          const rng = createRng(`${slug}:${fiscalYear}:${program.importKey ?? program.id}:served`);
          // About one person a year for every $600, between 60 and 2,500; the current year is partly counted.
          const people = Math.round(Math.min(2_500, Math.max(60, Number(BigInt(program.amount) / 60_000n))) * (partYear ? 0.4 : 1));
          const weights = profile.population.map((bp, i) => bp * DEATH_RISK[i]! * profile.reach[i]! * rng.int(90, 110));
          const counts = apportion(people, weights);
          const values = RACE_GROUPS.flatMap((group, i) =>
            counts[i]! > 0 ? [{ allocationId: program.id, localityId, fiscalYear, groupKey: group.key, people: counts[i]! }] : [],
          );
          if (values.length > 0) {
            served += (await tx.insert(peopleServed).values(values).onConflictDoNothing().returning({ key: peopleServed.groupKey })).length;
          }
        }
      }
    }
    return { goals, breakdowns, peopleServed: served };
  });
}
