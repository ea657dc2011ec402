import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { fundOpeningBalances } from '@/db/schema';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { firstMoneyYear } from '@/lib/data/fund';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { centsToDecimalString } from '@/lib/money';
import { staleVersionConflict } from '../conflict';
import { fiscalYearField, moneyField, textField, versionField } from '../input-fields';
import { loadLocalityOfInput } from '../record-refs';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

/**
 * The opening balance of a locality's settlement fund: what the fund held on the first day of the first fiscal year
 * the locality records in Abate. Entered once, by whoever may write the locality's money (editor or administrator of
 * the locality: 'money.write'), because it is one more money figure of the same ledger and it sets every balance
 * after it. Every later balance is derived from it and the ledger (lib/data/fund.ts), so there is nothing else to
 * keep in step. Saved over the version the form was opened with; audited.
 */

export const FUND_OPENING_ENTITY = 'fund_opening_balance';

export const openingBalanceFieldsSchema = z.object({
  fiscalYear: fiscalYearField,
  amount: moneyField({ required: 'Enter the balance the fund held, 0 if it held nothing.', allowNegative: false, allowZero: true }),
  note: textField({ max: 2000, tooLong: 'Keep the note under 2,000 characters.' }),
});

/** Absent for the first save; the version the form was opened at for an edit. */
const versionRef = z.object({ version: z.preprocess((v) => (v === '' ? undefined : v), versionField.optional()) });

export interface OpeningBalanceSnapshot {
  localityId: number;
  fiscalYear: number;
  amountCents: bigint;
  note: string;
  version: number;
}

/** The form's values as the form holds them (text), so a conflict can show them beside the person's own. */
export interface OpeningBalanceFormValues {
  fiscalYear: string;
  amount: string;
  note: string;
}

export function openingBalanceFormValues(snapshot: OpeningBalanceSnapshot | null): OpeningBalanceFormValues {
  if (!snapshot) return { fiscalYear: '', amount: '', note: '' };
  return { fiscalYear: String(snapshot.fiscalYear), amount: centsToDecimalString(snapshot.amountCents), note: snapshot.note };
}

export async function readOpeningBalance(executor: Executor, localityId: number): Promise<OpeningBalanceSnapshot | null> {
  const [row] = await executor
    .select({
      localityId: fundOpeningBalances.localityId,
      fiscalYear: fundOpeningBalances.fiscalYear,
      amountCents: fundOpeningBalances.amountCents,
      note: fundOpeningBalances.note,
      version: fundOpeningBalances.version,
    })
    .from(fundOpeningBalances)
    .where(eq(fundOpeningBalances.localityId, localityId));
  return row ? { ...row, amountCents: BigInt(row.amountCents) } : null;
}

function conflict(executor: Executor, snapshot: OpeningBalanceSnapshot) {
  return staleVersionConflict(executor, {
    entity: FUND_OPENING_ENTITY,
    id: snapshot.localityId,
    version: snapshot.version,
    values: openingBalanceFormValues(snapshot),
  });
}

/**
 * Creates (no version) or edits (version) the locality's opening balance. Refused, with the field named and nothing
 * written: a negative amount, and a fiscal year after the first year that already has money in Abate (the opening
 * balance is the balance before any money Abate records).
 */
export async function setFundOpeningBalance(
  ctx: ServiceContext<Actor | null>,
  input: unknown,
): Promise<{ localityId: number; version: number }> {
  const { db, actor } = ctx;
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const { version } = parseInput(versionRef, input);
  const fields = parseInput(openingBalanceFieldsSchema, input);

  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readOpeningBalance(tx, locality.id);
    // Someone saved first: the first save finds a balance, or an edit finds another version (or none at all).
    if (before && before.version !== version) throw await conflict(tx, before);
    if (!before && version !== undefined) {
      throw new Invalid('The opening balance you opened is no longer there; reload the page.', {});
    }
    const first = await firstMoneyYear(tx, locality.id);
    if (first !== null && fields.fiscalYear > first) {
      throw new Invalid('Please correct the field marked below.', {
        fiscalYear: [
          `Money is already recorded in FY${first}: the opening balance is the balance on the first day of FY${first} or an earlier year.`,
        ],
      });
    }
    const values = { fiscalYear: fields.fiscalYear, amountCents: fields.amount, note: fields.note, updatedBy: actor.userId, updatedAt: new Date() };
    let saved: { version: number }[];
    if (before) {
      saved = await tx
        .update(fundOpeningBalances)
        .set({ ...values, version: sql`${fundOpeningBalances.version} + 1` })
        .where(and(eq(fundOpeningBalances.localityId, locality.id), eq(fundOpeningBalances.version, before.version)))
        .returning({ version: fundOpeningBalances.version });
    } else {
      saved = await tx
        .insert(fundOpeningBalances)
        .values({ localityId: locality.id, ...values })
        .onConflictDoNothing()
        .returning({ version: fundOpeningBalances.version });
    }
    if (saved.length === 0) throw await conflict(tx, (await readOpeningBalance(tx, locality.id))!);
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: locality.id,
      action: before ? 'update' : 'create',
      entity: FUND_OPENING_ENTITY,
      entityId: locality.id,
      before,
      after: await readOpeningBalance(tx, locality.id),
    });
    return { localityId: locality.id, version: saved[0]!.version };
  });
}
