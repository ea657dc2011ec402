import { describe, expect, it } from 'vitest';
import { holdsBackRecommendation, lineFlagCodes, lineFlags, type LineFlagFacts } from './line-flags';

const facts = (overrides: Partial<LineFlagFacts> = {}): LineFlagFacts => ({
  description: 'A co-responder clinician rides with officers on overdose calls.',
  criminalLegalRecipients: [],
  discouragedUses: [],
  unclassified: false,
  custodyCareOnly: false,
  ...overrides,
});

describe('a line’s flags', () => {
  it('names a criminal-legal-system recipient whatever the category, at high severity, and holds back "recommended"', () => {
    const flags = lineFlags(facts({ criminalLegalRecipients: ['Springfield Police Department'] }));
    expect(flags.map((flag) => [flag.code, flag.severity])).toEqual([['criminal-legal-recipient', 'high']]);
    expect(flags[0]!.title).toBe('Paid to a criminal-legal-system recipient: Springfield Police Department');
    expect(holdsBackRecommendation(flags)).toBe(true);
  });

  it('names MOUD in custody as the evidence-backed exception, at medium severity, and keeps its stance', () => {
    const flags = lineFlags(facts({ criminalLegalRecipients: ['County Detention Center'], custodyCareOnly: true }));
    expect(flags.map((flag) => [flag.code, flag.severity])).toEqual([['criminal-legal-recipient', 'medium']]);
    expect(flags[0]!.detail).toContain('evidence-backed');
    expect(holdsBackRecommendation(flags)).toBe(false);
  });

  it('gives stable codes in a fixed order for the API', () => {
    expect(lineFlagCodes(facts({ description: ' ', unclassified: true, criminalLegalRecipients: ['Sheriff'] }))).toEqual([
      'criminal-legal-recipient',
      'unclassified',
      'missing-description',
    ]);
    expect(lineFlagCodes(facts())).toEqual([]);
  });
});
