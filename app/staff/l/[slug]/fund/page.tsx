import type { Metadata } from 'next';
import Link from 'next/link';
import { FundTable } from '@/app/l/[slug]/money-in/fund-table';
import { StatusNotice } from '@/app/staff/_components/list-page';
import { can } from '@/lib/auth/authorize';
import { getFundYears } from '@/lib/data/fund';
import { formatCents } from '@/lib/money';
import { openingBalanceFormValues, readOpeningBalance } from '@/lib/services/fund/set-opening-balance';
import { setOpeningBalanceAction } from './actions';
import { OpeningBalanceForm } from './opening-balance-form';
import { openLocalityPage, type LocalityRoute } from '../_lib/locality-page';

export const metadata: Metadata = { title: 'Settlement fund' };

export default async function StaffFundPage(route: LocalityRoute) {
  const { actor, locality, query, db } = await openLocalityPage(route, 'fund');
  const [opening, fund] = await Promise.all([readOpeningBalance(db, locality.id), getFundYears(db, { localityId: locality.id })]);
  const saved = query.saved !== undefined;
  const mayWrite = can(actor, 'money.write', locality.id);
  const startsEarlier = opening !== null && fund.years.length > 0 && fund.years[0]!.fiscalYear < opening.fiscalYear;

  return (
    <div>
      <h1>Settlement fund</h1>
      <p className="lede">
        Each fiscal year: the balance at the start, what came in, what went out, and the balance at the end. Every
        balance is worked out from the receipts and payments (beginning + received − spent = ending), so it is always
        in step with them. <Link href={`/l/${locality.slug}/money-in`}>The public page</Link> shows the same table.
      </p>
      {saved ? <StatusNotice>Opening balance saved.</StatusNotice> : null}

      <section aria-labelledby="opening-heading">
        <h2 id="opening-heading">Opening balance</h2>
        <p>
          If the fund held money before the first fiscal year you record in Abate, enter that balance once. Editors and
          administrators of {locality.name} can enter and change it; every change is in the audit log.
        </p>
        {opening ? (
          <p>
            Saved: {formatCents(opening.amountCents)} on the first day of FY{opening.fiscalYear}
            {opening.note ? ` (${opening.note})` : ''} · version {opening.version}
          </p>
        ) : (
          <p>No opening balance: the fund starts at zero in its first year with money.</p>
        )}
        {startsEarlier ? (
          <p className="notice" role="note">
            Money is recorded in FY{fund.years[0]!.fiscalYear}, before the opening balance&apos;s year (FY{opening!.fiscalYear}); the
            table counts the opening balance from FY{fund.years[0]!.fiscalYear}. Move the opening balance to that year or earlier.
          </p>
        ) : null}
        {mayWrite ? (
          <OpeningBalanceForm
            action={setOpeningBalanceAction}
            slug={locality.slug}
            localityId={locality.id}
            version={opening?.version ?? null}
            initialValues={openingBalanceFormValues(opening)}
          />
        ) : null}
      </section>

      <section aria-labelledby="fund-heading">
        <h2 id="fund-heading">The fund by fiscal year</h2>
        <FundTable years={fund.years} caption={`${locality.name}: settlement fund by fiscal year, newest first`} />
      </section>
    </div>
  );
}
