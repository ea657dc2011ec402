import type { FundYear } from '@/lib/data/fund';
import { formatCents } from '@/lib/money';

/**
 * The fund-balance table by fiscal year, on the public "Money coming in" page and the staff fund page. A plain
 * server-rendered table (no JavaScript): every figure exact, every row reconciled (beginning + received − spent =
 * ending), audit and administration shown as parts of spent.
 */
const COLUMNS: { key: keyof FundYear; header: string; part?: boolean }[] = [
  { key: 'beginningCents', header: 'Beginning balance' },
  { key: 'receivedSettlementCents', header: 'Received: settlements' },
  { key: 'receivedGrantCents', header: 'Received: grants' },
  { key: 'receivedInterestCents', header: 'Received: interest' },
  { key: 'receivedOtherCents', header: 'Received: other' },
  { key: 'receivedCents', header: 'Received in all' },
  { key: 'spentCents', header: 'Spent' },
  { key: 'auditCents', header: 'of which audit', part: true },
  { key: 'administrationCents', header: 'of which administration', part: true },
  { key: 'endingCents', header: 'Ending balance' },
];

export function FundTable({ years, caption, testId = 'fund-table' }: { years: FundYear[]; caption: string; testId?: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Fiscal year</th>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" className="cell--money">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="table-empty">
                No money recorded yet.
              </td>
            </tr>
          ) : (
            [...years].reverse().map((year) => (
              <tr key={year.fiscalYear} data-fiscal-year={year.fiscalYear}>
                <th scope="row">FY{year.fiscalYear}</th>
                {COLUMNS.map((column) => {
                  const cents = year[column.key] as bigint;
                  return (
                    <td key={column.key} className="cell--money" data-column={column.key} data-cents={cents.toString()}>
                      {formatCents(cents)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
