import { describe, expect, it } from 'vitest';
import type { StaffAllocationDetail } from '@/lib/data/staff-allocations';
import { allocationFacts, isEditable, nextStepText } from './allocation-detail-view';

const allocation: StaffAllocationDetail = {
  id: 12,
  localityId: 1,
  fiscalYear: 2026,
  lastFiscalYear: null,
  program: 'Mobile naloxone van',
  description: 'A van that brings naloxone to the county’s towns.',
  status: 'approved',
  amountCents: 1_525_000n,
  spentCents: 40_050n,
  version: 4,
  recipient: { id: 3, name: 'Harbor Health', type: 'unknown-kind', livedExperienceLed: false },
  source: { id: 2, name: 'Distributors settlement' },
  splits: [],
  createdAt: '2026-01-01 09:00 UTC',
  updatedAt: '2026-01-03 11:00 UTC',
  updatedBy: 'Dana Reyes',
  submittedBy: { id: 5, name: 'Ed Editor' },
  submittedAt: '2026-01-02 10:00 UTC',
  decidedBy: 'Vi Reviewer',
  decidedAt: '2026-01-03 11:00 UTC',
  decisionReason: 'Fits the plan',
};

describe('allocation detail view', () => {
  it('states the facts of a decided line', () => {
    expect(allocationFacts(allocation)).toEqual({
      fiscalYear: 'FY2026',
      amountCents: '1525000',
      amount: '$15,250.00',
      spentCents: '40050',
      spent: '$400.50',
      recipient: { name: 'Harbor Health', kind: 'unknown-kind' },
      source: 'Distributors settlement',
      description: 'A van that brings naloxone to the county’s towns.',
      lastChanged: '2026-01-03 11:00 UTC by Dana Reyes',
      submitted: '2026-01-02 10:00 UTC by Ed Editor',
      decided: { label: 'Approved', text: '2026-01-03 11:00 UTC by Vi Reviewer: “Fits the plan”' },
    });
  });

  it('says where a multi-year line counts, and leaves out what a new draft does not have', () => {
    const draft = allocationFacts({
      ...allocation,
      status: 'draft',
      lastFiscalYear: 2028,
      recipient: null,
      source: null,
      description: '',
      updatedBy: null,
      submittedAt: null,
      submittedBy: null,
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
    });
    expect(draft).toMatchObject({
      fiscalYear: 'FY2026–FY2028 (one multi-year line; its amount counts in FY2026)',
      recipient: null,
      source: null,
      description: null,
      lastChanged: '2026-01-03 11:00 UTC',
      submitted: null,
      decided: null,
    });
  });

  it('names a return, with no reason when none was given', () => {
    expect(allocationFacts({ ...allocation, status: 'returned', decisionReason: null }).decided).toEqual({
      label: 'Returned',
      text: '2026-01-03 11:00 UTC by Vi Reviewer',
    });
  });

  it('lets drafts and returned lines be edited, not submitted or approved ones', () => {
    expect(['draft', 'returned', 'submitted', 'approved'].map((s) => isEditable(s as StaffAllocationDetail['status']))).toEqual([true, true, false, false]);
    expect(nextStepText(true)).toMatch(/^Drafts and returned lines can be edited/);
    expect(nextStepText(false)).toMatch(/^A submitted or approved line cannot be changed/);
  });
});
