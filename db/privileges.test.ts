import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUser } from '@/lib/auth/create-user';
import { createSession, endSession, findActorBySession } from '@/lib/auth/sessions';
import { openDatabase, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { prepareDatabase } from './prepare';
import { seedDemoData } from '@/lib/demo/seed-demo';
import { onMigrationConnection } from './session-connection';
import { postgresAvailable } from './testing/test-database';

/**
 * Least privilege on PostgreSQL (docs/deploy.md): a database owned by one role, migrated by it through the
 * migration URL as the server does at start-up, and the app connected as a second role that owns nothing. The app
 * does its ordinary work; what the audit triggers cannot stop an owner from doing, PostgreSQL stops it from doing.
 */
describe.skipIf(!postgresAvailable())('the app connected as a role that owns nothing [postgres]', () => {
  const suffix = crypto.randomBytes(5).toString('hex');
  const owner = `abate_test_owner_${suffix}`;
  const app = `abate_test_app_${suffix}`;
  const database = `abate_test_priv_${suffix}`;
  let adminUrl: string;
  let handle: DatabaseHandle;

  const urlAs = (role: string) => {
    const url = new URL(adminUrl);
    url.username = role;
    url.password = 'test-password';
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    adminUrl = inject('postgresAdminUrl')!;
    await admin(`create role ${owner} login password 'test-password'`);
    await admin(`create role ${app} login password 'test-password'`);
    await admin(`create database ${database} owner ${owner}`);
    handle = await openDatabase({ databaseUrl: urlAs(app), poolMax: 2 });
  });
  afterAll(async () => {
    await handle?.close();
    await admin(`drop database if exists ${database} with (force)`);
    await admin(`drop role if exists ${app}`);
    await admin(`drop role if exists ${owner}`);
  });

  /** The SQLSTATE a statement run as the app fails with, or 'ok'. */
  const asApp = async (statement: string): Promise<string> => {
    try {
      await handle.db.execute(sql.raw(statement));
      return 'ok';
    } catch (error) {
      return String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    }
  };

  it('cannot migrate by itself, and says which URL to set', async () => {
    await expect(migrateDatabase(handle)).rejects.toThrow(/may not apply them .*ABATE_MIGRATION_DATABASE_URL/);
  });

  it('starts once the owner has migrated through the migration URL, and then needs no migration of its own', async () => {
    const env = { DATABASE_URL: urlAs(app), migrationDatabaseUrl: urlAs(owner) };
    await onMigrationConnection(handle, env, (migrator) => prepareDatabase(migrator, { demo: null }));
    await migrateDatabase(handle);
    const owners = await handle.db.execute(sql`select distinct tableowner from pg_tables where schemaname = 'public'`);
    expect((owners as unknown as { rows: unknown[] }).rows).toEqual([{ tableowner: owner }]);
  });

  it('does its ordinary reads and writes: the demo ledger (totals and split triggers included), users and sessions', async () => {
    await seedDemoData(handle.db);
    const { userId } = await createUser(
      handle.db,
      { email: `least-${suffix}@example.test`, name: 'Least Privilege', role: 'admin', password: 'a long enough password' },
      null,
    );
    const { token } = await createSession(handle.db, userId);
    expect((await findActorBySession(handle.db, token))?.userId).toBe(userId);
    await endSession(handle.db, token);
    expect(await findActorBySession(handle.db, token)).toBeNull();
    expect(await asApp('update localities set population = population where id = (select min(id) from localities)')).toBe('ok');
    expect(await asApp('select count(*) from audit_log')).toBe('ok');
  });

  it('cannot alter, truncate, rewrite or drop the audit log, disable a trigger, or create a table', async () => {
    const refused = '42501'; // insufficient_privilege
    expect(await asApp('alter table audit_log disable trigger all')).toBe(refused);
    expect(await asApp('alter table audit_log disable trigger audit_log_no_update_delete')).toBe(refused);
    expect(await asApp('truncate audit_log')).toBe(refused);
    expect(await asApp('update audit_log set action = action')).toBe(refused);
    expect(await asApp('delete from audit_log')).toBe(refused);
    expect(await asApp('drop table audit_log')).toBe(refused);
    expect(await asApp('alter table allocations disable trigger all')).toBe(refused);
    expect(await asApp('truncate allocations')).toBe(refused);
    expect(await asApp('create table mine (id integer)')).toBe(refused);
    const entries = await handle.db.execute(sql`select count(*)::int as n from audit_log`);
    expect((entries as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(0);
  });
});
