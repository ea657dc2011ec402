import { expect, it } from 'vitest';
import { describeEachDriver } from '@/db/testing/test-database';
import { createExpenditure } from '@/lib/services/expenditures/create';
import { deleteExpenditure } from '@/lib/services/expenditures/delete';
import { addFormAllocation, useServiceFixture } from '@/lib/services/testing';
import { listAllocationOptions } from './staff-form-options';

describeEachDriver('the payment form’s allocation choices', (driver) => {
  const { db, f } = useServiceFixture(driver);
  const line = (program: string, amount: string, approve: boolean) => addFormAllocation(db(), f, program, amount, approve);

  it('offers approved lines with what remains after their live payments (a deleted payment does not count)', async () => {
    const approved = await line('Naloxone kits', '1,000', true);
    const draft = await line('Draft line', '50', false);
    await createExpenditure({ db: db(), actor: f.editorA }, { localityId: f.localityA, allocationId: approved, paidOn: '2025-03-01', amount: '250.50' });
    const gone = await createExpenditure({ db: db(), actor: f.editorA }, { localityId: f.localityA, allocationId: approved, paidOn: '2025-03-02', amount: '100' });
    await deleteExpenditure({ db: db(), actor: f.editorA }, { id: gone.id, version: 1, reason: 'Entered twice.' });

    const options = await listAllocationOptions(db(), f.localityA);
    expect(options.map((o) => o.id)).toEqual([approved]);
    expect(options[0]).toMatchObject({ program: 'Naloxone kits', fiscalYear: 2025, recipient: null, amountCents: '100000', remainingCents: '74950' });
    // On an edit, the payment's own line is offered whatever its status.
    expect((await listAllocationOptions(db(), f.localityA, draft)).map((o) => o.id).sort()).toEqual([approved, draft].sort());
  });
});
