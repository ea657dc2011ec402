import { describe, expect, it } from 'vitest';
import { isCriminalLegalRecipient, recipientTypeFromName } from './criminal-legal';

describe('recipientTypeFromName', () => {
  it.each([
    ['Springfield Police Department', 'law_enforcement'],
    ["Sheriff's Office", 'law_enforcement'],
    ['Granite Fork County Sheriff’s Office', 'law_enforcement'],
    ['Tri-County Drug Task Force', 'law_enforcement'],
    ['Massachusetts State Police', 'law_enforcement'],
    ['County Detention Center', 'courts_corrections'],
    ['Hampden County House of Correction', 'courts_corrections'],
    ['Department of Corrections', 'courts_corrections'],
    ['Office of the District Attorney', 'courts_corrections'],
    ["State's Attorney's Office", 'courts_corrections'],
    ['Orange County Drug Treatment Court', 'courts_corrections'],
    ['Adult Probation Department', 'courts_corrections'],
  ])('%s → %s', (name, type) => {
    expect(recipientTypeFromName(name)).toBe(type);
  });

  it.each([
    'Healing Path Recovery Center',
    'Courtyard Housing Partners',
    'Policy Research Institute',
    'Jailbreak Coffee Roasters',
    'County Health Department',
    'Harm Reduction Coalition',
    'Reentry Support Network',
  ])('%s names no criminal-legal agency', (name) => {
    expect(recipientTypeFromName(name)).toBeNull();
  });
});

describe('isCriminalLegalRecipient', () => {
  it('trusts a criminal-legal type whatever the name', () => {
    expect(isCriminalLegalRecipient('law_enforcement', 'Alder Unit 5')).toBe(true);
    expect(isCriminalLegalRecipient('courts_corrections', null)).toBe(true);
  });
  it('reads the name only when no type of its own was chosen', () => {
    expect(isCriminalLegalRecipient('other', 'Springfield Police Department')).toBe(true);
    expect(isCriminalLegalRecipient(null, 'County Jail')).toBe(true);
    expect(isCriminalLegalRecipient('community_based_organization', 'Police Athletic League')).toBe(false);
  });
  it('is false without a recipient', () => {
    expect(isCriminalLegalRecipient(null, null)).toBe(false);
  });
});
