import { connection, NextResponse } from 'next/server';
import { pingDatabase } from '@/db/runtime';
import { describeCause } from '@/lib/errors';
import { databaseUnavailableResponse } from '@/lib/errors/unavailable-response';

const TIMEOUT_MS = 2_000;

/**
 * For load balancers (and error.tsx): 200 when this server can reach its database within two seconds, otherwise 503
 * (on the embedded database, one busy with a long import counts as reached: see DatabaseHandle.ping),
 * with `database: "unavailable"` and a Retry-After. It never says why, beyond that, to the caller; the log does.
 */
export async function GET(): Promise<Response> {
  await connection();
  try {
    await Promise.race([
      pingDatabase(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within two seconds')), TIMEOUT_MS).unref()),
    ]);
    return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error(`[abate] health check: database unavailable: ${describeCause(error)}`);
    const response = databaseUnavailableResponse();
    return new Response(
      JSON.stringify({ status: 'unavailable', database: 'unavailable', message: 'The database is unavailable.' }),
      { status: 503, headers: response.headers },
    );
  }
}
