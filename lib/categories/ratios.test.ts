import { describe, expect, it } from 'vitest';
import { centsPer } from './ratios';

describe('centsPer', () => {
  it('divides cents by a count, rounding half away from zero to the cent', () => {
    expect(centsPer(1_000n, 3)).toBe(333n);
    expect(centsPer(2_000n, 3)).toBe(667n);
    expect(centsPer(5n, 2)).toBe(3n);
    expect(centsPer(-5n, 2)).toBe(-3n);
    expect(centsPer(0n, 7)).toBe(0n);
    expect(centsPer(10n ** 20n, 10n ** 10n)).toBe(10n ** 10n);
  });

  it('gives null (not enough data) for a missing, zero, negative or fractional count', () => {
    expect(centsPer(100n, null)).toBeNull();
    expect(centsPer(100n, undefined)).toBeNull();
    expect(centsPer(100n, 0)).toBeNull();
    expect(centsPer(100n, 0n)).toBeNull();
    expect(centsPer(100n, -4)).toBeNull();
    expect(centsPer(100n, 2.5)).toBeNull();
  });
});
