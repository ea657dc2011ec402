/**
 * Gzip for a kept page without compressing it again for every answer.
 *
 * Each answer of a kept page differs only in its nonce, but compressing 150–300 KiB of HTML per answer costs more
 * CPU than everything else the answer does. So each part of the page (the text between two nonces) is compressed
 * once, when the page is kept, as raw deflate ended by a sync flush: byte-aligned, not final, and referring only
 * to its own bytes. An answer is then one gzip member written by joining them: the header, each compressed part
 * with the nonce between them as a stored (uncompressed) block, an empty final block, and the CRC-32 and length of
 * the whole body (RFC 1951 §3.2.4, RFC 1952). zlib's crc32 over the body is the only per-answer work on its bytes.
 */
import zlib from 'node:zlib';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** A final block of the fixed code holding only its end: BFINAL=1, BTYPE=01, end-of-block (seven zero bits). */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
const STORED_BLOCK_MAX = 0xffff;

/** A part compressed so that it can stand anywhere in a deflate stream but the end. */
export function deflatePart(part: Buffer): Buffer {
  return zlib.deflateRawSync(part, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

/** `bytes` as stored blocks (not final): a one-byte header at a byte boundary, LEN and its complement, the bytes. */
function storedBlocks(bytes: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += STORED_BLOCK_MAX) {
    const chunk = bytes.subarray(at, at + STORED_BLOCK_MAX);
    const header = Buffer.alloc(5);
    header.writeUInt16LE(chunk.length, 1);
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    blocks.push(header, chunk);
  }
  return blocks;
}

/**
 * CRC-32 of `bytes` continuing from `crc`. An empty buffer leaves it as it is: zlib's crc32 given no data pointer
 * returns 0 (its "start" value), and Node hands it none for an empty buffer that has been through zlib before.
 */
function crcOn(bytes: Buffer, crc: number): number {
  return bytes.length === 0 ? crc : zlib.crc32(bytes, crc);
}

/**
 * The gzip of `parts` joined with `insert` between each two, from the parts as given and as `deflatePart`
 * compressed them. Equal, once decompressed, to Buffer.concat of the joined parts.
 */
export function gzipJoined(parts: readonly Buffer[], deflated: readonly Buffer[], insert: Buffer): Buffer {
  const pieces: Buffer[] = [GZIP_HEADER];
  const between = storedBlocks(insert);
  let crc = 0;
  let length = 0;
  parts.forEach((part, index) => {
    if (index > 0) {
      pieces.push(...between);
      crc = crcOn(insert, crc);
      length += insert.length;
    }
    pieces.push(deflated[index]!);
    crc = crcOn(part, crc);
    length += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  pieces.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(pieces);
}

/**
 * True when an Accept-Encoding header accepts gzip: named (or `*`) without q=0. Browsers always send it; the
 * benchmark's load generator does not.
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const entry of header.toLowerCase().split(',')) {
    const [name, ...params] = entry.split(';').map((piece) => piece.trim());
    const refused = params.some((param) => /^q=0(?:\.0{0,3})?$/.test(param));
    if (name === 'gzip' || name === 'x-gzip') return !refused;
    if (name === '*') star = !refused;
  }
  return star;
}
