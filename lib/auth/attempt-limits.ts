/**
 * How many times someone may guess a password: at sign-in and when changing one's password (the "current
 * password" is a guess too). The attempts are rows of `sign_in_attempts`, shared by every app server.
 *
 * - Slow down, never lock. After 5 failures to an account in an hour (20 from an address), the next attempt must
 *   wait 1 second after the last failure, then 2, 4, 8 … up to 15 minutes; an attempt made during the wait is
 *   refused without looking at the password, and is not counted. Failures older than an hour are forgotten.
 * - The account's delay does not apply from an address where that account signed in within the last 30 days: an
 *   attacker guessing an administrator's password from elsewhere slows down the attacker, not the administrator at
 *   their usual desk. Every address has its own delay, the administrator's included, so guessing from the office
 *   is slowed there too.
 * - The attempt is counted BEFORE the password is checked, in a transaction that holds a lock on the account and
 *   one on the address (advisory locks, always in that order): forty guesses sent at once are counted one by one,
 *   and only those the limit allows are checked. A crash between the count and the check leaves a failure: the
 *   safe side.
 * - Unknown emails are counted exactly like real ones, so the limits tell nothing about which accounts exist.
 * - Old rows are pruned, with expired sessions, at most once every ten minutes per server, from the attempts
 *   themselves: failures after a day, successes after the 30 days they serve to recognise an address.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { Invalid } from '@/lib/errors';
import { queryRows } from '@/lib/data/rows';
import { deleteExpiredSessions } from './sessions';

export const FAILURE_WINDOW_MS = 60 * 60 * 1000;
export const FREE_FAILURES_PER_ACCOUNT = 5;
export const FREE_FAILURES_PER_ADDRESS = 20;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;
export const KEEP_FAILURES_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
const PRUNE_BATCH = 10_000;
/** First key of the advisory locks (any constant that differs from the migrator's; db/migrate.ts). */
const LOCK_NAMESPACE = 14_2026;

/** How long after the last failure the next attempt must wait, given the failures counted so far. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - free, 30));
}

function inWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Refused without checking the password: wait, then try again. */
export class TooManyAttempts extends Invalid {
  constructor(readonly waitMs: number) {
    super(`Too many failed attempts. Wait ${inWords(waitMs)} and try again.`);
  }
}

interface AttemptState {
  accountFailures: number;
  accountLastMs: number | null;
  addressFailures: number;
  addressLastMs: number | null;
  knownAddress: boolean;
}

/**
 * Counts an attempt for this account (lower-case email) from this address, or throws TooManyAttempts. Returns the
 * attempt's id: a failure until `attemptSucceeded` says otherwise.
 */
export async function takeAttempt(executor: Executor, who: { email: string; ip: string }, now = new Date()): Promise<number> {
  const email = who.email.trim().toLowerCase();
  const { ip } = who;
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const knownSince = new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString();
  const taken = await executor.transaction(async (tx): Promise<{ id: number } | { refusedFor: number }> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${`account:${email}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${`address:${ip}`}))`);
    const [state] = await queryRows<AttemptState>(
      tx,
      sql`select
            (select count(*)::int from sign_in_attempts
              where email = ${email} and not succeeded and at > ${since}::timestamptz) as "accountFailures",
            (select (extract(epoch from max(at)) * 1000)::float8 from sign_in_attempts
              where email = ${email} and not succeeded and at > ${since}::timestamptz) as "accountLastMs",
            (select count(*)::int from sign_in_attempts
              where ip = ${ip} and not succeeded and at > ${since}::timestamptz) as "addressFailures",
            (select (extract(epoch from max(at)) * 1000)::float8 from sign_in_attempts
              where ip = ${ip} and not succeeded and at > ${since}::timestamptz) as "addressLastMs",
            exists (select 1 from sign_in_attempts
              where email = ${email} and ip = ${ip} and succeeded and at > ${knownSince}::timestamptz) as "knownAddress"`,
    );
    const waitFor = (failures: number, lastMs: number | null, free: number) =>
      lastMs === null ? 0 : Math.max(0, Number(lastMs) + delayAfter(Number(failures), free) - now.getTime());
    const wait = Math.max(
      state!.knownAddress ? 0 : waitFor(state!.accountFailures, state!.accountLastMs, FREE_FAILURES_PER_ACCOUNT),
      waitFor(state!.addressFailures, state!.addressLastMs, FREE_FAILURES_PER_ADDRESS),
    );
    if (wait > 0) return { refusedFor: wait };
    const [row] = await queryRows<{ id: number }>(
      tx,
      sql`insert into sign_in_attempts (email, ip, succeeded, at) values (${email}, ${ip}, false, ${now.toISOString()}::timestamptz)
          returning id`,
    );
    return { id: Number(row!.id) };
  });
  if ('refusedFor' in taken) {
    console.warn(`[abate] attempt refused (too many failures) for ${email} from ${ip}`);
    throw new TooManyAttempts(taken.refusedFor);
  }
  // By the server's clock, not `now` (which tests move): pruning is housekeeping, not part of the decision.
  await pruneIfDue(executor);
  return taken.id;
}

/** The password was right: the attempt stops counting as a failure, and the address is known for the account. */
export async function attemptSucceeded(executor: Executor, attemptId: number): Promise<void> {
  await executor.execute(sql`update sign_in_attempts set succeeded = true where id = ${attemptId}`);
}

const globalForPrune = globalThis as unknown as { __abateLastPrune?: number };

/** Expired sessions and attempts nobody needs any more; at most once every ten minutes per server process. */
export async function pruneIfDue(executor: Executor, now = new Date()): Promise<void> {
  const last = globalForPrune.__abateLastPrune ?? 0;
  if (Math.abs(now.getTime() - last) < PRUNE_EVERY_MS) return;
  globalForPrune.__abateLastPrune = now.getTime();
  await pruneSignInRecords(executor, now);
}

/** Deletes expired sessions, failures older than a day and successes older than 30 days (in bounded batches). */
export async function pruneSignInRecords(executor: Executor, now = new Date()): Promise<{ attempts: number }> {
  await deleteExpiredSessions(executor, now);
  const failuresBefore = new Date(now.getTime() - KEEP_FAILURES_MS).toISOString();
  const successesBefore = new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString();
  const deleted = await queryRows<{ id: number }>(
    executor,
    sql`delete from sign_in_attempts where id in (
          select id from sign_in_attempts
          where at < ${failuresBefore}::timestamptz and (not succeeded or at < ${successesBefore}::timestamptz)
          limit ${PRUNE_BATCH})
        returning id`,
  );
  return { attempts: deleted.length };
}
