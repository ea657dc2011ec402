import { describe, expect, it } from 'vitest';
import { loadEnv, StartupError } from './env';

describe('loadEnv', () => {
  it('uses the embedded database when DATABASE_URL is unset or blank', () => {
    const env = loadEnv({ DATABASE_URL: ' ', ABATE_DATA_DIR: 'data/x' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.sessionDatabaseUrl).toBeUndefined();
    expect(env.dataDir.endsWith('/data/x')).toBe(true);
  });

  it('LISTEN and migrations use DATABASE_URL unless a session URL is given for a pooler', () => {
    const pooled = 'postgres://app@pgbouncer:6432/abate';
    expect(loadEnv({ DATABASE_URL: pooled }).sessionDatabaseUrl).toBe(pooled);
    const direct = 'postgres://app@db:5432/abate';
    expect(loadEnv({ DATABASE_URL: pooled, ABATE_SESSION_DATABASE_URL: direct }).sessionDatabaseUrl).toBe(direct);
  });

  it('migrations run on ABATE_MIGRATION_DATABASE_URL, else the session URL, else DATABASE_URL', () => {
    const app = 'postgres://abate_app@db:5432/abate';
    const direct = 'postgres://abate_app@db-direct:5432/abate';
    const owner = 'postgres://abate_owner@db:5432/abate';
    expect(loadEnv({ DATABASE_URL: app }).migrationDatabaseUrl).toBe(app);
    expect(loadEnv({ DATABASE_URL: app, ABATE_SESSION_DATABASE_URL: direct }).migrationDatabaseUrl).toBe(direct);
    expect(loadEnv({ DATABASE_URL: app, ABATE_SESSION_DATABASE_URL: direct, ABATE_MIGRATION_DATABASE_URL: owner }).migrationDatabaseUrl).toBe(owner);
    expect(() => loadEnv({ ABATE_MIGRATION_DATABASE_URL: owner })).toThrow(/ABATE_MIGRATION_DATABASE_URL is set but DATABASE_URL is not/);
    expect(() => loadEnv({ DATABASE_URL: app, ABATE_MIGRATION_DATABASE_URL: 'owner@db' })).toThrow(/ABATE_MIGRATION_DATABASE_URL: must be a PostgreSQL URL/);
  });

  it('names the variable and the problem in one line', () => {
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      new StartupError('Invalid environment variable DATABASE_URL: must be a PostgreSQL URL like postgres://user:password@host:5432/database'),
    );
    expect(() => loadEnv({ ABATE_SESSION_DATABASE_URL: 'postgres://app@db:5432/abate' })).toThrow(/DATABASE_URL is not/);
    expect(() => loadEnv({ PORT: '99999' })).toThrow(/PORT/);
  });

  it('trusts no proxy by default and refuses a list of trusted proxies it cannot read', () => {
    expect(loadEnv({}).ABATE_TRUSTED_PROXIES).toEqual([]);
    expect(loadEnv({ ABATE_TRUSTED_PROXIES: '10.0.0.0/8' }).ABATE_TRUSTED_PROXIES).toEqual([{ address: '10.0.0.0', family: 'ipv4', prefix: 8 }]);
    expect(() => loadEnv({ ABATE_TRUSTED_PROXIES: 'proxy.internal' })).toThrow(
      new StartupError(
        'Invalid environment variable ABATE_TRUSTED_PROXIES: "proxy.internal" is not an IP address or a network like 10.0.0.0/8 (separate several with commas)',
      ),
    );
  });
});
