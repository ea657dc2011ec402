/**
 * Runs once when the server starts. The Node.js-only work lives in db/server-start.ts so that the Edge bundle of
 * this file never sees it; `next build` skips it, so the build never opens the database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before the first request is served: the sign-in limits count the connection's address (lib/auth/client-address.ts).
  const { recordPeerAddresses } = await import('./lib/auth/client-address');
  recordPeerAddresses();
  if (process.env.NODE_ENV === 'production') {
    // A fresh kept page is answered as the request arrives, before Next.js routes it (lib/cache/page-early-answer.ts).
    const { answerFreshPagesEarly } = await import('./lib/cache/page-early-answer');
    answerFreshPagesEarly();
  }
  const { startServerDatabase } = await import('./db/server-start');
  const { seedDemoData } = await import('./lib/demo/seed-demo');
  await startServerDatabase({ demo: seedDemoData });
}
