import { describe, expect, it } from 'vitest';
import { adminLinks, localityWork, workspaceLede } from './workspace-view';

const counts = { slug: 'cedarholm-county', drafts: 3, submitted: 2, returned: 1 };

describe('localityWork', () => {
  it('gives an editor their drafts and returned lines, linked to the filtered allocations list', () => {
    expect(localityWork({ ...counts, maySubmit: true, mayDecide: false })).toEqual({
      todo: [
        { text: '3 drafts to submit', href: '/staff/l/cedarholm-county/allocations?status=draft' },
        { text: '1 returned line to fix', href: '/staff/l/cedarholm-county/allocations?status=returned' },
      ],
      nothing: null,
    });
  });
  it('gives a reviewer the lines awaiting review, linked to the review queue', () => {
    expect(localityWork({ ...counts, maySubmit: false, mayDecide: true })).toEqual({
      todo: [{ text: '2 lines await your review', href: '/staff/l/cedarholm-county/review' }],
      nothing: null,
    });
    expect(localityWork({ ...counts, submitted: 1, maySubmit: false, mayDecide: true }).todo[0]!.text).toBe(
      '1 line awaits your review',
    );
  });
  it('gives whoever writes money the receipts and payments to post, linked to the drafts of each list', () => {
    const money = { ...counts, drafts: 0, returned: 0, draftReceipts: 1, draftPayments: 4 };
    expect(localityWork({ ...money, maySubmit: true, mayDecide: false, mayPost: true }).todo).toEqual([
      { text: '1 draft receipt to post', href: '/staff/l/cedarholm-county/receipts?posting=draft' },
      { text: '4 draft payments to post', href: '/staff/l/cedarholm-county/expenditures?posting=draft' },
    ]);
    expect(localityWork({ ...money, maySubmit: false, mayDecide: true, mayPost: false }).todo).toEqual([
      { text: '2 lines await your review', href: '/staff/l/cedarholm-county/review' },
    ]);
  });
  it('where the board posts money, gives the board member the drafts awaiting posting, linked to the review page', () => {
    const money = { ...counts, drafts: 0, returned: 0, draftReceipts: 2, draftPayments: 1, moneyNeedsApproval: true };
    expect(localityWork({ ...money, maySubmit: false, mayDecide: true, mayPost: true }).todo).toEqual([
      { text: '2 lines await your review', href: '/staff/l/cedarholm-county/review' },
      { text: '2 receipts and 1 payment await posting', href: '/staff/l/cedarholm-county/review#money-awaiting-posting' },
    ]);
    expect(localityWork({ ...money, submitted: 0, draftReceipts: 0, maySubmit: false, mayDecide: true, mayPost: true }).todo).toEqual([
      { text: '1 payment awaits posting', href: '/staff/l/cedarholm-county/review#money-awaiting-posting' },
    ]);
    // Its editors may not post: nothing to post on their list.
    expect(localityWork({ ...money, maySubmit: true, mayDecide: false, mayPost: false })).toEqual({
      todo: [],
      nothing: 'No drafts to submit and no returned lines to fix.',
    });
    expect(localityWork({ ...money, submitted: 0, draftReceipts: 0, draftPayments: 0, maySubmit: false, mayDecide: true, mayPost: true }).nothing).toBe(
      'No lines await your review, and no receipts or payments await posting.',
    );
  });
  it('uses the singular and leaves out what is zero', () => {
    expect(localityWork({ ...counts, drafts: 1, returned: 0, maySubmit: true, mayDecide: false }).todo).toEqual([
      { text: '1 draft to submit', href: '/staff/l/cedarholm-county/allocations?status=draft' },
    ]);
  });
  it('says so when nothing waits, in the words of the role', () => {
    const none = { slug: 'x', drafts: 0, submitted: 0, returned: 0 };
    expect(localityWork({ ...none, maySubmit: true, mayDecide: false })).toEqual({
      todo: [],
      nothing: 'No drafts to submit and no returned lines to fix.',
    });
    expect(localityWork({ ...none, drafts: 4, maySubmit: false, mayDecide: true }).nothing).toBe('No lines await your review.');
    expect(localityWork({ ...counts, maySubmit: false, mayDecide: false })).toEqual({ todo: [], nothing: null });
  });
});

describe('workspaceLede', () => {
  it('speaks to what the person does', () => {
    expect(workspaceLede({ mayWrite: true, mayDecide: false })).toMatch(/^Record what your locality received/);
    expect(workspaceLede({ mayWrite: false, mayDecide: true })).toMatch(/^Review the lines/);
    expect(workspaceLede({ mayWrite: false, mayDecide: false })).toMatch(/^Read the allocations/);
    expect(workspaceLede({ mayWrite: true, mayDecide: false, siteAdmin: true })).toMatch(/^Add people and localities/);
  });
});

describe('adminLinks', () => {
  it('puts people and localities first for an administrator, and nothing for others', () => {
    expect(adminLinks({ manageUsers: true, siteAdmin: true }).map((l) => l.href)).toEqual(['/staff/users', '/staff/localities']);
    expect(adminLinks({ manageUsers: true, siteAdmin: false }).map((l) => l.href)).toEqual(['/staff/users']);
    expect(adminLinks({ manageUsers: false, siteAdmin: false })).toEqual([]);
  });
});
