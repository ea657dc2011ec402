import { describe, expect, it } from 'vitest';
import { reportDraftsNotice } from './money-drafts-view';

describe('reportDraftsNotice', () => {
  it('names what a report leaves out, in the singular or plural, and says nothing when all is posted', () => {
    expect(reportDraftsNotice({ receipts: 2, payments: 1 }, 2026)).toBe('This report leaves out 2 draft receipts and 1 draft payment of FY2026: they count once posted.');
    expect(reportDraftsNotice({ receipts: 0, payments: 1_200 }, 2025)).toBe('This report leaves out 1,200 draft payments of FY2025: they count once posted.');
    expect(reportDraftsNotice({ receipts: 0, payments: 0 }, 2025)).toBeNull();
  });
});
