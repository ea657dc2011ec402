import { describe, expect, it } from 'vitest';
import { describeChange } from './describe-change';

describe('describeChange', () => {
  it('lists the fields that changed, old → new', () => {
    expect(describeChange({ program: 'A', amountCents: '100', status: 'draft' }, { program: 'B', amountCents: '100', status: 'draft' })).toBe(
      'program: A → B',
    );
  });
  it('says created and removed', () => {
    expect(describeChange(null, { a: 1, b: 2 })).toBe('created (2 fields)');
    expect(describeChange({ a: 1 }, null)).toBe('removed');
  });
  it('shortens long values and many fields', () => {
    const before = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, i + 1]));
    expect(describeChange(before, after)).toMatch(/and 2 more$/);
    expect(describeChange({ d: 'x' }, { d: 'y'.repeat(100) })).toContain('…');
  });
});
