/**
 * The import line as the browser sees it (import-line.ts is the server's half). Safe to import in the browser.
 */

export const QUEUE_STREAM = 'application/x-ndjson';

export type InLineEvent =
  | { type: 'queued'; position: number }
  | { type: 'answer'; status: number; body: unknown };

/** "Another import is running on this server; yours is next." and so on, for a place in line (1: next). */
export function lineMessage(position: number): string {
  const place = position === 1 ? 'yours is next' : `yours is number ${position} in line`;
  return `Another import is running on this server; ${place}. It starts by itself; keep this page open.`;
}

/**
 * POSTs an import step asking for its place in line while it waits; `onQueued` gets each place, then null when the
 * answer comes. Returns the answer's body, or a failure the page can show: T is the route's answer, which always
 * includes `{ ok: false, reason }`.
 */
export async function postInLine<T extends { ok: boolean }>(
  url: string,
  form: FormData,
  onQueued: (position: number | null) => void,
): Promise<T> {
  const failure = (reason: string) => ({ ok: false, reason }) as unknown as T;
  const response = await fetch(url, { method: 'POST', body: form, headers: { accept: QUEUE_STREAM } });
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith(QUEUE_STREAM) || !response.body) {
    // Refused before the line (not signed in, file too large…): a plain JSON answer.
    try {
      return (await response.json()) as T;
    } catch {
      return failure(`The server answered ${response.status}; nothing was saved. Please try again.`);
    }
  }
  let answer: T | null = null;
  for await (const event of readJsonLines<InLineEvent>(response.body)) {
    if (event.type === 'queued') onQueued(event.position);
    else answer = event.body as T;
  }
  onQueued(null);
  return answer ?? failure('The server did not finish its answer; nothing may have been saved. Please try again.');
}

/** Each line of a JSON-lines body, parsed, as it arrives. */
export async function* readJsonLines<T>(body: ReadableStream<Uint8Array>): AsyncGenerator<T> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      if (line !== '') yield JSON.parse(line) as T;
    }
    if (done) return;
  }
}
