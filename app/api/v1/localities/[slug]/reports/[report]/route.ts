import { connection } from 'next/server';
import { getDb } from '@/db/runtime';
import { errorResponse, jsonResponse } from '@/app/_lib/open-data-http';
import { reportAnswer, XLSX_CONTENT_TYPE } from '@/lib/reports/api';

/** GET /api/v1/localities/{slug}/reports/{report}?fy=YYYY: the report as JSON, or with &format=xlsx the workbook. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; report: string }> }) {
  await connection();
  try {
    const { slug, report } = await params;
    const answer = await reportAnswer(await getDb(), slug, report, new URL(request.url).searchParams);
    if (answer.kind === 'json') return jsonResponse(request, answer.value);
    return new Response(new Uint8Array(answer.body), {
      status: 200,
      headers: {
        'Content-Type': XLSX_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${answer.filename}"`,
        'Cache-Control': 'public, max-age=60',
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
