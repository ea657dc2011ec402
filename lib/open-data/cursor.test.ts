import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('page cursors', () => {
  it('round-trips and stays opaque', () => {
    for (const id of [0, 1, 42, 2_147_483_647]) {
      const token = encodeCursor('allocations', id);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor('allocations', token)).toBe(id);
    }
  });

  it('refuses a cursor of another list', () => {
    expect(decodeCursor('expenditures', encodeCursor('allocations', 5))).toBeNull();
  });

  it('refuses garbage', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const garbage = [
      '',
      '!!!',
      'abc',
      '12',
      'null',
      'a'.repeat(65),
      `${encodeCursor('allocations', 5)}=`,
      b64('v1:allocations:-1'),
      b64('v1:allocations:01'),
      b64('v1:allocations:1.5'),
      b64('v1:allocations:99999999999'),
      b64('v1:allocations:2147483648'),
      b64('v2:allocations:5'),
      b64('v1:allocations:5 '),
      b64('v1:allocations:5; drop table allocations'),
      b64('{"after":5}'),
    ];
    for (const token of garbage) expect(decodeCursor('allocations', token), token).toBeNull();
  });

  it('refuses a non-canonical spelling of a valid cursor', () => {
    const token = encodeCursor('allocations', 7);
    // The last base64 character carries unused bits; flipping them decodes to the same bytes.
    const last = token.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const variants = [...alphabet].filter((c) => c !== last).map((c) => token.slice(0, -1) + c);
    const sameBytes = variants.filter(
      (t) => Buffer.from(t, 'base64url').equals(Buffer.from(token, 'base64url')),
    );
    for (const variant of sameBytes) expect(decodeCursor('allocations', variant)).toBeNull();
  });
});
