import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDriver, useTestDatabase } from '@/db/testing/test-database';
import { createAllocation } from '@/lib/services/allocations/create';
import { createExpenditure } from '@/lib/services/expenditures/create';
import { createReceipt } from '@/lib/services/receipts/create';
import { deleteAllocation } from '@/lib/services/allocations/delete';
import { deleteReceipt } from '@/lib/services/receipts/delete';
import { submitAllocation } from '@/lib/services/allocations/submit';
import { approveForTest, createServiceFixture, type ServiceFixture, useServiceFixture } from '@/lib/services/testing';
import { updateAllocation } from '@/lib/services/allocations/update';
import { getAllocationHistory } from './staff-allocation-history';
import { ALLOCATION_SORT, getStaffAllocation, iterateStaffAllocations, listStaffAllocations } from './staff-allocations';
import { EXPENDITURE_SORT, iterateStaffExpenditures, listStaffExpenditures } from './staff-expenditures';
import { listCategoryOptions, listStaffFiscalYears } from './staff-form-options';
import { escapeLike, MAX_PAGE_SIZE, parseStaffListQuery } from './staff-list-query';
import { iterateStaffReceipts, listStaffReceipts, RECEIPT_SORT } from './staff-receipts';

describe('reading a list view from the URL', () => {
  it('falls back to defaults for anything unknown, and caps the page size', () => {
    const query = parseStaffListQuery(
      { page: '0', size: '100000', sort: 'amount; drop table allocations', dir: 'sideways', fy: '99', status: 'lost', rtype: 'x', category: '-1' },
      ALLOCATION_SORT,
    );
    expect(query).toEqual({
      page: 1,
      pageSize: MAX_PAGE_SIZE,
      sort: 'updatedAt',
      desc: true,
      q: '',
      fy: null,
      status: null,
      category: null,
      recipientType: null,
      allocation: null,
      posting: null,
    });
  });

  it('reads every filter', () => {
    const query = parseStaffListQuery(
      new URLSearchParams('page=3&size=25&sort=amount&dir=asc&q=%20jail%20&fy=2026&status=draft&rtype=law_enforcement&category=7'),
      ALLOCATION_SORT,
    );
    expect(query).toMatchObject({ page: 3, pageSize: 25, sort: 'amount', desc: false, q: 'jail', fy: 2026, status: 'draft', recipientType: 'law_enforcement', category: 7 });
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('100%_\\')).toBe('100\\%\\_\\\\');
  });
});

describeEachDriver('staff lists', (driver) => {
  const { db, f } = useServiceFixture(driver);
  const ids: Record<string, number> = {};

  function allocation(program: string, amount: string, fiscalYear: number, categoryKey: [string, string], extra: Record<string, unknown> = {}) {
    return createAllocation({ db: db(), actor: f.editorA }, {
      localityId: f.localityA,
      fiscalYear,
      program,
      description: `About ${program}`,
      amount,
      recipientMode: 'none',
      splits: [{ categoryId: f.category(...categoryKey), percent: '100' }],
      ...extra,
    });
  }

  beforeAll(async () => {
    ids.jail = (
      await allocation('Jail MOUD', '300', 2026, ['health-first', 'moud'], {
        recipientMode: 'new',
        newRecipientName: 'County Sheriff',
        newRecipientType: 'law_enforcement',
      })
    ).id;
    ids.naloxone = (await allocation('Naloxone 100% free', '200', 2026, ['health-first', 'naloxone'])).id;
    ids.naloxoneNc = (await allocation('Naloxone 100x kits', '100', 2025, ['nc-high-impact', 'naloxone'])).id;
    ids.gone = (await allocation('Deleted line', '999', 2026, ['health-first', 'moud'])).id;
    await deleteAllocation({ db: db(), actor: f.editorA }, { id: ids.gone, version: 1 });
    await submitAllocation({ db: db(), actor: f.editorA }, { id: ids.naloxone, version: 1 });
    // Another locality's line never shows in A's lists.
    await createAllocation({ db: db(), actor: f.editorB }, {
      localityId: f.localityB,
      fiscalYear: 2026,
      program: 'Birch line',
      description: 'x',
      amount: '5',
      recipientMode: 'none',
      splits: [{ categoryId: f.category('health-first', 'moud'), percent: '100' }],
    });
    // Payments are recorded only against approved lines; the lists below read the jail line as a draft again (as a
    // line returned after payments would be), so it is approved only while they are recorded.
    await approveForTest(db(), ids.jail);
    await createExpenditure({ db: db(), actor: f.editorA }, { localityId: f.localityA, allocationId: ids.jail, paidOn: '2025-09-01', amount: '120' });
    await createExpenditure({ db: db(), actor: f.editorA }, { localityId: f.localityA, allocationId: ids.jail, paidOn: '2026-09-01', amount: '(20)' });
    await db().execute(sql`update allocations set status = 'draft', decided_at = null where id = ${ids.jail}`);
  });

  const list = (params: Record<string, string>) => listStaffAllocations(db(), f.localityA, parseStaffListQuery(params, ALLOCATION_SORT));

  it('lists live lines of the locality only, with totals of the whole filtered set', async () => {
    const page = await list({ sort: 'amount', dir: 'desc' });
    expect(page.rows.map((r) => r.program)).toEqual(['Jail MOUD', 'Naloxone 100% free', 'Naloxone 100x kits']);
    expect(page.rowCount).toBe(3);
    expect(page.totals).toEqual({ amountCents: 60_000n, spentCents: 10_000n });
    expect(page.rows[0]).toMatchObject({ spentCents: 10_000n, recipient: 'County Sheriff', recipientType: 'law_enforcement', status: 'draft' });
    expect(page.rows[0]!.categories).toEqual([{ label: expect.stringContaining('Medications for opioid use disorder'), shareBasisPoints: 10000 }]);
  });

  it('pages on the server, and the totals stay those of the filtered set', async () => {
    const first = await list({ sort: 'amount', dir: 'asc', size: '2', page: '1' });
    const second = await list({ sort: 'amount', dir: 'asc', size: '2', page: '2' });
    expect(first.rows.map((r) => r.program)).toEqual(['Naloxone 100x kits', 'Naloxone 100% free']);
    expect(second.rows.map((r) => r.program)).toEqual(['Jail MOUD']);
    expect(second.rowCount).toBe(3);
    expect(second.totals.amountCents).toBe(60_000n);
  });

  it('filters by fiscal year, status, recipient type and category (through the crosswalk too)', async () => {
    expect((await list({ fy: '2025' })).rows.map((r) => r.program)).toEqual(['Naloxone 100x kits']);
    expect((await list({ status: 'submitted' })).rows.map((r) => r.program)).toEqual(['Naloxone 100% free']);
    expect((await list({ rtype: 'law_enforcement' })).totals.amountCents).toBe(30_000n);
    // The NC naloxone line counts under the health-first naloxone category, as the public pages count it.
    const byNaloxone = await list({ category: String(f.category('health-first', 'naloxone')), sort: 'program', dir: 'asc' });
    expect(byNaloxone.rows.map((r) => r.program)).toEqual(['Naloxone 100% free', 'Naloxone 100x kits']);
    expect(byNaloxone.totals.amountCents).toBe(30_000n);
  });

  it('searches program, description and recipient, with wildcards taken literally', async () => {
    expect((await list({ q: '100%' })).rows.map((r) => r.program)).toEqual(['Naloxone 100% free']);
    expect((await list({ q: 'sheriff' })).rows.map((r) => r.program)).toEqual(['Jail MOUD']);
    expect((await list({ q: 'about jail' })).rowCount).toBe(1);
    expect((await list({ q: '_' })).rowCount).toBe(0);
  });

  it('exports the whole filtered set in batches, in the list order', async () => {
    const batches = [];
    for await (const batch of iterateStaffAllocations(db(), f.localityA, parseStaffListQuery({ sort: 'program', dir: 'asc' }, ALLOCATION_SORT), 2)) {
      batches.push(batch.map((r) => r.program));
    }
    expect(batches).toEqual([['Jail MOUD', 'Naloxone 100% free'], ['Naloxone 100x kits']]);
  });

  it('exports by key: deleting lines mid-export neither skips nor repeats a line; one deleted before its batch is left out', async () => {
    const top = await allocation('Top line', '999', 2026, ['health-first', 'moud']);
    const bottom = await allocation('Bottom line', '1', 2026, ['health-first', 'moud']);
    const query = parseStaffListQuery({ sort: 'amount', dir: 'desc' }, ALLOCATION_SORT);
    const programs: string[] = [];
    for await (const batch of iterateStaffAllocations(db(), f.localityA, query, 1)) {
      programs.push(...batch.map((r) => r.program));
      if (programs.length === 1) {
        // Paging by offset would now skip "Jail MOUD": the rows before the cursor moved up by one.
        await deleteAllocation({ db: db(), actor: f.editorA }, { id: top.id, version: 1 });
        await deleteAllocation({ db: db(), actor: f.editorA }, { id: bottom.id, version: 1 });
      }
    }
    expect(programs).toEqual(['Top line', 'Jail MOUD', 'Naloxone 100% free', 'Naloxone 100x kits']);
  });

  it('exports receipts and payments by key in the list order, with the list filters', async () => {
    const early = await createReceipt({ db: db(), actor: f.editorA }, { localityId: f.localityA, sourceId: f.sourceId, receivedOn: '2024-08-01', amount: '7' });
    const late = await createReceipt({ db: db(), actor: f.editorA }, { localityId: f.localityA, sourceId: f.sourceId, receivedOn: '2025-08-01', amount: '8' });
    const receipts = [];
    for await (const batch of iterateStaffReceipts(db(), f.localityA, parseStaffListQuery({ sort: 'receivedOn', dir: 'desc' }, RECEIPT_SORT), 1)) {
      receipts.push(...batch.map((r) => r.id));
    }
    expect(receipts).toEqual([late.id, early.id]);
    const payments = [];
    for await (const batch of iterateStaffExpenditures(db(), f.localityA, parseStaffListQuery({ sort: 'paidOn', dir: 'desc', fy: '2026' }, EXPENDITURE_SORT))) {
      payments.push(...batch.map((r) => [r.paidOn, r.amountCents]));
    }
    expect(payments).toEqual([['2025-09-01', 12_000n]]);
    await deleteReceipt({ db: db(), actor: f.editorA }, { id: early.id, version: 1 });
    await deleteReceipt({ db: db(), actor: f.editorA }, { id: late.id, version: 1 });
  });

  it('hides soft-deleted receipts and expenditures; expenditure filters apply to their allocation', async () => {
    const kept = await createReceipt({ db: db(), actor: f.editorA }, { localityId: f.localityA, sourceId: f.sourceId, receivedOn: '2025-07-01', amount: '1,000' });
    const gone = await createReceipt({ db: db(), actor: f.editorA }, { localityId: f.localityA, sourceId: f.sourceId, receivedOn: '2025-07-02', amount: '5' });
    await deleteReceipt({ db: db(), actor: f.editorA }, { id: gone.id, version: 1 });
    const receipts = await listStaffReceipts(db(), f.localityA, parseStaffListQuery({}, RECEIPT_SORT));
    expect(receipts.rows.map((r) => r.id)).toEqual([kept.id]);
    expect(receipts.totals.amountCents).toBe(100_000n);

    const spending = await listStaffExpenditures(db(), f.localityA, parseStaffListQuery({ sort: 'paidOn', dir: 'asc' }, EXPENDITURE_SORT));
    expect(spending.rows.map((r) => [r.paidOn, r.fiscalYear, r.amountCents])).toEqual([
      ['2025-09-01', 2026, 12_000n],
      ['2026-09-01', 2027, -2_000n],
    ]);
    expect(spending.totals.amountCents).toBe(10_000n);
    expect((await listStaffExpenditures(db(), f.localityA, parseStaffListQuery({ fy: '2027' }, EXPENDITURE_SORT))).rowCount).toBe(1);
    expect((await listStaffExpenditures(db(), f.localityA, parseStaffListQuery({ rtype: 'other' }, EXPENDITURE_SORT))).rowCount).toBe(0);
    expect(await listStaffFiscalYears(db(), f.localityA)).toEqual([2027, 2026, 2025]);
  });

  it('reads one allocation for its page, only within its own locality', async () => {
    const detail = await getStaffAllocation(db(), f.localityA, ids.jail!);
    expect(detail).toMatchObject({ program: 'Jail MOUD', amountCents: 30_000n, spentCents: 10_000n, updatedBy: 'Ana Editor' });
    expect(await getStaffAllocation(db(), f.localityB, ids.jail!)).toBeNull();
    expect(await getStaffAllocation(db(), f.localityA, ids.gone!)).toBeNull();
  });

  it('tells an allocation’s history: who, when, what changed, and why', async () => {
    const categoriesOfA = await listCategoryOptions(db(), f.localityA);
    expect(new Set(categoriesOfA.map((c) => c.frameworkKey))).toEqual(new Set(['health-first', 'exhibit-e', 'nc-high-impact']));
    await updateAllocation({ db: db(), actor: f.secondEditorA }, {
      id: ids.naloxoneNc,
      version: 1,
      fiscalYear: 2025,
      program: 'Naloxone 100x kits',
      description: 'About Naloxone 100x kits',
      amount: '150',
      recipientMode: 'none',
      splits: [
        { categoryId: f.category('health-first', 'naloxone'), percent: '50' },
        { categoryId: f.category('health-first', 'hr-education'), percent: '50' },
      ],
    });
    const history = await getAllocationHistory(db(), f.localityA, ids.naloxoneNc!);
    expect(history.map((h) => [h.actionLabel, h.who])).toEqual([
      ['Created', 'Ana Editor'],
      ['Edited', 'ben@alder.test'],
    ]);
    expect(history[1]!.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Amount', '$100.00', '$150.00'],
      ['Categories', '7. Naloxone distribution 100%', 'Naloxone distribution and training 50%; Harm-reduction education 50%'],
    ]);
    expect(history[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    expect(await getAllocationHistory(db(), f.localityB, ids.naloxoneNc!)).toEqual([]);
  });
});

describeEachDriver('a multi-year authorization in the staff allocations list', (driver) => {
  const { db } = useTestDatabase(driver);
  let f: ServiceFixture;

  beforeAll(async () => {
    f = await createServiceFixture(db());
    const base = {
      localityId: f.localityA,
      description: 'Authorized by the board for several years',
      recipientMode: 'none',
      splits: [{ categoryId: f.category('health-first', 'moud'), percent: '100' }],
    };
    await createAllocation({ db: db(), actor: f.editorA }, { ...base, fiscalYear: 2025, lastFiscalYear: 2029, program: 'Jail MOUD, five years', amount: '500000' });
    await createAllocation({ db: db(), actor: f.editorA }, { ...base, fiscalYear: 2027, program: 'Naloxone vending', amount: '20000' });
  });

  const list = (params: Record<string, string>) => listStaffAllocations(db(), f.localityA, parseStaffListQuery(params, ALLOCATION_SORT));

  it('is listed in every year it covers and in no other', async () => {
    for (const fy of ['2025', '2026', '2029']) {
      expect((await list({ fy })).rows.map((r) => [r.program, r.fiscalYear, r.lastFiscalYear])).toContainEqual(['Jail MOUD, five years', 2025, 2029]);
    }
    expect((await list({ fy: '2024' })).rowCount).toBe(0);
    expect((await list({ fy: '2030' })).rowCount).toBe(0);
  });

  it('counts its amount once, in its first year, so the years add up to what was authorized', async () => {
    const totals = await Promise.all(['2025', '2026', '2027', '2028', '2029'].map(async (fy) => (await list({ fy })).totals.amountCents));
    expect(totals).toEqual([50_000_000n, 0n, 2_000_000n, 0n, 0n]);
    expect((await list({})).totals.amountCents).toBe(52_000_000n);
    expect((await list({ fy: '2027' })).rows.map((r) => r.program).sort()).toEqual(['Jail MOUD, five years', 'Naloxone vending']);
  });
});
