import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { splitCentsByShares } from '@/lib/money';
import { emitAudit, withTransaction } from '@/lib/services/context';
import type { Executor } from '@/db/client';
import { DEMO_FISCAL_YEARS, generateDemoData } from '@/db/demo/generate-demo';

/** Overdose deaths per 100,000 residents for the demo localities, in their order. */
const DEMO_DEATH_RATES = [38, 45, 62, 33];
import { seedDemoEquity } from './seed-demo-equity';
import { seedDemoOutcomes } from './seed-demo-outcomes';
import { seedDemoUsers } from './demo-users';
import { HEALTH_FIRST } from '@/db/reference/frameworks';
import {
  allocationSplits,
  allocations,
  categories,
  expenditures,
  frameworks,
  expectedPayments,
  fundingSources,
  localities,
  localityContext,
  receipts,
  recipients,
} from '@/db/schema';

export interface DemoSeedResult {
  localities: number;
  allocations: number;
  expenditures: number;
  receipts: number;
  users: number;
  goals: number;
}

/**
 * Loads the fictional demo localities. Every row has a natural key (slug, recipient name, import key), and rows
 * that exist already are left alone, so running it twice changes nothing.
 */
export async function seedDemoData(executor: Executor): Promise<DemoSeedResult> {
  const demo = generateDemoData();
  // withTransaction: the audit rows' localities are signalled as changed when the seed commits.
  const money = await withTransaction({ db: executor, actor: null }, async ({ db: tx }) => {
    // Parents before children: the demo state comes first.
    const ordered = [...demo.localities].sort((a, b) => Number(a.parentSlug !== null) - Number(b.parentSlug !== null));
    const localityIds = new Map<string, { id: number; fyStartMonth: number }>();
    let newLocalities = 0;
    for (const locality of ordered) {
      const parentId = locality.parentSlug ? localityIds.get(locality.parentSlug)?.id ?? null : null;
      const inserted = await tx
        .insert(localities)
        .values({
          slug: locality.slug,
          name: locality.name,
          kind: locality.kind,
          stateCode: locality.stateCode,
          population: locality.population,
          fyStartMonth: locality.fyStartMonth,
          parentId,
          isDemo: true,
        })
        .onConflictDoNothing()
        .returning({ id: localities.id });
      newLocalities += inserted.length;
      const [row] = await tx
        .select({ id: localities.id, fyStartMonth: localities.fyStartMonth })
        .from(localities)
        .where(eq(localities.slug, locality.slug));
      if (!row) throw new Error(`demo locality ${locality.slug} missing`);
      localityIds.set(locality.slug, row);
    }
    const localityOf = (slug: string) => {
      const found = localityIds.get(slug);
      if (!found) throw new Error(`demo data names unknown locality ${slug}`);
      return found;
    };

    await tx
      .insert(recipients)
      .values(
        demo.recipients.map((r) => ({
          localityId: localityOf(r.localitySlug).id,
          name: r.name,
          type: r.type,
          livedExperienceLed: r.livedExperienceLed,
        })),
      )
      .onConflictDoNothing();
    const recipientRows = await tx
      .select({ id: recipients.id, localityId: recipients.localityId, name: recipients.name })
      .from(recipients)
      .where(inArray(recipients.localityId, [...localityIds.values()].map((l) => l.id)));
    const recipientId = new Map(recipientRows.map((r) => [`${r.localityId}:${r.name}`, r.id]));

    const sourceRows = await tx.select({ id: fundingSources.id, key: fundingSources.key }).from(fundingSources);
    const sourceId = new Map(sourceRows.map((s) => [s.key, s.id]));
    const sourceOf = (key: string) => {
      const id = sourceId.get(key);
      if (id === undefined) throw new Error(`demo data names unknown funding source ${key}; seed reference data first`);
      return id;
    };

    const categoryRows = await tx
      .select({ id: categories.id, key: categories.key })
      .from(categories)
      .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId))
      .where(eq(frameworks.key, HEALTH_FIRST.key));
    const categoryId = new Map(categoryRows.map((c) => [c.key, c.id]));

    const newReceipts = await tx
      .insert(receipts)
      .values(
        demo.receipts.map((r) => {
          const locality = localityOf(r.localitySlug);
          return {
            localityId: locality.id,
            sourceId: sourceOf(r.sourceKey),
            receivedOn: r.receivedOn,
            fiscalYear: fiscalYearOf(r.receivedOn, locality.fyStartMonth),
            amountCents: r.amountCents,
            paymentYear: r.paymentYear,
            note: r.note,
            importKey: r.importKey,
            // The demo's ledger is published: posted, counted on its public pages.
            postedAt: new Date(),
          };
        }),
      )
      .onConflictDoNothing()
      .returning({ id: receipts.id });

    await tx
      .insert(expectedPayments)
      .values(
        demo.expectedPayments.map((e) => ({
          localityId: localityOf(e.localitySlug).id,
          sourceId: sourceOf(e.sourceKey),
          paymentYear: e.paymentYear,
          amountCents: e.amountCents,
          expectedOn: e.expectedOn,
          estimatedOn: e.estimatedOn,
          estimateSource: e.estimateSource,
          importKey: e.importKey,
        })),
      )
      .onConflictDoNothing();

    const newAllocations = await tx
      .insert(allocations)
      .values(
        demo.allocations.map((a) => {
          const locality = localityOf(a.localitySlug);
          const recipient = recipientId.get(`${locality.id}:${a.recipientName}`);
          if (recipient === undefined) throw new Error(`demo allocation ${a.importKey} names unknown recipient`);
          return {
            localityId: locality.id,
            fiscalYear: a.fiscalYear,
            program: a.program,
            description: a.description,
            recipientId: recipient,
            sourceId: sourceOf(a.sourceKey),
            amountCents: a.amountCents,
            status: a.status,
            importKey: a.importKey,
          };
        }),
      )
      .onConflictDoNothing()
      .returning({ id: allocations.id, importKey: allocations.importKey, localityId: allocations.localityId });

    const byKey = new Map(demo.allocations.map((a) => [a.importKey, a]));
    const splitRows = newAllocations.flatMap((row) => {
      const source = byKey.get(row.importKey ?? '');
      if (!source) return [];
      const parts = splitCentsByShares(
        source.amountCents,
        source.splits.map((s) => s.shareBasisPoints),
      );
      return source.splits.map((split, index) => {
        const category = categoryId.get(split.categoryKey);
        if (category === undefined) throw new Error(`demo split names unknown category ${split.categoryKey}`);
        return {
          allocationId: row.id,
          categoryId: category,
          shareBasisPoints: split.shareBasisPoints,
          amountCents: parts[index]!,
        };
      });
    });
    if (splitRows.length > 0) await tx.insert(allocationSplits).values(splitRows);

    const allocationRows = await tx
      .select({ id: allocations.id, importKey: allocations.importKey, localityId: allocations.localityId })
      .from(allocations)
      .where(
        and(
          inArray(allocations.localityId, [...localityIds.values()].map((l) => l.id)),
          isNotNull(allocations.importKey),
        ),
      );
    const allocationByKey = new Map(allocationRows.map((a) => [a.importKey!, a]));
    const startMonthById = new Map([...localityIds.values()].map((l) => [l.id, l.fyStartMonth]));

    const newExpenditures = demo.expenditures.length
      ? await tx
          .insert(expenditures)
          .values(
            demo.expenditures.map((e) => {
              const allocation = allocationByKey.get(e.allocationImportKey);
              if (!allocation) throw new Error(`demo expenditure ${e.importKey} names unknown allocation`);
              return {
                allocationId: allocation.id,
                localityId: allocation.localityId,
                paidOn: e.paidOn,
                fiscalYear: fiscalYearOf(e.paidOn, startMonthById.get(allocation.localityId)!),
                amountCents: e.amountCents,
                description: e.description,
                importKey: e.importKey,
                postedAt: new Date(),
              };
            }),
          )
          .onConflictDoNothing()
          .returning({ id: expenditures.id })
      : [];

    await tx
      .insert(localityContext)
      .values(
        demo.localities
          .filter((l) => l.kind !== 'state')
          .flatMap((l, index) =>
            DEMO_FISCAL_YEARS.map((fiscalYear, yearIndex) => ({
              localityId: localityOf(l.slug).id,
              fiscalYear,
              population: l.population + yearIndex * Math.round(l.population / 200),
              // Deaths per 100,000 residents differ by place and fall a little each year; the current year is not
              // counted yet, as in real health-department data.
              overdoseDeaths:
                fiscalYear === DEMO_FISCAL_YEARS.at(-1)
                  ? null
                  : Math.round((l.population * (DEMO_DEATH_RATES[index % DEMO_DEATH_RATES.length]! - yearIndex * 3)) / 100_000),
              source: 'Fictional demo figures',
            })),
          ),
      )
      .onConflictDoNothing();

    // The public history of a demo line starts with its creation by the demo seed.
    await emitAudit(
      tx,
      newAllocations.map((row) => {
        const source = byKey.get(row.importKey ?? '');
        return {
          userId: null,
          localityId: row.localityId,
          action: 'create',
          entity: 'allocation',
          entityId: row.id,
          after: source ? { ...source, splits: source.splits } : null,
          reason: 'Demo data loaded',
        };
      }),
    );

    return {
      localities: newLocalities,
      allocations: newAllocations.length,
      expenditures: newExpenditures.length,
      receipts: newReceipts.length,
    };
  });
  const equity = await seedDemoEquity(executor);
  await seedDemoOutcomes(executor);
  return { ...money, goals: equity.goals, users: await seedDemoUsers(executor) };
}
