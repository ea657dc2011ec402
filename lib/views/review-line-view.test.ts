import { describe, expect, it } from 'vitest';
import type { GoalImpact, ReviewLine } from '@/lib/data/board-review';
import { decidedNotice, impactRows, parseDecidedId, queueEmptyText, reviewCountText, reviewLineFacts } from './review-line-view';

const line: ReviewLine = {
  id: 7,
  version: 3,
  fiscalYear: 2026,
  program: 'Naloxone kits',
  description: 'Kits for the libraries.',
  amountCents: 4_800_000n,
  recipient: { name: 'Harbor Health', type: 'unknown-kind', livedExperienceLed: true },
  categories: [
    { label: 'Naloxone', group: 'Harm reduction', frameworkName: 'Health first', shareBasisPoints: 7500 },
    { label: 'Housing', group: 'Recovery', frameworkName: 'Health first', shareBasisPoints: 2500 },
  ],
  submittedBy: { id: 5, name: 'Ed' },
  createdById: 5,
  submittedAt: '2026-01-02 10:00 UTC',
};

describe('review line view', () => {
  it('counts the waiting lines, and names the other years that have some', () => {
    expect(reviewCountText(0, 2026, [])).toBe('No lines are waiting for the board in FY2026.');
    expect(reviewCountText(1, 2026, [])).toBe('1 line is waiting for the board in FY2026.');
    expect(reviewCountText(3, 2026, [{ fiscalYear: 2025, submitted: 1 }, { fiscalYear: 2027, submitted: 4 }])).toBe(
      '3 lines are waiting for the board in FY2026. Also waiting: FY2025 (1), FY2027 (4).',
    );
  });

  it('tells an empty year from a view that hides every line', () => {
    expect(queueEmptyText(0, 2026)).toBe('No lines are waiting for the board in FY2026.');
    expect(queueEmptyText(2, 2026)).toBe('No waiting line matches this view.');
  });

  it('reads the decided id strictly', () => {
    expect(parseDecidedId('42')).toBe(42);
    expect(parseDecidedId(undefined)).toBeNull();
    expect(parseDecidedId('4.2')).toBeNull();
    expect(parseDecidedId('12345678901')).toBeNull();
    expect(parseDecidedId('1;drop')).toBeNull();
  });

  it('says what was decided, with the reason when there is one', () => {
    const decided = { id: 7, program: 'Patrol vehicles', status: 'returned' as const, decisionReason: 'Not remediation' };
    expect(decidedNotice(decided, '/staff/l/x')).toEqual({
      text: 'Returned: “Patrol vehicles”, with the reason “Not remediation”.',
      href: '/staff/l/x/allocations/7',
    });
    expect(decidedNotice({ ...decided, status: 'approved', decisionReason: null }, '/staff/l/x')?.text).toBe('Approved: “Patrol vehicles”.');
  });

  it('gives no notice for a line that is not decided, or not found', () => {
    expect(decidedNotice({ id: 7, program: 'P', status: 'submitted', decisionReason: null }, '/b')).toBeNull();
    expect(decidedNotice(null, '/b')).toBeNull();
  });

  it('states the facts of a line', () => {
    expect(reviewLineFacts(line)).toEqual({
      amountCents: '4800000',
      amount: '$48,000.00',
      recipient: { name: 'Harbor Health', kind: 'unknown-kind; led by people with lived experience' },
      submitted: '2026-01-02 10:00 UTC by Ed',
      categories: 'Naloxone (Harm reduction, Health first) 75%; Housing (Recovery, Health first) 25%',
      description: 'Kits for the libraries.',
    });
  });

  it('says what is missing from a line', () => {
    const facts = reviewLineFacts({ ...line, recipient: null, categories: [], submittedBy: null, submittedAt: null, description: '' });
    expect(facts).toMatchObject({ recipient: null, submitted: 'time not recorded', categories: 'None', description: null });
    expect(reviewLineFacts({ ...line, submittedBy: null }).submitted).toBe('2026-01-02 10:00 UTC');
  });

  it('shapes one impact row a goal, with the direction as an arrow and a word', () => {
    const goal: GoalImpact = {
      goalId: 3,
      title: 'Harm reduction share of allocated money',
      unit: 'percent',
      comparator: 'at_least',
      target: '25.00',
      before: { actual: '22.10', status: 'missed' },
      after: { actual: null, status: 'not_enough_data' },
      direction: 'up',
      sentence: 'Harm reduction share of allocated money would rise.',
      missing: [],
    };
    expect(impactRows([goal])).toEqual([
      {
        goalId: 3,
        title: 'Harm reduction share of allocated money',
        sentence: 'Harm reduction share of allocated money would rise.',
        direction: 'up',
        arrow: '↑',
        directionWord: 'rises',
        target: 'at least 25.00%',
        before: { text: '22.10%', value: '22.10', status: 'missed' },
        after: { text: 'not enough data', value: undefined, status: 'not_enough_data' },
      },
    ]);
    expect(impactRows([{ ...goal, direction: 'unknown' }])[0]).toMatchObject({ arrow: '·', directionWord: 'cannot compare' });
  });
});
