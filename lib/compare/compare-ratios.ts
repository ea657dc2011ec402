/**
 * What the compare page divides by, and how: money per resident and per overdose death, exact to the cent (centsPer),
 * with the small-count rule (lib/equity/suppress.ts) applied before anything leaves this module. A ratio per death
 * where deaths are 1 to 10 is never computed for the public: the spending shown next to it divided by the ratio
 * would give the count back.
 */
import { centsPer } from '@/lib/categories/ratios';
import { isSmallCount } from '@/lib/equity/suppress';

export type Denominator = 'resident' | 'death';

/** A ratio as the public may see it: cents, a count too small to divide by, or no count at all. */
export type PublicRatio = { kind: 'cents'; cents: bigint } | { kind: 'suppressed' } | { kind: 'none' };

/** Overdose deaths as the public may see them: the count, "fewer than 11", or not yet known. */
export type PublicDeaths = { kind: 'count'; count: number } | { kind: 'suppressed' } | { kind: 'none' };

export function publicDeaths(deaths: number | null): PublicDeaths {
  if (deaths === null) return { kind: 'none' };
  return isSmallCount(deaths) ? { kind: 'suppressed' } : { kind: 'count', count: deaths };
}

/** Cents per resident; a missing or zero population gives "none". */
export function perResident(cents: bigint, residents: number | null): PublicRatio {
  const value = centsPer(cents, residents);
  return value === null ? { kind: 'none' } : { kind: 'cents', cents: value };
}

/** Cents per overdose death; 1 to 10 deaths give "suppressed", none or zero give "none". */
export function perDeath(cents: bigint, deaths: number | null): PublicRatio {
  if (deaths !== null && isSmallCount(deaths)) return { kind: 'suppressed' };
  const value = centsPer(cents, deaths);
  return value === null ? { kind: 'none' } : { kind: 'cents', cents: value };
}

export function ratioPer(denominator: Denominator, cents: bigint, residents: number | null, deaths: number | null): PublicRatio {
  return denominator === 'resident' ? perResident(cents, residents) : perDeath(cents, deaths);
}

/** Every measure's amount per resident and per death, by measure key: what the compare page and the map read. */
export function measureRatios<T>(
  measures: readonly { key: string; amount: (row: T) => bigint }[],
  amounts: T,
  residents: number | null,
  deaths: number | null,
): Map<string, { resident: PublicRatio; death: PublicRatio }> {
  return new Map(
    measures.map((measure) => {
      const cents = measure.amount(amounts);
      return [measure.key, { resident: perResident(cents, residents), death: perDeath(cents, deaths) }];
    }),
  );
}
