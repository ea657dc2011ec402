import { describe, expect, it } from 'vitest';
import { quarterLabel, summarizeFlows, summarizeQuarters } from './summaries';

describe('quarterLabel', () => {
  it('names the months of each quarter of the fiscal year', () => {
    expect(quarterLabel(2026, 7, 1)).toBe('Q1 (Jul–Sep 2025)');
    expect(quarterLabel(2026, 7, 3)).toBe('Q3 (Jan–Mar 2026)');
    expect(quarterLabel(2026, 1, 4)).toBe('Q4 (Oct–Dec 2026)');
    expect(quarterLabel(2026, 10, 1)).toBe('Q1 (Oct–Dec 2025)');
    expect(quarterLabel(2026, 11, 1)).toBe('Q1 (Nov 2025–Jan 2026)');
  });
});

describe('summaries', () => {
  it('says how spending fell across the quarters', () => {
    expect(
      summarizeQuarters(
        [
          { label: 'Q1', cents: 25_000_00n },
          { label: 'Q2', cents: 75_000_00n },
        ],
        2026,
      ),
    ).toBe('Of $100,000 spent in FY2026, $25,000 (25%) in Q1 and $75,000 (75%) in Q2.');
    expect(summarizeQuarters([{ label: 'Q1', cents: 0n }], 2026)).toBe('No spending was recorded in FY2026.');
  });

  it('says where the money came from and where it went', () => {
    expect(
      summarizeFlows(
        [
          { name: 'Teva settlement', cents: 40n },
          { name: 'Distributors settlement', cents: 60n },
        ],
        [{ name: 'Treatment', cents: 100n }],
        2026,
      ),
    ).toBe('Of $1 allocated in FY2026, 60% came from Distributors settlement and 40% from Teva settlement; 100% went to Treatment.');
  });
});
