import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** A start-up problem the operator can fix; printed as one line, never as a stack. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a PostgreSQL URL like postgres://user:password@host:5432/database');

/** One address (`10.0.0.5`, `::1`) or a network in CIDR form (`10.0.0.0/8`, `fd00::/8`). */
export interface TrustedProxy {
  address: string;
  family: 'ipv4' | 'ipv6';
  /** The prefix length; 32 or 128 for a single address. */
  prefix: number;
}

/**
 * ABATE_TRUSTED_PROXIES: the reverse proxies (load balancers) in front of Abate whose X-Forwarded-For is believed,
 * as addresses or CIDR networks separated by commas or spaces. Empty (the default): nobody's is, and the client's
 * address is the one the connection came from.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxy[] | string {
  const proxies: TrustedProxy[] = [];
  for (const item of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [address = '', prefixText, extra] = item.split('/');
    const version = net.isIP(address);
    const bits = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (version === 0 || extra !== undefined || !(prefix >= 0 && prefix <= bits)) {
      return `"${item.slice(0, 60)}" is not an IP address or a network like 10.0.0.0/8 (separate several with commas)`;
    }
    proxies.push({ address, family: version === 4 ? 'ipv4' : 'ipv6', prefix });
  }
  return proxies;
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
    .pipe(postgresUrl.optional()),
  // A direct (session-mode) connection for what a transaction-mode pooler such as PgBouncer cannot carry: LISTEN
  // for cache invalidation and the migrator's advisory lock. Defaults to DATABASE_URL.
  ABATE_SESSION_DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
    .pipe(postgresUrl.optional()),
  // The database's owner, for migrations only (and the grants that follow them, db/privileges.ts), so that
  // DATABASE_URL can name a role that owns nothing. Defaults to the session URL, then DATABASE_URL.
  ABATE_MIGRATION_DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))
    .pipe(postgresUrl.optional()),
  ABATE_DATA_DIR: z.string().trim().min(1).default('./data/abate'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ABATE_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // "0" turns off the demo seed that otherwise runs on the first start of an empty embedded database.
  ABATE_DEMO: z.enum(['0', '1']).default('1'),
  ABATE_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parseTrustedProxies(value);
      if (typeof parsed === 'string') {
        context.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
});

export type AbateEnv = z.infer<typeof envSchema> & {
  dataDir: string;
  /** Where LISTEN connects: ABATE_SESSION_DATABASE_URL, else DATABASE_URL. */
  sessionDatabaseUrl: string | undefined;
  /** Where migrations run: ABATE_MIGRATION_DATABASE_URL, else the session URL. */
  migrationDatabaseUrl: string | undefined;
};

export function loadEnv(source: Record<string, string | undefined> = process.env): AbateEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') || 'environment';
    throw new StartupError(`Invalid environment variable ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  if (parsed.data.ABATE_SESSION_DATABASE_URL && !parsed.data.DATABASE_URL) {
    throw new StartupError('ABATE_SESSION_DATABASE_URL is set but DATABASE_URL is not: set both, or neither for the embedded database');
  }
  if (parsed.data.ABATE_MIGRATION_DATABASE_URL && !parsed.data.DATABASE_URL) {
    throw new StartupError('ABATE_MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set both, or neither for the embedded database');
  }
  const sessionDatabaseUrl = parsed.data.ABATE_SESSION_DATABASE_URL ?? parsed.data.DATABASE_URL;
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.ABATE_DATA_DIR),
    sessionDatabaseUrl,
    migrationDatabaseUrl: parsed.data.ABATE_MIGRATION_DATABASE_URL ?? sessionDatabaseUrl,
  };
}

/** Where a PostgreSQL URL points, without its password, for messages. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
