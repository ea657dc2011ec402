/**
 * The one context every service verb takes, and the transaction it writes in.
 *
 * A verb is `verb(ctx, input, …)` with `ctx = { actor, db }`: who acts (the actor type the verb accepts: a person, the
 * command line's import actor, …) and where (the database, or a transaction in progress). It writes through
 * `withTransaction(ctx, fn)`, which opens a transaction or, when `ctx.db` already is one opened by `withTransaction`,
 * joins it: a verb called from inside another (an import writing through a verb) adds to the caller's transaction
 * instead of opening a savepoint, and both commit or roll back together.
 *
 * Audit rows go in through `emitAudit(tx, entries)`, which also notes the localities they name on the transaction.
 * The outermost `withTransaction` sends ONE data-change signal for all of them just before it commits (pg_notify is
 * delivered on commit and not at all on rollback): dropping cached public reads is an effect of the committed
 * transaction, not of writing an audit row.
 */
import type { Executor, Transaction } from '@/db/client';
import { signalDataChanged } from '@/db/data-changes';
import { recordAudit, type AuditEntry } from '@/lib/audit/record-audit';

export interface ServiceContext<A> {
  readonly actor: A;
  readonly db: Executor;
}

// Type-only brand: a transaction that `withTransaction` opened, and so one that will send the change signal. Only
// this module makes one (by a cast), so `emitAudit` cannot be handed a transaction whose changes nobody would signal.
declare const openedByWithTransaction: unique symbol;
export type ServiceTransaction = Transaction & { readonly [openedByWithTransaction]: true };

/** What `withTransaction` hands its function: the same actor, and the transaction as `db`. */
export interface TransactionContext<A> extends ServiceContext<A> {
  readonly db: ServiceTransaction;
}

interface TransactionState {
  /** The localities whose data the transaction changed (null: data not tied to one locality). */
  readonly changed: Set<number | null>;
}

// Keyed by the transaction object itself, so a context rebuilt around the same transaction (another actor, a spread)
// still finds it; a WeakMap, so a transaction that ended is forgotten with it.
const open = new WeakMap<object, TransactionState>();

/**
 * Runs `fn` in a transaction: the one `ctx.db` is, when `withTransaction` opened it (no nested transaction or
 * savepoint), or a new one. The outermost call signals the changed localities just before it commits; a throw rolls
 * everything back, signal included.
 */
export async function withTransaction<A, R>(ctx: ServiceContext<A>, fn: (tx: TransactionContext<A>) => Promise<R>): Promise<R> {
  if (open.has(ctx.db)) return fn({ actor: ctx.actor, db: ctx.db as ServiceTransaction });
  // A transaction opened some other way (a test's, a script's) gets a savepoint here: its signal is sent with it,
  // and PostgreSQL delivers it only if the savepoint and the outer transaction both commit.
  return ctx.db.transaction(async (tx) => {
    const state: TransactionState = { changed: new Set() };
    open.set(tx, state);
    try {
      const result = await fn({ actor: ctx.actor, db: tx as ServiceTransaction });
      await signalDataChanged(tx, state.changed);
      return result;
    } finally {
      open.delete(tx);
    }
  });
}

/** Notes, for the signal sent at commit, that the data of these localities changed in this transaction. */
export function noteDataChanged(tx: ServiceTransaction, localityIds: Iterable<number | null>): void {
  const state = open.get(tx);
  // Unreachable through the types (only withTransaction makes a ServiceTransaction); a cast around them must fail
  // loudly rather than lose the signal.
  if (!state) throw new Error('noteDataChanged outside withTransaction: the change would never be signalled');
  for (const id of localityIds) state.changed.add(id);
}

/** Writes the audit rows of a change in its transaction, and notes their localities for the signal at commit. */
export async function emitAudit(tx: ServiceTransaction, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  noteDataChanged(tx, list.map((entry) => entry.localityId));
  await recordAudit(tx, list);
}

/** What an edited record's audit row says besides who edited it: where, which record, before and after, and why. */
export type UpdatedRecord = Pick<AuditEntry, 'localityId' | 'entity' | 'entityId' | 'before' | 'after' | 'reason'>;

/** The audit row of a record this transaction edited, by `userId`. */
export function emitUpdated(tx: ServiceTransaction, userId: number | null, record: UpdatedRecord): Promise<void> {
  return emitAudit(tx, { ...record, userId, action: 'update' });
}

/** What a created record's audit row says besides who created it: where, which record, and the record as created. */
export type CreatedRecord = Pick<AuditEntry, 'localityId' | 'entity' | 'entityId' | 'after' | 'reason'>;

/** The audit row of a record this transaction created, by `userId` (null: the command line). */
export function emitCreated(tx: ServiceTransaction, userId: number | null, record: CreatedRecord): Promise<void> {
  return emitAudit(tx, { ...record, userId, action: 'create' });
}
