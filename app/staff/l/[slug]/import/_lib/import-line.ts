import 'server-only';
import { importLine, ImportLineFullError, ImportLineLeftError } from '@/lib/import/line';
import { jsonResponse } from './import-request';
import { QUEUE_STREAM, type InLineEvent } from './queue-wire';

/**
 * The import routes run their work in the server's import line (lib/import/line.ts): one import at a time. A
 * browser that asks for `Accept: application/x-ndjson` gets an answer at once, as JSON lines: its place in line
 * while it waits (`{"type":"queued","position":2}`), then `{"type":"answer","status":…,"body":…}`. Any other
 * client simply waits and gets the JSON answer with its status, as before.
 */

export interface RouteAnswer {
  status: number;
  body: unknown;
}

export function wantsLineEvents(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes(QUEUE_STREAM);
}

/** Why an import could not take its turn, as an answer; null for any other error. */
export function lineRefusal(error: unknown): RouteAnswer | null {
  if (error instanceof ImportLineFullError) return { status: 503, body: { ok: false, reason: error.message } };
  if (error instanceof ImportLineLeftError) return { status: 499, body: { ok: false, reason: error.message } };
  return null;
}

export async function answerInLine(request: Request, work: () => Promise<RouteAnswer>): Promise<Response> {
  if (!wantsLineEvents(request)) {
    let answer: RouteAnswer;
    try {
      answer = await importLine().run(work, undefined, request.signal);
    } catch (error) {
      const refusal = lineRefusal(error);
      if (!refusal) throw error;
      answer = refusal;
    }
    return jsonResponse(answer.status, answer.body);
  }
  return lineEventStream((send) =>
    importLine().run(work, (position) => send({ type: 'queued', position }), request.signal),
  );
}

/**
 * A JSON-lines answer whose last line is the work's answer (or why it could not run). `run` gets `send` for the
 * events before it.
 */
export function lineEventStream(run: (send: (event: InLineEvent) => void) => Promise<RouteAnswer>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (event: InLineEvent) => {
        if (open) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      try {
        const answer = await run(send);
        send({ type: 'answer', status: answer.status, body: answer.body });
      } catch (error) {
        const refusal = lineRefusal(error);
        send({
          type: 'answer',
          ...(refusal ?? { status: 500, body: { ok: false, reason: 'The import failed on the server; nothing was saved.' } }),
        });
      } finally {
        open = false;
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': `${QUEUE_STREAM}; charset=utf-8`,
      'cache-control': 'private, no-store',
      'x-accel-buffering': 'no',
    },
  });
}
