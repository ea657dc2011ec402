import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { localities } from '@/db/schema';
import { seedReferenceData } from '@/db/seed/reference';
import { createTestDatabase, describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { listHomeLocalities, type HomeQuery } from './home-localities';
import { rawLocalitiesWithTotals } from './testing/locality-totals-oracle';
import { queryRows } from './rows';

const FY = 2026;

describeEachDriver('home page localities: paging, search, filter, sort and the totals over all', (driver) => {
  let database: TestDatabase;
  let db: Database;
  const ids = new Map<string, number>();
  const query = (change: Partial<HomeQuery> = {}): HomeQuery => ({
    fiscalYear: FY,
    page: 1,
    pageSize: 3,
    q: '',
    reported: 'all',
    sort: 'name',
    ...change,
  });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.handle.db;
    await seedReferenceData(db);
    const [state] = await db
      .insert(localities)
      .values({ slug: 'zed-state', name: 'Zed State', kind: 'state', stateCode: 'ZZ' })
      .returning({ id: localities.id });
    // Eight leaf localities under a state (which the home page leaves out: it has sub-localities).
    const names = ['Ash County', 'Birch City', 'Cedar 100% County', 'Dogwood City', 'Elm County', 'Fir City', 'Gum County', 'Hazel City'];
    for (const [i, name] of names.entries()) {
      const [row] = await db
        .insert(localities)
        .values({ slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, kind: 'county', stateCode: 'ZZ', parentId: state!.id })
        .returning({ id: localities.id });
      ids.set(name, row!.id);
      const [source] = await queryRows<{ id: number }>(db, sql`select id from funding_sources order by id limit 1`);
      await db.execute(sql`insert into receipts (locality_id, source_id, received_on, fiscal_year, amount_cents, posted_at)
                           values (${row!.id}, ${source!.id}, '2026-01-10', ${FY}, ${(i + 1) * 1_000_00}, now())`);
      // Every other locality has an approved line, so half have reported.
      if (i % 2 === 0) {
        await db.execute(sql`insert into allocations (locality_id, fiscal_year, program, amount_cents, status)
                             values (${row!.id}, ${FY}, 'Naloxone', ${(10 - i) * 500_00}, 'approved')`);
      }
    }
    // The state's own money is not in any leaf, so it is not in the home page's totals either.
    await db.execute(sql`insert into allocations (locality_id, fiscal_year, program, amount_cents, status)
                         values (${state!.id}, ${FY}, 'State line', 99999900, 'approved')`);
  });
  afterAll(() => database?.drop());

  it('pages by name, and a page past the end shows the last one', async () => {
    const first = await listHomeLocalities(db, query());
    expect(first.matching).toBe(8);
    expect(first.pageCount).toBe(3);
    expect(first.rows.map((r) => r.name)).toEqual(['Ash County', 'Birch City', 'Cedar 100% County']);
    const second = await listHomeLocalities(db, query({ page: 2 }));
    expect(second.rows.map((r) => r.name)).toEqual(['Dogwood City', 'Elm County', 'Fir City']);
    const beyond = await listHomeLocalities(db, query({ page: 99 }));
    expect(beyond.page).toBe(3);
    expect(beyond.rows.map((r) => r.name)).toEqual(['Gum County', 'Hazel City']);
  });

  it('the "All localities" figures cover every leaf locality, whatever the page, search or filter', async () => {
    const raw = await rawLocalitiesWithTotals(db, FY);
    const leaves = raw.filter((r) => [...ids.values()].includes(r.id));
    const sum = (key: 'received' | 'allocated' | 'spent') => leaves.reduce((total, r) => total + BigInt(r[key]), 0n);
    for (const change of [{}, { page: 3 }, { q: 'city' }, { reported: 'no' as const }, { sort: 'spent' as const }]) {
      const { all } = await listHomeLocalities(db, query(change));
      expect(all.localities, JSON.stringify(change)).toBe(8);
      expect([all.receivedCents, all.allocatedCents, all.spentCents]).toEqual([sum('received'), sum('allocated'), sum('spent')]);
      expect(all.approvedLines).toBe(4);
      expect(all.notReported).toBe(4);
      expect(all.notReportedNames).toEqual(['Birch City', 'Dogwood City', 'Fir City', 'Hazel City']);
    }
  });

  it('searches names in any case, with % taken literally, and filters by reported', async () => {
    expect((await listHomeLocalities(db, query({ q: 'CITY', pageSize: 50 }))).rows.map((r) => r.name)).toEqual([
      'Birch City',
      'Dogwood City',
      'Fir City',
      'Hazel City',
    ]);
    expect((await listHomeLocalities(db, query({ q: '100%' }))).rows.map((r) => r.name)).toEqual(['Cedar 100% County']);
    expect((await listHomeLocalities(db, query({ q: '%' }))).matching).toBe(1);
    const none = await listHomeLocalities(db, query({ q: 'nowhere' }));
    expect([none.matching, none.rows.length, none.pageCount, none.page]).toEqual([0, 0, 1, 1]);
    const notReported = await listHomeLocalities(db, query({ reported: 'no', pageSize: 50 }));
    expect(notReported.rows.map((r) => r.name)).toEqual(['Birch City', 'Dogwood City', 'Fir City', 'Hazel City']);
    expect(notReported.rows.every((r) => r.approvedLines === 0)).toBe(true);
    const reported = await listHomeLocalities(db, query({ reported: 'yes', q: 'county', pageSize: 50 }));
    expect(reported.rows.map((r) => r.name)).toEqual(['Ash County', 'Cedar 100% County', 'Elm County', 'Gum County']);
  });

  it('sorts by a money column, biggest first, across pages', async () => {
    const all = [
      ...(await listHomeLocalities(db, query({ sort: 'received' }))).rows,
      ...(await listHomeLocalities(db, query({ sort: 'received', page: 2 }))).rows,
      ...(await listHomeLocalities(db, query({ sort: 'received', page: 3 }))).rows,
    ];
    expect(all.map((r) => r.name)).toEqual(['Hazel City', 'Gum County', 'Fir City', 'Elm County', 'Dogwood City', 'Cedar 100% County', 'Birch City', 'Ash County']);
    const allocated = (await listHomeLocalities(db, query({ sort: 'allocated', pageSize: 2 }))).rows;
    expect(allocated.map((r) => [r.name, r.allocatedCents])).toEqual([
      ['Ash County', 5_000_00n],
      ['Cedar 100% County', 4_000_00n],
    ]);
  });
});
