import { describe, expect, it, vi } from 'vitest';
import { importLine } from '@/lib/import/line';
import { answerInLine } from './import-line';
import { readJsonLines, type InLineEvent } from './queue-wire';

vi.mock('server-only', () => ({}));

function request(accept?: string): Request {
  return new Request('http://localhost/staff/l/x/import/preview', { method: 'POST', headers: accept ? { accept } : {} });
}

describe('answerInLine', () => {
  it('tells a browser that asks its place in line while another import runs, then gives the answer', async () => {
    let finishFirst: () => void = () => undefined;
    const first = importLine().run(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const response = await answerInLine(request('application/x-ndjson'), async () => ({ status: 200, body: { ok: true, n: 7 } }));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const events: InLineEvent[] = [];
    const reading = (async () => {
      for await (const event of readJsonLines<InLineEvent>(response.body!)) {
        events.push(event);
        if (event.type === 'queued') finishFirst();
      }
    })();
    await reading;
    await first;
    expect(events).toEqual([
      { type: 'queued', position: 1 },
      { type: 'answer', status: 200, body: { ok: true, n: 7 } },
    ]);
  });

  it('answers any other client with the JSON and its status once its turn comes', async () => {
    const response = await answerInLine(request(), async () => ({ status: 400, body: { ok: false, reason: 'No header row' } }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, reason: 'No header row' });
  });
});
