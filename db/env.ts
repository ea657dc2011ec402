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
  ABATE_DATA_DIR: z.string().trim().min(1).default('./data/abate'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ABATE_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // "0" turns off the demo seed that otherwise runs on the first start of an empty embedded database.
  ABATE_DEMO: z.enum(['0', '1']).default('1'),
});

export type AbateEnv = z.infer<typeof envSchema> & {
  dataDir: string;
  /** Where LISTEN and migrations connect: ABATE_SESSION_DATABASE_URL, else DATABASE_URL. */
  sessionDatabaseUrl: string | undefined;
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
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.ABATE_DATA_DIR),
    sessionDatabaseUrl: parsed.data.ABATE_SESSION_DATABASE_URL ?? parsed.data.DATABASE_URL,
  };
}

/** Where a PostgreSQL URL points, without its password, for messages. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
