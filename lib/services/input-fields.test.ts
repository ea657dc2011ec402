import { describe, expect, it } from 'vitest';
import { textField } from './input-fields';

describe('textField', () => {
  const field = textField({ max: 20, required: 'Name the group.', tooLong: 'Keep it under 20 characters.' });
  it('trims, and refuses empty, too long, and text PostgreSQL cannot store (NUL), each with its reason', () => {
    expect(field.parse('  North End ')).toBe('North End');
    const messages = (value: unknown) => field.safeParse(value).error?.issues.map((issue) => issue.message);
    expect(messages('   ')).toEqual(['Name the group.']);
    expect(messages('x'.repeat(21))).toEqual(['Keep it under 20 characters.']);
    expect(messages('North\u0000End')).toEqual(['Remove the invisible NUL character (U+0000) from this text.']);
  });
});
