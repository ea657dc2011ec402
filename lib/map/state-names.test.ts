import { describe, expect, it } from 'vitest';
import { stateName } from './state-names';

describe('state names per locale', () => {
  it('gives the Spanish name where it differs, the English one otherwise, and the code for an unknown state', () => {
    expect(stateName('NC', 'en')).toBe('North Carolina');
    expect(stateName('nc', 'es')).toBe('Carolina del Norte');
    expect(stateName('TX', 'es')).toBe('Texas');
    expect(stateName('ZZ', 'es')).toBe('ZZ');
  });
});
