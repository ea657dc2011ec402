/**
 * Splits one line's spending two ways at once — by category group (its rows) and by quarter (its columns) — so
 * that both splits stay exact: every row adds up to its group's amount and every column to its quarter's amount.
 *
 * The group amounts come from the same largest-remainder split the category charts use, and the quarter amounts are
 * the payments as made, so the "over time" chart reconciles to the cent with the "by category" chart.
 *
 * Each cell starts at its proportional share rounded towards zero (rowSum × colSum ÷ total); the few cents left
 * over are then placed where both their row and their column still need them. With non-negative inputs every cell
 * is non-negative and within a few cents of its exact proportional share.
 */
export function fitMatrix(rowSums: readonly bigint[], colSums: readonly bigint[]): bigint[][] {
  const total = rowSums.reduce((sum, v) => sum + v, 0n);
  const colTotal = colSums.reduce((sum, v) => sum + v, 0n);
  if (total !== colTotal) {
    throw new RangeError(`row sums (${total}) and column sums (${colTotal}) must have the same total`);
  }
  const matrix = rowSums.map((row) => colSums.map((col) => (total === 0n ? 0n : (row * col) / total)));
  const rowLeft = rowSums.map((row, j) => row - matrix[j]!.reduce((sum, v) => sum + v, 0n));
  const colLeft = colSums.map((col, k) => col - matrix.reduce((sum, r) => sum + r[k]!, 0n));

  for (;;) {
    const j = rowLeft.findIndex((v) => v !== 0n);
    if (j === -1) break;
    const need = rowLeft[j]!;
    const sign = need > 0n ? 1n : -1n;
    // A column that still needs money of the same sign: move as much as both can take.
    const k = largestWithSign(colLeft, sign);
    if (k !== -1) {
      const amount = min(abs(need), abs(colLeft[k]!)) * sign;
      matrix[j]![k]! += amount;
      rowLeft[j]! -= amount;
      colLeft[k]! -= amount;
      continue;
    }
    // No column needs it: another row has the opposite surplus. Swap between the two rows within one column,
    // which changes no column sum.
    const i = largestWithSign(rowLeft, -sign);
    if (i === -1) throw new Error('fitMatrix: unreachable — residuals do not balance');
    const amount = min(abs(need), abs(rowLeft[i]!)) * sign;
    const column = largestCell(matrix[i]!, sign);
    matrix[j]![column]! += amount;
    matrix[i]![column]! -= amount;
    rowLeft[j]! -= amount;
    rowLeft[i]! += amount;
  }
  // Rows are settled; columns can still hold opposite surpluses that cancel out (only with mixed signs). Swap
  // between two columns within one row, which changes no row sum.
  for (;;) {
    const k = colLeft.findIndex((v) => v > 0n);
    if (k === -1) break;
    const l = largestWithSign(colLeft, -1n);
    if (l === -1) throw new Error('fitMatrix: unreachable — column residuals do not balance');
    const amount = min(colLeft[k]!, -colLeft[l]!);
    const row = matrix[0];
    if (!row) throw new RangeError('fitMatrix: column amounts with no rows to hold them');
    row[k]! += amount;
    row[l]! -= amount;
    colLeft[k]! -= amount;
    colLeft[l]! += amount;
  }
  return matrix;
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function largestWithSign(values: readonly bigint[], sign: bigint): number {
  let best = -1;
  for (const [index, value] of values.entries()) {
    if (value === 0n || (value > 0n ? 1n : -1n) !== sign) continue;
    if (best === -1 || abs(value) > abs(values[best]!)) best = index;
  }
  return best;
}

/** The column where a row already holds the most money of the given sign (0 when none does). */
function largestCell(row: readonly bigint[], sign: bigint): number {
  const index = largestWithSign(row, sign);
  return index === -1 ? 0 : index;
}
