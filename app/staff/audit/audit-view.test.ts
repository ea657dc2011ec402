import { describe, expect, it } from 'vitest';
import type { AuditLogEntry } from '@/lib/data/audit-log';
import { auditCountText, auditExportCells, auditRow, oneRecordTitle } from './audit-view';

const line = { id: 339, program: 'Mobile naloxone van', amountCents: '1525000', status: 'draft', version: 2, submittedBy: null, splits: [] };

function entry(overrides: Partial<AuditLogEntry>): AuditLogEntry {
  return {
    id: '41',
    at: new Date('2026-12-04T14:05:09Z'),
    userName: 'Dana Reyes',
    userEmail: 'dana@county.example',
    role: 'editor',
    localityName: 'Cedarholm County',
    localitySlug: 'cedarholm-county',
    action: 'update',
    entity: 'allocation',
    entityId: '339',
    reason: null,
    before: line,
    after: { ...line, amountCents: '1600000', version: 3, submittedBy: 2 },
    ...overrides,
  };
}

describe('auditRow', () => {
  it('names the record, the person and their role, and the change in money, never the internals', () => {
    const row = auditRow(entry({}));
    expect(row).toMatchObject({
      when: '2026-12-04 14:05 UTC',
      who: 'Dana Reyes, editor',
      action: 'Edited',
      record: "Allocation 'Mobile naloxone van'",
      recordHref: '/staff/l/cedarholm-county/allocations/339',
      historyHref: '/staff/audit?entity=allocation&record=339',
      change: 'Amount: $15,250.00 → $16,000.00',
    });
    expect(row.change).not.toMatch(/version|submittedBy|→ 2/);
  });

  it('lists what a creation set, and names people, payments and receipts as people know them', () => {
    const person = auditRow(entry({ entity: 'user', entityId: '5', action: 'create', before: null, after: { name: 'Sam Ortiz', email: 'sam@county.example', role: 'reviewer', locality: 'Cedarholm County' }, role: 'site_admin', userName: null, userEmail: 'admin@county.example' }));
    expect(person).toMatchObject({
      who: 'admin@county.example, site administrator',
      action: 'Created',
      record: "Person 'Sam Ortiz'",
      recordHref: '/staff/users',
      change: 'Name: Sam Ortiz; Email: sam@county.example; Role: Reviewer; Locality: Cedarholm County',
    });
    expect(auditRow(entry({ entity: 'expenditure', entityId: '7', action: 'create', before: null, after: { amountCents: '250000', paidOn: '2026-03-01', allocation: 'Mobile naloxone van' } }))).toMatchObject({
      record: "Payment of $2,500.00 on 2026-03-01 for 'Mobile naloxone van'",
      recordHref: '/staff/l/cedarholm-county/expenditures/7/edit',
    });
    expect(auditRow(entry({ entity: 'receipt', entityId: '8', action: 'create', before: null, after: { amountCents: '-100', receivedOn: '2026-01-02' } })).record).toBe(
      'Receipt of -$1.00 on 2026-01-02',
    );
  });

  it('says who when no person wrote the row, and falls back to the kind and number', () => {
    const row = auditRow(entry({ userName: null, userEmail: null, role: 'system', entity: 'membership', entityId: '3-4', before: null, after: null, action: 'delete' }));
    expect(row).toMatchObject({ who: 'Abate (automatic)', record: 'Membership #3-4', recordHref: null, change: '', action: 'Deleted' });
  });

  it('writes the same words to the download', () => {
    expect(auditExportCells(auditRow(entry({ reason: 'Vendor quote went up' })))).toEqual([
      '41',
      '2026-12-04 14:05',
      'Dana Reyes, editor',
      'Cedarholm County',
      'Edited',
      "Allocation 'Mobile naloxone van'",
      'Amount: $15,250.00 → $16,000.00',
      'Vendor quote went up',
    ]);
  });
});

describe('audit page words', () => {
  it('counts the changes and the pages', () => {
    expect(auditCountText(1, 1, 1)).toBe('1 change; page 1 of 1.');
    expect(auditCountText(1234, 2, 25)).toBe('1,234 changes; page 2 of 25.');
    expect(auditCountText(0, 1, 1)).toBe('0 changes; page 1 of 1.');
  });

  it('names the one record the log is filtered to, from its newest row or by kind and number', () => {
    const rows = [auditRow(entry({}))];
    expect(oneRecordTitle({ entity: 'allocation', record: '339' }, rows)).toBe("Allocation 'Mobile naloxone van'");
    expect(oneRecordTitle({ entity: 'allocation', record: '9' }, [])).toBe('Allocations #9');
    expect(oneRecordTitle({ entity: 'allocation', record: undefined }, rows)).toBeNull();
    expect(oneRecordTitle({ entity: undefined, record: '339' }, rows)).toBeNull();
  });
});
