import type { Executor } from '@/db/client';
import { cachedPublic } from '@/lib/cache/public-cache';
import type { ApiLocalityRow } from '@/lib/data/api-localities';
import { type FundYear, type FundYears, getFundYears, quietFundYear } from '@/lib/data/fund';
import { getReconciliation, type ReconciliationRow } from '@/lib/data/reconciliation';
import { chooseFiscalYear } from '@/lib/fiscal-year/choose-fiscal-year';
import { todayIso } from '@/lib/fiscal-year';
import { resolveLocality } from './answers';
import { toApiMoney } from './money';
import { fyParam, parseQuery } from './params';
import type { ApiFundAnswer, ApiFundYear, ApiReconciliationRow } from './schemas';

/**
 * GET /api/v1/localities/{slug}/fund and the fund's CSV downloads. The fund and the reconciliation are public as
 * they stand (receipts that are not deleted, payments against approved lines: lib/data/fund.ts). Both depend on
 * today (the current fiscal year, what is overdue), so today's date is part of the cache key.
 */

export function toApiFundYear(year: FundYear): ApiFundYear {
  return {
    fiscal_year: year.fiscalYear,
    beginning: toApiMoney(year.beginningCents),
    received: toApiMoney(year.receivedCents),
    received_settlements: toApiMoney(year.receivedSettlementCents),
    received_grants: toApiMoney(year.receivedGrantCents),
    interest: toApiMoney(year.receivedInterestCents),
    received_other: toApiMoney(year.receivedOtherCents),
    spent: toApiMoney(year.spentCents),
    audit: toApiMoney(year.auditCents),
    administration: toApiMoney(year.administrationCents),
    ending: toApiMoney(year.endingCents),
  };
}

export function toApiReconciliationRow(row: ReconciliationRow): ApiReconciliationRow {
  return {
    source: { key: row.sourceKey, name: row.sourceName },
    payment_year: row.paymentYear,
    expected: row.expectedCents === null ? null : toApiMoney(row.expectedCents),
    received: toApiMoney(row.receivedCents),
    difference: row.differenceCents === null ? null : toApiMoney(row.differenceCents),
    expected_on: row.expectedOn,
    status: row.status,
    estimate: row.estimate ? { estimated_on: row.estimate.estimatedOn, source: row.estimate.source } : null,
  };
}

export interface PublicFund {
  fund: FundYears;
  reconciliation: ReconciliationRow[];
}

/** The fund years and the reconciliation of one locality as of today, through the public cache. */
export function publicFund(db: Executor, locality: Pick<ApiLocalityRow, 'id'>, asOf: string = todayIso()): Promise<PublicFund> {
  return cachedPublic(`api:fund:${locality.id}:${asOf}`, locality.id, async () => {
    const [fund, reconciliation] = await Promise.all([
      getFundYears(db, { localityId: locality.id, asOf }),
      getReconciliation(db, { localityId: locality.id, asOf }),
    ]);
    return { fund, reconciliation };
  });
}

/** GET /api/v1/localities/{slug}/fund?fy=YYYY. Without `fy`, the current fiscal year (or the fund's latest). */
export async function fundAnswer(db: Executor, slug: string, params: URLSearchParams): Promise<ApiFundAnswer> {
  const q = parseQuery(params, { fy: fyParam });
  const locality = await resolveLocality(db, slug);
  const { fund, reconciliation } = await publicFund(db, locality);
  const years = fund.years.map((y) => y.fiscalYear);
  const fiscalYear = q.fy ?? chooseFiscalYear(undefined, [...years].reverse(), locality.fyStartMonth);
  // A year after the fund's last carries its balance with nothing in or out (as getFundYear answers it).
  const last = fund.years.at(-1);
  const year =
    fund.years.find((y) => y.fiscalYear === fiscalYear) ??
    (last && fiscalYear > last.fiscalYear ? quietFundYear(fiscalYear, last.endingCents) : null);
  return {
    locality: locality.slug,
    fiscal_year: fiscalYear,
    opening: fund.opening ? { fiscal_year: fund.opening.fiscalYear, amount: toApiMoney(fund.opening.amountCents) } : null,
    fund: year ? toApiFundYear(year) : null,
    fiscal_years: years,
    reconciliation: reconciliation.map(toApiReconciliationRow),
  };
}

