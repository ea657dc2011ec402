// The equity charts' exact decimals as the integer strings their data tables take (data-table.tsx): a share in
// basis points for a percent column, dollars in cents for a money column. Null stays null (withheld or unknown).
import { decimalToUnits } from '@/lib/data/board-words';
import type { ActualUnit } from '@/lib/equity/types';

function unitsText(value: string | null, unit: ActualUnit): string | null {
  return value === null ? null : (decimalToUnits(value, unit) ?? 0n).toString();
}

/** "12.50" (percent) → "1250". */
export const percentUnits = (share: string | null) => unitsText(share, 'percent');

/** "2750.00" (dollars) → "275000". */
export const dollarsToCents = (dollars: string | null) => unitsText(dollars, 'dollars');
