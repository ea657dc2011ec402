import { describe, expect, it } from 'vitest';
import type { PublicDecision, PublicDecisionsPage } from '@/lib/data/public-decisions';
import { wordsFor } from '@/lib/i18n/testing';
import { decisionRows, decisionYears, decisionsHref, decisionsPagerHrefs, decisionsSummary, parseDecisionsQuery } from './decisions-view';

const decision = (over: Partial<PublicDecision>): PublicDecision => ({
  id: '1',
  allocationId: 7,
  program: 'Naloxone kits',
  amountCents: 4_000_000n,
  fiscalYear: 2026,
  decision: 'approve',
  reason: 'Saves lives.',
  decidedBy: 'reviewer',
  decidedOn: '2026-03-02',
  linePublic: true,
  ...over,
});

const en = wordsFor('en');
const es = wordsFor('es');

const page = (over: Partial<PublicDecisionsPage>): PublicDecisionsPage => ({
  rows: [],
  total: 0,
  approvals: 0,
  returns: 0,
  page: 1,
  pageCount: 1,
  pageSize: 50,
  years: [],
  ...over,
});

describe('the public decisions page, in words', () => {
  it('reads the filters from the URL and ignores what it does not know', () => {
    expect(parseDecisionsQuery({ fy: '2026', decision: 'return', page: '3' })).toEqual({ fiscalYear: 2026, decision: 'return', page: 3 });
    expect(parseDecisionsQuery({ fy: 'x', decision: 'delete', page: '0' })).toEqual({ page: 1 });
    expect(parseDecisionsQuery({ fy: ['2025', '2026'], page: '-2' })).toEqual({ fiscalYear: 2025, page: 1 });
    expect(decisionsHref('alder', { page: 1 })).toBe('/l/alder/decisions');
    expect(decisionsHref('alder', { fiscalYear: 2026, decision: 'approve', page: 2 })).toBe('/l/alder/decisions?fy=2026&decision=approve&page=2');
  });

  it('links a line only while it is public, gives the role in words and the amount to the cent', () => {
    const rows = decisionRows('alder', page({ rows: [decision({}), decision({ id: '2', decision: 'return', linePublic: false, reason: null, decidedBy: 'admin', fiscalYear: null, amountCents: 1_000_001n })] }), en);
    expect(rows.map((r) => [r.href, r.decision, r.decidedBy, r.reason, r.fiscalYear, r.amount])).toEqual([
      ['/l/alder/lines/7', 'Approved', 'Oversight board member (reviewer)', 'Saves lives.', 'FY2026', '$40,000.00'],
      [null, 'Returned', 'Locality administrator', null, '—', '$10,000.01'],
    ]);
  });

  it('says how many decisions there are and which are shown', () => {
    expect(decisionsSummary(page({}), { page: 1 }, en)).toBe('The board has not approved or returned any line yet.');
    expect(decisionsSummary(page({}), { fiscalYear: 2027, page: 1 }, en)).toBe('The board has not approved or returned any FY2027 line.');
    expect(decisionsSummary(page({ total: 3, approvals: 2, returns: 1, rows: [decision({})] }), { page: 1 }, en)).toBe(
      '2 approvals and 1 return. Showing all, newest first.',
    );
    expect(decisionsSummary(page({ total: 1, approvals: 0, returns: 1 }), { fiscalYear: 2026, decision: 'return', page: 1 }, en)).toBe(
      '0 approvals and 1 return on FY2026 lines. Showing the returns, newest first.',
    );
    expect(decisionsSummary(page({ total: 0, approvals: 2, returns: 0 }), { decision: 'return', page: 1 }, en)).toBe('2 approvals and 0 returns. None matches the filter.');
    expect(
      decisionsSummary(page({ total: 120, approvals: 100, returns: 20, page: 3, pageCount: 3, rows: Array.from({ length: 20 }, () => decision({})) }), { page: 3 }, en),
    ).toBe('100 approvals and 20 returns. Showing decisions 101–120 of 120, newest first.');
  });

  it('says the same in Spanish, with Spanish roles and plurals, and US-Spanish money and numbers', () => {
    const rows = decisionRows('alder', page({ rows: [decision({}), decision({ id: '2', decision: 'return', linePublic: false, decidedBy: 'editor', fiscalYear: null, amountCents: 123_456_789n })] }), es);
    expect(rows.map((r) => [r.href, r.decision, r.decidedBy, r.fiscalYear, r.amount])).toEqual([
      // The line page is translated too: its link stays Spanish (lib/i18n/routes.ts).
      ['/es/l/alder/lines/7', 'Aprobada', 'Miembro de la junta de supervisión (revisor)', 'AF 2026', '$40,000.00'],
      [null, 'Devuelta', 'Personal de presupuesto (editor)', '—', '$1,234,567.89'],
    ]);
    expect(decisionsSummary(page({}), { page: 1 }, es)).toBe('La junta todavía no ha aprobado ni devuelto ninguna línea.');
    expect(decisionsSummary(page({ total: 1, approvals: 1, returns: 1 }), { fiscalYear: 2026, decision: 'return', page: 1 }, es)).toBe(
      '1 aprobación y 1 devolución en líneas del AF 2026. Se muestran las devoluciones, de la más reciente a la más antigua.',
    );
    expect(
      decisionsSummary(page({ total: 1200, approvals: 1000, returns: 200, page: 3, pageCount: 24, rows: Array.from({ length: 50 }, () => decision({})) }), { page: 3 }, es),
    ).toBe('1,000 aprobaciones y 200 devoluciones. Se muestran las decisiones 101–150 de 1,200, de la más reciente a la más antigua.');
  });

  it('keeps a year asked for selectable even when it has no decision', () => {
    expect(decisionYears({ page: 1 }, [2027, 2026])).toEqual([2027, 2026]);
    expect(decisionYears({ fiscalYear: 2026, page: 1 }, [2027, 2026])).toEqual([2027, 2026]);
    expect(decisionYears({ fiscalYear: 2024, page: 1 }, [2027, 2026])).toEqual([2027, 2026, 2024]);
  });

  it('links the previous and next pages with the filters kept, and neither past an end', () => {
    const filter = { fiscalYear: 2026, decision: 'return' as const, page: 2 };
    expect(decisionsPagerHrefs('alder', filter, { page: 2, pageCount: 3 }, 'en')).toEqual({
      previous: '/l/alder/decisions?fy=2026&decision=return',
      next: '/l/alder/decisions?fy=2026&decision=return&page=3',
    });
    expect(decisionsPagerHrefs('alder', { page: 1 }, { page: 1, pageCount: 2 }, 'es')).toEqual({
      previous: null,
      next: '/es/l/alder/decisions?page=2',
    });
    expect(decisionsPagerHrefs('alder', { page: 9 }, { page: 2, pageCount: 2 }, 'en')).toEqual({ previous: '/l/alder/decisions', next: null });
  });
});
