import { describe, expect, it } from 'vitest';
import { bulkButtonLabel, bulkDoneMessage, bulkFailureText, bulkLineFields, isSubmittable } from './bulk-view';

describe('bulk view', () => {
  it('labels the buttons with the count', () => {
    expect(bulkButtonLabel('submit', 4)).toBe('Submit 4 selected for review');
    expect(bulkButtonLabel('approve', 1)).toBe('Approve 1 selected');
    expect(bulkButtonLabel('return', 0)).toBe('Return 0 selected');
    expect(bulkButtonLabel('post', 2)).toBe('Post 2 selected');
  });

  it('says what was done', () => {
    expect(bulkDoneMessage('submit', 1)).toBe('Submitted 1 line for review.');
    expect(bulkDoneMessage('approve', 3)).toBe('Approved 3 lines.');
    expect(bulkDoneMessage('return', 2)).toBe('Returned 2 lines, with the reasons given.');
    expect(bulkDoneMessage('post', 1)).toBe('Posted 1 line: it counts on the public pages now.');
    expect(bulkDoneMessage('post', 5)).toBe('Posted 5 lines: they count on the public pages now.');
  });

  it('submits drafts and returned lines only', () => {
    expect(['draft', 'returned', 'submitted', 'approved', null].map(isSubmittable)).toEqual([true, true, false, false, false]);
  });

  it('sends each selected line with its version, and its own reason when asked', () => {
    const selected = [
      { id: '7', version: '2', program: 'A' },
      { id: '9', version: '1', program: 'B' },
    ];
    expect(bulkLineFields(selected)).toEqual([
      ['lines.0.id', '7'],
      ['lines.0.version', '2'],
      ['lines.1.id', '9'],
      ['lines.1.version', '1'],
    ]);
    expect(bulkLineFields(selected, { 9: 'Too vague' })).toEqual([
      ['lines.0.id', '7'],
      ['lines.0.version', '2'],
      ['lines.0.reason', ''],
      ['lines.1.id', '9'],
      ['lines.1.version', '1'],
      ['lines.1.reason', 'Too vague'],
    ]);
  });

  it('adds the field messages a failure carries, without repeating its message', () => {
    expect(
      bulkFailureText({
        ok: false,
        code: 'invalid',
        message: '“B”: Say why.',
        fieldErrors: { reason: ['“B”: Say why.'] },
      }),
    ).toBe('“B”: Say why.');
    expect(
      bulkFailureText({
        ok: false,
        code: 'invalid',
        message: '“B”: Edit the allocation first.',
        fieldErrors: { description: ['“B”: Add a description.'] },
      }),
    ).toBe('“B”: Edit the allocation first. “B”: Add a description.');
  });
});
