import type pg from 'pg';
import { rawClient, type DatabaseHandle } from './client';

/**
 * Least privilege on PostgreSQL (docs/deploy.md): the app may connect as a role that owns nothing, and the owner,
 * which runs the migrations (ABATE_MIGRATION_DATABASE_URL), gives it exactly what the app does:
 *
 * - read and write the rows of every table (the triggers that keep totals and refuse bad splits run as the app's
 *   role, so they need the same), except the audit log, which it may only read and append to;
 * - use the sequences behind the ids;
 * - read which migrations were applied, so that it can start without trying to migrate (db/migrate.ts).
 *
 * Owning nothing, it cannot ALTER, DROP or TRUNCATE a table, disable a trigger, or create anything (PostgreSQL 15
 * gives no role CREATE on the public schema by default). Run after every migration, so a new table is covered the
 * moment it exists; every statement is idempotent.
 */
export function appPrivilegesSql(appRole: string): string[] {
  const role = identifier(appRole);
  return [
    `grant usage on schema public to ${role}`,
    `grant select, insert, update, delete on all tables in schema public to ${role}`,
    `revoke update, delete, truncate, references, trigger on audit_log from ${role}`,
    `grant usage, select on all sequences in schema public to ${role}`,
    `grant usage on schema drizzle to ${role}`,
    `grant select on drizzle.__drizzle_migrations to ${role}`,
  ];
}

/** The role a handle's connections act as. */
export async function currentRole(handle: DatabaseHandle): Promise<string> {
  const result = await (rawClient(handle) as pg.Pool).query<{ role: string }>('select current_user as role');
  const role = result.rows[0]?.role;
  if (!role) throw new Error('PostgreSQL did not say which role this connection is');
  return role;
}

/**
 * When the app connects as a role other than the one that migrated (`owner`), gives it the app's privileges. Returns
 * the role granted to, or null when both are the same role (the owner needs no grant) or on the embedded database.
 */
export async function grantAppPrivileges(owner: DatabaseHandle, app: DatabaseHandle): Promise<string | null> {
  if (owner.driver !== 'postgres' || app.driver !== 'postgres') return null;
  const [ownerRole, appRole] = await Promise.all([currentRole(owner), currentRole(app)]);
  if (ownerRole === appRole) return null;
  const client = await (rawClient(owner) as pg.Pool).connect();
  try {
    await client.query('begin');
    for (const statement of appPrivilegesSql(appRole)) await client.query(statement);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return appRole;
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
