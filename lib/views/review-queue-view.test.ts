import { describe, expect, it } from 'vitest';
import type { ReviewImpact, ReviewLine } from '@/lib/data/board-review';
import type { EquityFlag } from '@/lib/equity/flags';
import { buildReviewQueue, equityEffect, flagFilterOptions, parseReviewQueueQuery, toQueueLines, type QueueLine } from './review-queue-view';

function line(id: number, program: string, amountCents: bigint, submittedAt: string): ReviewLine {
  return {
    id,
    version: 2,
    fiscalYear: 2026,
    program,
    description: `About ${program}`,
    amountCents,
    recipient: id === 3 ? { name: 'County Sheriff', type: 'law_enforcement', livedExperienceLed: false } : null,
    categories: [{ label: 'Naloxone', group: 'Harm reduction', frameworkName: 'Health first', shareBasisPoints: 10000 }],
    submittedBy: { id: 5, name: 'Ed' },
    createdById: 5,
    submittedAt,
  };
}

const flag = (kind: EquityFlag['kind']): EquityFlag => ({ kind, severity: 'high', title: kind, detail: '' });
const goal = (before: 'met' | 'close' | 'missed' | 'not_enough_data', after: 'met' | 'close' | 'missed' | 'not_enough_data') => ({
  before: { actual: null, status: before },
  after: { actual: null, status: after },
});

const impact = (flags: EquityFlag[], goals: ReturnType<typeof goal>[]): ReviewImpact => ({ flags, goals: goals as unknown as ReviewImpact['goals'] });

const entries: QueueLine[] = [
  { line: line(1, 'Naloxone kits', 500_00n, '2026-01-02 10:00 UTC'), impact: impact([], [goal('missed', 'close')]), mine: false },
  { line: line(2, 'Buprenorphine', 9_000_00n, '2026-01-01 10:00 UTC'), impact: impact([flag('oversized_line')], [goal('met', 'met')]), mine: true },
  {
    line: line(3, 'Jail body scanner', 48_000_00n, '2026-01-03 10:00 UTC'),
    impact: impact([flag('discouraged_use'), flag('criminal_legal_recipient')], [goal('met', 'missed')]),
    mine: false,
  },
];

describe('review queue view', () => {
  it('reads the URL leniently: unknown sorts, flags and sizes fall back', () => {
    expect(parseReviewQueueQuery({ sort: 'amount', dir: 'desc', flag: 'discouraged_use', size: '25', q: ' x ' })).toMatchObject({
      sort: 'amount',
      desc: true,
      flag: 'discouraged_use',
      pageSize: 25,
      q: 'x',
    });
    expect(parseReviewQueueQuery({ sort: "amount'; drop table x;--", flag: '<script>', page: '-1', size: '9999' })).toMatchObject({
      sort: 'submittedAt',
      flag: null,
      page: 1,
      pageSize: 200,
    });
  });

  it('says the equity effect in a few words', () => {
    expect(equityEffect([]).text).toBe('No goals set');
    expect(equityEffect([goal('met', 'met'), goal('not_enough_data', 'met')]).text).toBe('No goal changes status (2 goals)');
    expect(equityEffect([goal('missed', 'met'), goal('met', 'close'), goal('close', 'missed')])).toMatchObject({
      text: '1 goal better, 2 goals worse',
      score: -1,
    });
  });

  it('one row a line, oldest submission first, with flags, effect and who may select it', () => {
    const view = buildReviewQueue(entries, parseReviewQueueQuery({}), '/staff/l/x');
    expect(view.rows.map((row) => row.id)).toEqual(['2', '1', '3']);
    expect(view.rows[2]).toMatchObject({
      program: 'Jail body scanner',
      amount: '4800000',
      flags: 'Discouraged use; Criminal-legal recipient',
      equity: '1 goal worse',
      status: 'submitted',
      selectable: 'true',
      href: '/staff/l/x/allocations/3',
    });
    expect(view.rows[0]!.selectable).toBeNull();
    expect(view.totalCents).toBe('5750000');
    expect(view.flagKinds).toEqual(['criminal_legal_recipient', 'discouraged_use', 'oversized_line']);
  });

  it('searches, filters by flag, sorts and pages', () => {
    const q = (params: Record<string, string>) => buildReviewQueue(entries, parseReviewQueueQuery(params), '').rows.map((row) => row.program);
    expect(q({ q: 'sheriff' })).toEqual(['Jail body scanner']);
    expect(q({ flag: 'any' })).toEqual(['Buprenorphine', 'Jail body scanner']);
    expect(q({ flag: 'none' })).toEqual(['Naloxone kits']);
    expect(q({ flag: 'discouraged_use' })).toEqual(['Jail body scanner']);
    expect(q({ sort: 'amount', dir: 'desc' })).toEqual(['Jail body scanner', 'Buprenorphine', 'Naloxone kits']);
    expect(q({ sort: 'program' })).toEqual(['Buprenorphine', 'Jail body scanner', 'Naloxone kits']);
    expect(q({ sort: 'equity', dir: 'desc' })).toEqual(['Naloxone kits', 'Buprenorphine', 'Jail body scanner']);
    expect(q({ sort: 'flags', dir: 'desc' })).toEqual(['Jail body scanner', 'Buprenorphine', 'Naloxone kits']);
    const paged = buildReviewQueue(entries, { ...parseReviewQueueQuery({ page: '9' }), pageSize: 2 }, '');
    expect(paged).toMatchObject({ page: 2, rowCount: 3 });
    expect(paged.rows.map((row) => row.id)).toEqual(['3']);
  });

  it('marks the lines the person looking created or submitted: they may not decide them', () => {
    const created = { ...line(1, 'A', 1n, 't'), createdById: 9, submittedBy: { id: 5, name: 'Ed' } };
    const submitted = { ...line(2, 'B', 1n, 't'), createdById: 5, submittedBy: { id: 9, name: 'Vi' } };
    const other = line(3, 'C', 1n, 't');
    const marked = toQueueLines([created, submitted, other].map((l) => ({ line: l, impact: null })), 9);
    expect(marked.map((entry) => entry.mine)).toEqual([true, true, false]);
    expect(marked[0]).toMatchObject({ line: created, impact: null });
    expect(toQueueLines([{ line: other, impact: null }], null)[0]?.mine).toBe(false);
  });

  it('offers any flag, no flag, then the kinds present', () => {
    expect(flagFilterOptions([])).toEqual([
      { value: 'any', label: 'Any flag' },
      { value: 'none', label: 'No flag' },
    ]);
    expect(flagFilterOptions(['discouraged_use']).at(-1)).toEqual({ value: 'discouraged_use', label: 'Discouraged use', group: 'Only this flag' });
  });
});
