import { connection } from 'next/server';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { ATOM_CONTENT_TYPE, renderAtomFeed } from '@/lib/open-data/atom';
import { notFound } from '@/lib/open-data/errors';
import { errorResponse, publicTextResponse } from '@/app/_lib/open-data-http';
import { fromTrustedProxy, trustedProxiesFromEnv } from '@/lib/auth/client-address';
import { siteOrigin } from '@/lib/security/same-origin';
import { localityFeedView } from '@/lib/views/locality-feed-view';

/** GET /l/{slug}/feed.xml: the locality's Atom feed, cached like the public API (an ETag, a minute in caches). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  try {
    const db = await getDb();
    const locality = await publicReads.locality(db, (await params).slug);
    if (!locality) throw notFound('slug', 'No locality has that slug, so it has no feed; GET /api/v1/localities lists them.');
    const feed = await publicReads.feed(db, locality.id);
    const xml = renderAtomFeed(localityFeedView(locality, feed, siteOrigin(request, fromTrustedProxy(request.headers, trustedProxiesFromEnv()))));
    return publicTextResponse(request, xml, ATOM_CONTENT_TYPE);
  } catch (error) {
    return errorResponse(error);
  }
}
