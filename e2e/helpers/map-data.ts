/**
 * Real places for the map (e2e/map.spec.ts): the demo's localities are fictional and have no Census FIPS code, so
 * nothing of theirs can be drawn. e2e/serve.ts adds four North Carolina counties and a town inside one of them, with
 * their real FIPS codes and made-up figures (marked as demo data): residents and overdose deaths for FY2026 (one
 * county with fewer than 11 deaths, to show suppression), a posted receipt, and an approved line with a payment.
 * Orange County has the town as a sub-locality, so it is not a leaf: it is drawn plain, and the town is a point at
 * its centre. Every name sorts after "Cedarholm County (demo)", the first locality other specs open.
 *
 * Written straight to the tables, like the demo seed: the database keeps locality_year_totals itself.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { allocationSplits, allocations, categories, expenditures, frameworks, fundingSources, localities, localityContext, receipts } from '../../db/schema';

const FY = 2026;

interface MapLocality {
  slug: string;
  name: string;
  kind: 'county' | 'town';
  fips: string;
  population: number;
  deaths: number | null;
  parent?: string;
  /** Received, allocated and spent in FY2026, in dollars; absent for a locality with no money recorded. */
  money?: { received: number; allocated: number; spent: number; category: string };
}

export const MAP_LOCALITIES: readonly MapLocality[] = [
  { slug: 'durham-county-nc', name: 'Durham County', kind: 'county', fips: '37063', population: 330_000, deaths: 120, money: { received: 2_000_000, allocated: 1_200_000, spent: 660_000, category: 'naloxone' } },
  { slug: 'wake-county-nc', name: 'Wake County', kind: 'county', fips: '37183', population: 1_150_000, deaths: 250, money: { received: 5_000_000, allocated: 3_000_000, spent: 920_000, category: 'moud' } },
  { slug: 'chatham-county-nc', name: 'Chatham County', kind: 'county', fips: '37037', population: 77_000, deaths: 7, money: { received: 600_000, allocated: 400_000, spent: 150_000, category: 'naloxone' } },
  { slug: 'orange-county-nc', name: 'Orange County', kind: 'county', fips: '37135', population: 150_000, deaths: 30 },
  { slug: 'chapel-hill-nc', name: 'Chapel Hill', kind: 'town', fips: '3711800', population: 61_000, deaths: null, parent: 'orange-county-nc', money: { received: 300_000, allocated: 250_000, spent: 50_000, category: 'moud' } },
];

export async function seedMapData(db: Database): Promise<void> {
  const [source] = await db.select({ id: fundingSources.id }).from(fundingSources).limit(1);
  const ids = new Map<string, number>();
  for (const place of MAP_LOCALITIES) {
    const [row] = await db
      .insert(localities)
      .values({
        slug: place.slug,
        name: place.name,
        kind: place.kind,
        stateCode: 'NC',
        fips: place.fips,
        population: place.population,
        parentId: place.parent ? ids.get(place.parent) : null,
        isDemo: true,
      })
      .returning({ id: localities.id });
    const localityId = row!.id;
    ids.set(place.slug, localityId);
    await db.insert(localityContext).values({
      localityId,
      fiscalYear: FY,
      population: place.population,
      overdoseDeaths: place.deaths,
      source: 'Made-up figures for the map test',
    });
    if (!place.money) continue;
    const [category] = await db
      .select({ id: categories.id })
      .from(categories)
      .innerJoin(frameworks, eq(frameworks.id, categories.frameworkId))
      .where(and(eq(frameworks.key, 'health-first'), eq(categories.key, place.money.category)));
    const cents = (dollars: number) => BigInt(dollars) * 100n;
    await db.insert(receipts).values({
      localityId,
      sourceId: source!.id,
      receivedOn: '2025-09-15',
      fiscalYear: FY,
      amountCents: cents(place.money.received),
      postedAt: new Date(),
    });
    const [line] = await db
      .insert(allocations)
      .values({
        localityId,
        fiscalYear: FY,
        program: `${place.money.category === 'moud' ? 'MOUD' : 'Naloxone'} program`,
        sourceId: source!.id,
        amountCents: cents(place.money.allocated),
        status: 'approved',
        decidedAt: new Date(),
      })
      .returning({ id: allocations.id });
    await db.insert(allocationSplits).values({
      allocationId: line!.id,
      categoryId: category!.id,
      shareBasisPoints: 10_000,
      amountCents: cents(place.money.allocated),
    });
    await db.insert(expenditures).values({
      allocationId: line!.id,
      localityId,
      paidOn: '2025-11-01',
      fiscalYear: FY,
      amountCents: cents(place.money.spent),
      postedAt: new Date(),
    });
  }
}
