import { describe, expect, it } from 'vitest';
import { moneyAxis, percentAxis, wrapWords } from './chart-axis';

describe('moneyAxis', () => {
  it('gives distinct labels when the compact format would repeat (per-resident dollars)', () => {
    const axis = moneyAxis(187); // $1.87 per resident
    const labels = axis.ticks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('$0.50');
    expect(axis.maxCents).toBeGreaterThanOrEqual(187);
  });

  it('rounds the end up to a nice tick and uses compact labels for large amounts', () => {
    const axis = moneyAxis(1_234_567_89); // $1.23M
    expect(axis.maxCents).toBe(1_400_000_00);
    expect(axis.ticks.map((t) => t.label)).toEqual(['$0', '$200K', '$400K', '$600K', '$800K', '$1M', '$1.2M', '$1.4M']);
    expect(axis.ticks.at(-1)?.at).toBe(1);
  });

  it('draws an axis for an empty chart', () => {
    expect(moneyAxis(0).ticks[0]?.label).toBe('$0');
  });

  it('keeps ticks on whole cents', () => {
    for (const t of moneyAxis(3).ticks) expect(Number.isInteger(t.cents)).toBe(true);
  });
});

describe('percentAxis', () => {
  it('labels one 0–100% scale', () => {
    expect(percentAxis().map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  });
});

describe('wrapWords', () => {
  it('wraps a long category name whole, without cutting or an ellipsis', () => {
    const lines = wrapWords('Community prevention, education and outreach for families', 24);
    expect(lines.join(' ')).toBe('Community prevention, education and outreach for families');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(24);
  });
});
