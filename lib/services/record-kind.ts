/**
 * What the verbs that save and delete a versioned record share (allocations, receipts, expenditures, outcomes,
 * equity goals): each kind of record names its table, its audit entity, how to read it and how its form shows it,
 * once; the steps every save over a version takes are written here once. A save is refused with a Conflict when the
 * record changed, or was deleted, since the form was opened: nothing is written, and the Conflict carries the saved
 * values.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { requireScope, requireVisible, type Actor } from '@/lib/auth/authorize';
import { type Conflict, NotFound } from '@/lib/errors';
import { staleVersionConflict } from './conflict';
import type { ServiceContext } from './context';
import { parseVersionedRef } from './record-refs';

/** A table whose rows keep a version and are deleted softly. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; deletedAt: PgColumn; updatedAt: PgColumn };

export interface VersionedSnapshot {
  id: number;
  localityId: number;
  version: number;
  deletedAt: Date | null;
}

export interface RecordKind<Snapshot extends VersionedSnapshot, Table extends VersionedTable> {
  table: Table;
  /** The audit log's entity name. */
  entity: string;
  /** "That receipt": how errors name a record of this kind. */
  label: string;
  read(executor: Executor, id: number): Promise<Snapshot | null>;
  /** The saved record in its form's shape, for the Conflict a stale save gets. */
  formValues(snapshot: Snapshot): unknown;
}

/** The Conflict a stale save or delete of `snapshot` gets, with its saved values in the form's shape. */
export function conflictOf<Snapshot extends VersionedSnapshot>(
  executor: Executor,
  kind: RecordKind<Snapshot, VersionedTable>,
  snapshot: Snapshot,
): Promise<Conflict> {
  return staleVersionConflict(executor, {
    entity: kind.entity,
    id: snapshot.id,
    version: snapshot.version,
    values: kind.formValues(snapshot),
    deleted: snapshot.deletedAt !== null,
  });
}

/** The record a save is about, read in its transaction: gone is NotFound, deleted or changed since is a Conflict. */
export async function readForSave<Snapshot extends VersionedSnapshot>(
  tx: Executor,
  kind: RecordKind<Snapshot, VersionedTable>,
  ref: { id: number; version: number },
): Promise<Snapshot> {
  const before = await kind.read(tx, ref.id);
  if (!before) throw new NotFound(kind.label);
  if (before.deletedAt || before.version !== ref.version) throw await conflictOf(tx, kind, before);
  return before;
}

/**
 * Writes `set` over the version the person saw, of a record not deleted, with the next version and the time (now,
 * unless `set` gives it: a soft delete stamps its deletion time). When someone saved or deleted it between the read
 * and this write, theirs stands and this is refused with their values. Returns the new version.
 */
export async function updateOverVersion<Snapshot extends VersionedSnapshot, Table extends VersionedTable>(
  tx: Executor,
  kind: RecordKind<Snapshot, Table>,
  ref: { id: number; version: number },
  set: PgUpdateSetSource<Table>,
): Promise<number> {
  const { table } = kind;
  const values = { updatedAt: new Date(), ...set, version: sql`${table.version} + 1` };
  const updated = await tx
    .update(table)
    .set(values as PgUpdateSetSource<Table>)
    .where(and(eq(table.id, ref.id), eq(table.version, ref.version), isNull(table.deletedAt)))
    .returning({ version: table.version });
  const [row] = updated as { version: number }[];
  if (!row) throw await conflictOf(tx, kind, (await kind.read(tx, ref.id))!);
  return row.version;
}

/**
 * The first step of a money record's edit, before its transaction: which record and version the form names, the
 * record as it is (not visible to this person is "not found"), and the person's right to change money in its
 * locality. Returns the actor, known from here on to be signed in.
 */
export async function authorizeEdit<Snapshot extends VersionedSnapshot>(
  ctx: ServiceContext<Actor | null>,
  input: unknown,
  kind: RecordKind<Snapshot, VersionedTable>,
): Promise<{ actor: Actor; ref: { id: number; version: number }; existing: Snapshot }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, await kind.read(db, ref.id), kind.label);
  requireScope(actor, 'money.write', existing.localityId);
  return { actor, ref, existing };
}
