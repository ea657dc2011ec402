import { sql } from 'drizzle-orm';
import { connection, NextResponse } from 'next/server';
import { getDb } from '@/db/runtime';

const TIMEOUT_MS = 2_000;

/** For load balancers: 200 when this server can reach its database within two seconds, 503 otherwise. */
export async function GET(): Promise<NextResponse> {
  await connection();
  try {
    const db = await getDb();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref()),
    ]);
    return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return NextResponse.json(
      { status: 'unavailable', message: 'The database is unavailable.' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
