/**
 * Adding and dividing cents so that totals always reconcile: what the parts add up to is what the whole says.
 */

/**
 * Exact sum of any number of cent amounts, however large. Each value is checked to be a bigint because a string
 * from a database driver would otherwise be concatenated (`0n + "5"` is the string "05"), not added.
 */
export function sumCents(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) {
    if (typeof value !== 'bigint') throw new TypeError(`sumCents expects bigint cents, got ${typeof value}`);
    total += value;
  }
  return total;
}

const WHOLE_IN_BASIS_POINTS = 10_000n;

/**
 * Splits `totalCents` across shares given in basis points (integers summing to 10000) so that the parts add up to
 * exactly the total. Largest-remainder method: every part first gets the floor of its exact share, then the cents
 * left over (fewer than the number of shares) go one each to the parts with the largest remainders, ties to the
 * earlier index. Each part is therefore within one cent of its exact share, and a 0 share always gets 0.
 *
 * A negative total is split as its absolute value and the sign put back, so -$1.00 in thirds is
 * [-34, -33, -33], the mirror image of $1.00, rather than something rounded towards minus infinity.
 */
export function splitCentsByShares(totalCents: bigint, sharesBasisPoints: readonly number[]): bigint[] {
  let shareSum = 0n;
  for (const [index, share] of sharesBasisPoints.entries()) {
    if (!Number.isSafeInteger(share) || share < 0) {
      throw new RangeError(`share ${index} must be a whole, non-negative number of basis points, got ${share}`);
    }
    shareSum += BigInt(share);
  }
  if (shareSum !== WHOLE_IN_BASIS_POINTS) {
    throw new RangeError(`shares must add up to 10000 basis points (100%), got ${shareSum.toString()}`);
  }

  const negative = totalCents < 0n;
  const result = apportion(negative ? -totalCents : totalCents, sharesBasisPoints.map(BigInt), WHOLE_IN_BASIS_POINTS);
  return negative ? result.map((part) => -part) : result;
}

/**
 * The shares, in basis points summing to 10000, of parts given in cents (a split entered by dollar amount): by the
 * same largest-remainder rule, so each share is within one basis point of its exact value and the shares always
 * make 100%. The parts must be non-negative and add up to more than zero.
 */
export function sharesFromCents(partsCents: readonly bigint[]): number[] {
  const total = sumCents(partsCents);
  if (total <= 0n || partsCents.some((part) => part < 0n)) {
    throw new RangeError(`parts must be non-negative and add up to more than zero, got ${total.toString()}`);
  }
  return apportion(WHOLE_IN_BASIS_POINTS, partsCents, total).map(Number);
}

/**
 * `total` (non-negative) divided in proportion to `weights` (non-negative, summing to `weightSum`): the floor of each
 * exact part, then what is left over, one each, to the largest remainders, ties to the earlier index.
 */
function apportion(total: bigint, weights: readonly bigint[], weightSum: bigint): bigint[] {
  const parts = weights.map((weight) => {
    const exact = total * weight;
    return { floor: exact / weightSum, remainder: exact % weightSum };
  });
  let leftover = total - sumCents(parts.map((part) => part.floor));

  // Indices by remainder, largest first; Array.prototype.sort is stable, so equal remainders keep index order.
  const order = parts
    .map((part, index) => ({ index, remainder: part.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1));
  const result = parts.map((part) => part.floor);
  for (const { index } of order) {
    if (leftover === 0n) break;
    result[index]! += 1n;
    leftover -= 1n;
  }
  return result;
}
