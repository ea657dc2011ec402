import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { describeEachDriver, type TestDatabase } from '@/db/testing/test-database';
import { queryRows } from '@/lib/data/rows';
import { cliActor } from './actor';
import { commitAllocationImport, previewAllocationImport } from './allocations';
import { commitExpenditureImport } from './expenditures';
import { createImportDatabase, csv, TODAY } from './testing';

/**
 * The cost type column (issue #13): the Massachusetts municipal report's line items carry a cost type (Salaries …
 * Administrative costs) and North Carolina asks for audit costs apart, so a county's own report with a "Cost Type"
 * column imports it onto the lines and the payments, without a map.
 */

// Shaped like a town's FY2025 line-item report: title rows, then Line Item | Strategy | Cost Type | Expended.
const LINE_ITEMS = csv([
  'Town of Testham',
  'FY2025 Opioid Abatement Municipal Report - Line Items',
  '',
  'Line Item,Strategy,Cost Type,Expended',
  'Recovery coach,Support People in Treatment and Recovery,Salaries,"$52,000.00"',
  'Bridge clinic contract,Opioid Use Disorder Treatment,Subcontracts,"$80,000.00"',
  'Naloxone kits,Harm Reduction,program supplies,"$6,400.00"',
  'Annual audit of the fund,Administrative Costs,Audit,"$2,500.00"',
  'Listening session,Other,,"$900.00"',
]);

describeEachDriver('cost type in imports', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let townId: number;

  async function linesByProgram(): Promise<Record<string, string | null>> {
    const rows = await queryRows<{ program: string; costType: string | null }>(
      db,
      sql`select program, cost_type::text as "costType" from allocations where locality_id = ${townId} and deleted_at is null order by id`,
    );
    return Object.fromEntries(rows.map((row) => [row.program, row.costType]));
  }

  beforeAll(async () => {
    ({ database, db, localityIds: [townId] } = await createImportDatabase(driver, [
      { slug: 'testham', name: 'Town of Testham', kind: 'town', stateCode: 'MA', fyStartMonth: 7 },
    ]));
  });
  afterAll(() => database?.drop());

  it('maps a "Cost Type" column by itself and stores each line’s cost type, empty as none', async () => {
    const preview = await previewAllocationImport({ db, actor: cliActor() }, { localityId: townId, fileName: 'line-items.csv', bytes: LINE_ITEMS, today: TODAY });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.mapping['Cost Type']).toBe('cost_type');
    expect(preview.errors).toEqual([]);
    expect(preview.create.map((line) => [line.program, line.costType])).toEqual([
      ['Recovery coach', 'salaries'],
      ['Bridge clinic contract', 'subcontracts'],
      ['Naloxone kits', 'program_supplies'],
      ['Annual audit of the fund', 'audit'],
      ['Listening session', null],
    ]);

    const result = await commitAllocationImport({ db, actor: cliActor() }, { localityId: townId, fileName: 'line-items.csv', bytes: LINE_ITEMS, today: TODAY });
    if (!result.ok) throw new Error(`${result.reason} ${JSON.stringify(result.errors)}`);
    expect(await linesByProgram()).toEqual({
      'Recovery coach': 'salaries',
      'Bridge clinic contract': 'subcontracts',
      'Naloxone kits': 'program_supplies',
      'Annual audit of the fund': 'audit',
      'Listening session': null,
    });
    // The audit row says what was stored.
    const [audited] = await queryRows<{ costType: string | null }>(
      db,
      sql`select after->>'costType' as "costType" from audit_log
          where entity = 'allocation' and action = 'create' and after->>'program' = 'Annual audit of the fund'`,
    );
    expect(audited?.costType).toBe('audit');
  });

  it('refuses a cost type it does not know, naming the row, the column and the choices, and writes nothing', async () => {
    const before = await linesByProgram();
    const bad = csv([
      'Fiscal Year,Program,Cost Type,Amount',
      '2026,Peer support,Salaries,"$1,000.00"',
      '2026,Coffee for volunteers,Snacks,$120.00',
    ]);
    const result = await commitAllocationImport({ db, actor: cliActor() }, { localityId: townId, fileName: 'bad.csv', bytes: bad, today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'Cost Type',
        value: 'Snacks',
        reason: expect.stringMatching(/^"Snacks" is not a cost type\. Use one of "Salaries", "Subcontracts", .*"Audit costs", or leave it empty\.$/),
      },
    ]);
    expect(await linesByProgram()).toEqual(before);
  });

  it('a re-import changes a draft line’s cost type and says so; a file without the column keeps it', async () => {
    const changed = new TextDecoder().decode(LINE_ITEMS).replace('Naloxone kits,Harm Reduction,program supplies', 'Naloxone kits,Harm Reduction,Program support');
    const bytes = new TextEncoder().encode(changed);
    const preview = await previewAllocationImport({ db, actor: cliActor() }, { localityId: townId, fileName: 'line-items.csv', bytes, today: TODAY });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.update.map((update) => [update.program, update.changes])).toEqual([
      ['Naloxone kits', [{ field: 'cost type', before: 'Program supplies', after: 'Program support' }]],
    ]);
    const result = await commitAllocationImport({ db, actor: cliActor() }, { localityId: townId, fileName: 'line-items.csv', bytes, today: TODAY });
    if (!result.ok) throw new Error(`${result.reason} ${JSON.stringify(result.errors)}`);
    expect((await linesByProgram())['Naloxone kits']).toBe('program_support');

    const withoutColumn = csv([
      'Town of Testham',
      'FY2025 Opioid Abatement Municipal Report - Line Items',
      'Line Item,Strategy,Expended',
      'Naloxone kits,Harm Reduction,"$6,400.00"',
    ]);
    const again = await previewAllocationImport({ db, actor: cliActor() }, { localityId: townId, fileName: 'no-cost-type.csv', bytes: withoutColumn, today: TODAY });
    if (!again.ok) throw new Error(again.reason);
    expect(again.update).toEqual([]);
  });

  it('imports a payment’s cost type from an expenditures report, empty as none', async () => {
    const payments = csv([
      'Date,Program,Amount,Cost Type,Description',
      '2025-03-14,Recovery coach,"$4,333.33",Salaries,March payroll',
      '2025-03-31,Bridge clinic contract,"$20,000.00",,Q3 invoice',
      '2025-04-02,Naloxone kits,$640.00,Pizza,Kits',
    ]);
    // The lines were imported from a report of spending only (allocated what was spent): approve them and budget
    // more, so the payments are within what remains (lib/services/expenditures/guardrails.ts).
    await db.transaction(async (tx) => {
      await tx.execute(sql`update allocations set status = 'approved', amount_cents = amount_cents * 2 where locality_id = ${townId}`);
      await tx.execute(sql`update allocation_splits s set amount_cents = s.amount_cents * 2
                           from allocations a where a.id = s.allocation_id and a.locality_id = ${townId}`);
    });
    const refused = await commitExpenditureImport({ db, actor: cliActor() }, { localityId: townId, fileName: 'payments.csv', bytes: payments });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors).toEqual([{ row: 4, column: 'Cost Type', value: 'Pizza', reason: expect.stringContaining('"Pizza" is not a cost type') }]);

    const fixed = new TextEncoder().encode(new TextDecoder().decode(payments).replace('Pizza', 'Program supplies'));
    const result = await commitExpenditureImport({ db, actor: cliActor() }, { localityId: townId, fileName: 'payments.csv', bytes: fixed });
    if (!result.ok) throw new Error(`${result.reason} ${JSON.stringify(result.errors)}`);
    const stored = await queryRows<{ description: string; costType: string | null }>(
      db,
      sql`select description, cost_type::text as "costType" from expenditures
          where locality_id = ${townId} and import_key not like '%:spent' order by paid_on`,
    );
    expect(stored).toEqual([
      { description: 'March payroll', costType: 'salaries' },
      { description: 'Q3 invoice', costType: null },
      { description: 'Kits', costType: 'program_supplies' },
    ]);
  });
});
