import { describe, expect, it } from 'vitest';
import { hasSignedInMarker } from './signed-in-marker';

describe('hasSignedInMarker', () => {
  it('finds the marker among other cookies', () => {
    expect(hasSignedInMarker('abate_staff=1')).toBe(true);
    expect(hasSignedInMarker('a=1; abate_staff=1; b=2')).toBe(true);
  });
  it('is false without it, or for a cookie whose name only contains it', () => {
    expect(hasSignedInMarker('')).toBe(false);
    expect(hasSignedInMarker('a=1; b=abate_staff')).toBe(false);
    expect(hasSignedInMarker('xabate_staff=1; abate_staffer=1')).toBe(false);
  });
});
