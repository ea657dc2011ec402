import { downloadGet } from '@/app/_lib/open-data-http';

/** /data/{slug}/allocations.csv, /data/all/datapackage.json, …: see lib/open-data/downloads.ts. */
export async function GET(request: Request, { params }: { params: Promise<{ scope: string; file: string }> }) {
  const { scope, file } = await params;
  return downloadGet(request, scope, file);
}
