import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, deflatePart, gzipJoined } from './gzip-splice';

const joined = (parts: Buffer[], insert: Buffer) => Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [insert, part])));

describe('gzipJoined', () => {
  it('decompresses to the parts joined around the insert, whatever the parts', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { minLength: 1, maxLength: 6 }), fc.uint8Array({ maxLength: 80 }), (arrays, insertBytes) => {
        const parts = arrays.map((bytes) => Buffer.from(bytes));
        const insert = Buffer.from(insertBytes);
        const gzip = gzipJoined(parts, parts.map(deflatePart), insert);
        expect(zlib.gunzipSync(gzip).equals(joined(parts, insert))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('holds for a page-sized body with repeats across parts and an insert over one stored block', () => {
    const html = Buffer.from('<tr><td class="money">$1,234.56</td><td>Medications for opioid use disorder</td></tr>'.repeat(4000));
    const parts = [html.subarray(0, 100_000), html.subarray(100_000, 250_000), html.subarray(250_000)];
    const insert = Buffer.alloc(70_000, 'n');
    const gzip = gzipJoined(parts, parts.map(deflatePart), insert);
    expect(zlib.gunzipSync(gzip).equals(joined(parts, insert))).toBe(true);
    // Still compressed: far smaller than the body (the insert, twice, is stored as it is).
    expect(gzip.length).toBeLessThan(2 * insert.length + html.length / 10);
    expect(gzip.length).toBeGreaterThan(2 * insert.length);
  });

  it('fails when a part is compressed as a whole stream: its final block would end the body early', () => {
    const parts = [Buffer.from('a'.repeat(2000)), Buffer.from('b'.repeat(2000))];
    const wrong = parts.map((part) => zlib.deflateRawSync(part));
    expect(() => zlib.gunzipSync(gzipJoined(parts, wrong, Buffer.from('N')))).toThrow();
  });

  it('counts an empty part that has been through zlib (whose CRC Node would give as 0)', () => {
    const parts = [Buffer.alloc(0), Buffer.alloc(0)];
    expect(zlib.gunzipSync(gzipJoined(parts, parts.map(deflatePart), Buffer.from('N'))).toString()).toBe('N');
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['*', true],
    ['identity', false],
    ['br', false],
    ['gzip;q=0', false],
    ['gzip;q=0.000, *', false],
    ['*;q=0', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
