import { describe, expect, it } from 'vitest';
import { RECIPIENT_TYPE_LABELS } from '@/lib/data/staff-list-query';
import { recipientKindText } from './line-facts-view';

describe('line facts view', () => {
  it('names the kind of recipient, and says when people with lived experience lead it', () => {
    const [type, label] = Object.entries(RECIPIENT_TYPE_LABELS)[0]!;
    expect(recipientKindText({ type, livedExperienceLed: false })).toBe(label);
    expect(recipientKindText({ type, livedExperienceLed: true })).toBe(`${label}; led by people with lived experience`);
  });

  it('shows a type it has no label for as stored', () => {
    expect(recipientKindText({ type: 'guild', livedExperienceLed: false })).toBe('guild');
  });
});
