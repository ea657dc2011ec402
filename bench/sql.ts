import type { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * One connection, either driver: plain queries and COPY in and out. The benchmark loads and copies through this;
 * the app's own reads go through drizzle (db/client.ts) as they do in the server.
 */
export interface BenchSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** `COPY table (columns) FROM STDIN` (text format) with the contents of a file or a buffer. */
  copyIn(table: string, columns: readonly string[], data: { file: string } | { bytes: Buffer }): Promise<void>;
  /** `COPY (select …) TO STDOUT` (text format). */
  copyOut(select: string): Promise<Buffer>;
}

export function postgresSql(client: pg.Client | pg.PoolClient): BenchSql {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as T[];
    },
    async copyIn(table, columns, data) {
      const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      const source = 'file' in data ? fs.createReadStream(data.file) : [data.bytes];
      await pipeline(source, stream);
    },
    async copyOut(select) {
      const chunks: Buffer[] = [];
      const stream = client.query(copyTo(`copy (${select}) to stdout`));
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** PGlite reads COPY input from, and writes COPY output to, the virtual device /dev/blob. */
export function pgliteSql(client: PGlite): BenchSql {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    async copyIn(table, columns, data) {
      const bytes = 'file' in data ? fs.readFileSync(data.file) : data.bytes;
      await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    },
    async copyOut(select) {
      const result = await client.query(`copy (${select}) to '/dev/blob'`);
      return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
    },
  };
}

/** Runs `fn` with a connection to the server's maintenance database (to create and drop databases). */
export async function withAdminClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}
