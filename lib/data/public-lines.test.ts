import { describe, expect, it } from 'vitest';
import { pageOfLines, parseLineSort, reportedCategoryLabel, sortLines, type PublicLine } from './public-lines';

function line(id: number, program: string, allocated: bigint, recipient: string | null = null): PublicLine {
  return {
    id,
    fiscalYear: 2026,
    lastFiscalYear: null,
    program,
    description: '',
    recipient: recipient ? { name: recipient, type: null, livedExperienceLed: false } : null,
    sourceName: null,
    allocatedCents: allocated,
    spentToDateCents: allocated / 2n,
    categories: [],
    criminalLegalRecipients: [],
    flags: [],
  };
}

describe('sortLines', () => {
  const lines = [line(1, 'b', 300n, 'Zed'), line(2, 'a', 100n), line(3, 'C', 300n, 'amy'), line(4, 'a', 200n, 'Bo')];

  it('reads only known columns from the URL', () => {
    expect(parseLineSort('allocated.desc')).toEqual({ column: 'allocated', desc: true });
    expect(parseLineSort('program')).toEqual({ column: 'program', desc: false });
    expect(parseLineSort('description.asc')).toBeNull();
    expect(parseLineSort('')).toBeNull();
  });

  it('sorts by amount exactly, ties in the list order, either way round', () => {
    expect(sortLines(lines, { column: 'allocated', desc: true }).map((l) => l.id)).toEqual([1, 3, 4, 2]);
    expect(sortLines(lines, { column: 'allocated', desc: false }).map((l) => l.id)).toEqual([2, 4, 1, 3]);
    expect(sortLines(lines, { column: 'spent', desc: true }).map((l) => l.id)).toEqual([1, 3, 4, 2]);
  });

  it('sorts text without regard to case, lines without a recipient first', () => {
    expect(sortLines(lines, { column: 'program', desc: false }).map((l) => l.id)).toEqual([2, 4, 1, 3]);
    expect(sortLines(lines, { column: 'recipient', desc: false }).map((l) => l.id)).toEqual([2, 3, 4, 1]);
    expect(sortLines(lines, null).map((l) => l.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('pageOfLines', () => {
  const ids = Array.from({ length: 212 }, (_, i) => i + 1);

  it('shows a page at a time (here 25) with the positions of the first and last', () => {
    expect(pageOfLines(ids, '', 25)).toMatchObject({ page: 1, pageCount: 9, first: 1, last: 25, total: 212 });
    const second = pageOfLines(ids, '2', 25);
    expect(second).toMatchObject({ page: 2, first: 26, last: 50 });
    expect(second.rows).toEqual(ids.slice(25, 50));
    expect(pageOfLines(ids, '9', 25)).toMatchObject({ page: 9, first: 201, last: 212 });
    expect(pageOfLines(ids, '9', 25).rows).toHaveLength(12);
  });

  it('every line is on exactly one page', () => {
    const seen = Array.from({ length: 9 }, (_, i) => pageOfLines(ids, String(i + 1), 25).rows).flat();
    expect(seen).toEqual(ids);
  });

  it('treats a page past the end as the last and anything unusable as the first', () => {
    expect(pageOfLines(ids, '40', 25).page).toBe(9);
    for (const bad of ['0', '-1', 'abc', '1.5', '99999999999']) expect(pageOfLines(ids, bad, 25).page, bad).toBe(1);
  });

  it('has one empty page when nothing matches', () => {
    expect(pageOfLines([], '3')).toEqual({ rows: [], page: 1, pageCount: 1, first: 0, last: 0, total: 0 });
  });
});

describe('reportedCategoryLabel', () => {
  it('names the framework a kept category was filed in, and marks unclassified money', () => {
    expect(reportedCategoryLabel({ label: 'C. Connections to care', keptFrom: 'National settlements: Exhibit E', unclassified: false })).toBe(
      'C. Connections to care (as filed in National settlements: Exhibit E: paid to a criminal-legal-system recipient)',
    );
    expect(reportedCategoryLabel({ label: 'Other', keptFrom: null, unclassified: true })).toBe('Other (not yet classified)');
    expect(reportedCategoryLabel({ label: 'Other / not yet classified', keptFrom: null, unclassified: true })).toBe('Other / not yet classified');
    expect(reportedCategoryLabel({ label: 'Naloxone', keptFrom: null, unclassified: false })).toBe('Naloxone');
  });
});
