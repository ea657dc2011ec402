import { and, eq, ne, sql } from 'drizzle-orm';
import { queryRows } from '@/lib/data/rows';
import { fiscalQuarterBounds } from '@/lib/equity/trend';
import { fiscalQuarterOf } from '@/lib/fiscal-year';
import type { OutcomeMeasure } from '@/lib/outcomes/measures';
import type { Executor } from '@/db/client';
import { DEMO_FISCAL_YEARS } from '@/db/demo/generate-demo';
import { createRng } from '@/db/demo/prng';
import { localities, programOutcomes } from '@/db/schema';

/**
 * Outcomes for the fictional demo localities: the largest approved programs of each year in categories that count
 * what they do report, quarter by quarter, the counts that quarter's posted spending would buy at a made-up unit cost
 * (so cost per unit is plausible). Every other program that spent money reports nothing and shows "not reported".
 * Housing placements are few, so some quarters fall under 11 and show the suppression. Every figure is made up.
 * Running it twice changes nothing: each outcome has an import key.
 */

interface DemoMeasure {
  measure: OutcomeMeasure;
  /** Cents one unit costs, on average. */
  unitCostCents: bigint;
  custom?: { name: string; unit: string };
}

/** What a program of each health-first category reports (its largest category decides). */
const REPORTED: Readonly<Record<string, readonly DemoMeasure[]>> = {
  naloxone: [
    { measure: 'naloxone_kits', unitCostCents: 4_500n },
    { measure: 'overdose_reversals', unitCostCents: 150_000n },
  ],
  moud: [
    { measure: 'moud_started', unitCostCents: 70_000n },
    { measure: 'moud_retained_90_days', unitCostCents: 110_000n },
  ],
  treatment: [{ measure: 'people_served', unitCostCents: 90_000n }],
  'syringe-services': [{ measure: 'syringes_supplies', unitCostCents: 60n }],
  housing: [{ measure: 'housing_placements', unitCostCents: 450_000n }],
  'crisis-response': [{ measure: 'outreach_contacts', unitCostCents: 22_000n }],
  'recovery-support': [{ measure: 'other', unitCostCents: 9_000n, custom: { name: 'Peer recovery coaching sessions', unit: 'session' } }],
};

const PROGRAMS_PER_YEAR = 8;

export async function seedDemoOutcomes(executor: Executor): Promise<number> {
  return executor.transaction(async (tx) => {
    const demo = await tx
      .select({ id: localities.id, slug: localities.slug, fyStartMonth: localities.fyStartMonth })
      .from(localities)
      .where(and(eq(localities.isDemo, true), ne(localities.kind, 'state')))
      .orderBy(localities.slug);
    let added = 0;
    for (const locality of demo) {
      for (const fiscalYear of DEMO_FISCAL_YEARS) {
        const programs = await queryRows<{ id: number; importKey: string | null; category: string }>(
          tx,
          sql`
            select a.id, a.import_key as "importKey", top.key as category
            from allocations a
            cross join lateral (
              select c.key from allocation_splits s join categories c on c.id = s.category_id
              join frameworks f on f.id = c.framework_id
              where s.allocation_id = a.id and f.key = 'health-first'
              order by s.share_bp desc, c.sort_order limit 1
            ) top
            where a.locality_id = ${locality.id} and a.fiscal_year = ${fiscalYear} and a.status = 'approved' and a.deleted_at is null
              and top.key in (${sql.join(
                Object.keys(REPORTED).map((key) => sql`${key}`),
                sql`, `,
              )})
            order by a.amount_cents desc, a.import_key, a.id
            limit ${PROGRAMS_PER_YEAR}`,
        );
        for (const program of programs) {
          const payments = await queryRows<{ paidOn: string; amount: string }>(
            tx,
            sql`select paid_on::text as "paidOn", amount_cents::text as amount from expenditures
              where allocation_id = ${program.id} and deleted_at is null and posted_at is not null and fiscal_year = ${fiscalYear}`,
          );
          const spentByQuarter = new Map<1 | 2 | 3 | 4, bigint>();
          for (const payment of payments) {
            const quarter = fiscalQuarterOf(payment.paidOn, locality.fyStartMonth);
            spentByQuarter.set(quarter, (spentByQuarter.get(quarter) ?? 0n) + BigInt(payment.amount));
          }
          for (const [quarter, spent] of [...spentByQuarter.entries()].sort(([a], [b]) => a - b)) {
            if (spent <= 0n) continue;
            const period = fiscalQuarterBounds(fiscalYear, locality.fyStartMonth, quarter);
            for (const reported of REPORTED[program.category]!) {
              const rng = createRng(`${locality.slug}:${program.importKey ?? program.id}:${quarter}:${reported.measure}:outcome`);
              const units = (spent * BigInt(rng.int(85, 115))) / (reported.unitCostCents * 100n);
              const inserted = await tx
                .insert(programOutcomes)
                .values({
                  localityId: locality.id,
                  allocationId: program.id,
                  measure: reported.measure,
                  customMeasureName: reported.custom?.name ?? null,
                  unit: reported.custom?.unit ?? null,
                  periodStart: period.start,
                  periodEnd: period.end,
                  units,
                  source: 'Program report (demo)',
                  status: 'approved',
                  decidedAt: new Date(),
                  importKey: `demo-outcome:${program.importKey ?? program.id}:${reported.measure}:${period.end}`,
                })
                .onConflictDoNothing()
                .returning({ id: programOutcomes.id });
              added += inserted.length;
            }
          }
        }
      }
    }
    return added;
  });
}
