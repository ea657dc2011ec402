import { connection } from 'next/server';
import { errorResponse, jsonResponse } from '@/app/_lib/open-data-http';
import { openApiDocument } from '@/lib/open-data/openapi';

export async function GET(request: Request) {
  await connection();
  try {
    return jsonResponse(request, openApiDocument());
  } catch (error) {
    return errorResponse(error);
  }
}
