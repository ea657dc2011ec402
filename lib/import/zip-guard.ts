import { createInflateRaw } from 'node:zlib';

/**
 * An XLSX file is a ZIP archive, and a 20 MB upload can legally hold gigabytes of zeros. So before any XML parser
 * sees a byte we read the ZIP central directory ourselves and refuse archives that declare too much (in total, in
 * ratio, in entries) or that Excel cannot have written (encrypted, odd compression methods). The declared sizes alone
 * cannot be trusted, so every entry is then inflated here, as a stream, counting its bytes as they come out, and
 * refused the moment it passes the size its directory declared (inflateEntry): nothing is ever expanded beyond
 * MAX_UNCOMPRESSED_BYTES in all, nor held whole in memory. Entries the reader never needs are never inflated.
 */

export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Spreadsheet XML compresses 5–50×; past 250× with a large total it is a bomb, not a budget. */
export const MAX_COMPRESSION_RATIO = 250;
/** Below this total the ratio does not matter: nothing that small can hurt. */
const RATIO_APPLIES_ABOVE = 16 * 1024 * 1024;
/** A workbook has a few dozen entries; a directory of millions is an attack on the parser, not a spreadsheet. */
export const MAX_ZIP_ENTRIES = 10_000;

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's (compressed) data starts; set by checkZipArchive from the local header. */
  dataStart: number;
}

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

/** Thrown by inflateEntry: `reason` is the sentence the person who uploaded the file reads. */
export class ZipLimitError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const DAMAGED: { ok: false; reason: string } = {
  ok: false,
  reason: 'The file is not a valid XLSX workbook: its ZIP structure is damaged',
};

export function checkZipArchive(bytes: Uint8Array): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = readCentralDirectory(bytes, view);
  if (!directory.ok) return directory;
  const { entries } = directory;

  let total = 0;
  for (const entry of entries) total += entry.uncompressedSize;
  if (total > MAX_UNCOMPRESSED_BYTES) {
    return {
      ok: false,
      reason:
        `The workbook would expand to ${formatSize(total)} when opened; ` +
        `the limit is ${formatSize(MAX_UNCOMPRESSED_BYTES, true)}`,
    };
  }
  if (total > RATIO_APPLIES_ABOVE && total / bytes.byteLength > MAX_COMPRESSION_RATIO) {
    return {
      ok: false,
      reason:
        `The workbook is compressed more than ${MAX_COMPRESSION_RATIO} to 1, ` +
        'which no real spreadsheet is; refusing it',
    };
  }

  // Word documents and plain archives are ZIPs too; an XLSX always has its workbook part.
  if (!entries.some((entry) => entry.name.replace(/^\//, '') === 'xl/workbook.xml')) {
    return { ok: false, reason: 'The file is a ZIP archive but not an XLSX workbook' };
  }

  for (const entry of entries) {
    const checked = checkEntry(bytes, view, entry);
    if (!checked.ok) return checked;
  }
  return { ok: true, entries };
}

function readCentralDirectory(
  bytes: Uint8Array,
  view: DataView,
): { ok: true; entries: ZipEntry[] } | { ok: false; reason: string } {
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return DAMAGED;
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);

  // ZIP64: the 16/32-bit fields are saturated and the real values sit in a second record before this one.
  if (count === 0xffff || size === U32_MAX || offset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) return DAMAGED;
    const zip64 = toSafe(view.getBigUint64(locator + 8, true));
    if (zip64 + 56 > eocd || view.getUint32(zip64, true) !== SIG_ZIP64_EOCD) return DAMAGED;
    count = toSafe(view.getBigUint64(zip64 + 32, true));
    size = toSafe(view.getBigUint64(zip64 + 40, true));
    offset = toSafe(view.getBigUint64(zip64 + 48, true));
  }
  if (count > MAX_ZIP_ENTRIES) {
    return { ok: false, reason: `The workbook holds ${count} files inside; a spreadsheet has a few dozen` };
  }
  if (offset + size > bytes.byteLength) return DAMAGED;

  const entries: ZipEntry[] = [];
  let pos = offset;
  for (let i = 0; i < count; i += 1) {
    if (pos + 46 > bytes.byteLength || view.getUint32(pos, true) !== SIG_CENTRAL) {
      return DAMAGED;
    }
    const flags = view.getUint16(pos + 8, true);
    const method = view.getUint16(pos + 10, true);
    const crc32 = view.getUint32(pos + 16, true);
    let compressedSize = view.getUint32(pos + 20, true);
    let uncompressedSize = view.getUint32(pos + 24, true);
    const nameLength = view.getUint16(pos + 28, true);
    const extraLength = view.getUint16(pos + 30, true);
    const commentLength = view.getUint16(pos + 32, true);
    let localHeaderOffset = view.getUint32(pos + 42, true);
    const nameStart = pos + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.byteLength) return DAMAGED;

    // The ZIP64 extra field (id 1) carries, in this order, whichever sizes were saturated above.
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      const zip64 = findExtraField(view, extraStart, extraLength, 0x0001);
      if (!zip64) return DAMAGED;
      let field = zip64.start;
      const take = (): number | null => {
        if (field + 8 > zip64.end) return null;
        const value = toSafe(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (uncompressedSize === U32_MAX) uncompressedSize = take() ?? Number.MAX_SAFE_INTEGER;
      if (compressedSize === U32_MAX) compressedSize = take() ?? Number.MAX_SAFE_INTEGER;
      if (localHeaderOffset === U32_MAX) localHeaderOffset = take() ?? Number.MAX_SAFE_INTEGER;
    }

    const name = new TextDecoder().decode(bytes.subarray(nameStart, extraStart));
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset, dataStart: -1 });
    pos = next;
  }
  return { ok: true, entries };
}

function checkEntry(bytes: Uint8Array, view: DataView, entry: ZipEntry): ZipCheck {
  if (entry.flags & 0x1) {
    return { ok: false, reason: 'The workbook is encrypted; save a copy without a password and upload that' };
  }
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== SIG_LOCAL) return DAMAGED;
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (dataStart + entry.compressedSize > bytes.byteLength) return DAMAGED;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) return DAMAGED;
  } else if (entry.method !== 8) {
    const reason = `The workbook uses a ZIP compression method (${entry.method}) that Excel does not write`;
    return { ok: false, reason };
  }
  entry.dataStart = dataStart;
  return { ok: true, entries: [] };
}

const INPUT_CHUNK = 256 * 1024;

/**
 * The entry's bytes as they inflate, in chunks, exactly as many as its directory declares: more throws the moment
 * the count passes (without inflating the rest), fewer throws at the end. Only for entries checkZipArchive passed.
 */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.byteLength; at += INPUT_CHUNK) yield data.subarray(at, at + INPUT_CHUNK);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  // Fed a slice at a time, with the stream's backpressure: the input is in memory, the output never is whole.
  const feed = (async () => {
    for (let at = 0; at < data.byteLength && !inflater.destroyed; at += INPUT_CHUNK) {
      if (!inflater.write(data.subarray(at, at + INPUT_CHUNK))) {
        await new Promise<void>((resolve) => {
          const done = () => {
            inflater.off('drain', done);
            inflater.off('close', done);
            resolve();
          };
          inflater.on('drain', done);
          inflater.on('close', done);
        });
      }
    }
    if (!inflater.destroyed) inflater.end();
  })();
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.byteLength;
      if (produced > entry.uncompressedSize) throw new ZipLimitError(largerThanDeclared(entry));
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipLimitError) throw error;
    throw new ZipLimitError(DAMAGED.reason);
  } finally {
    inflater.destroy();
    await feed.catch(() => undefined);
  }
  if (produced !== entry.uncompressedSize) throw new ZipLimitError(DAMAGED.reason);
}

function largerThanDeclared(entry: ZipEntry): string {
  return `The workbook's "${entry.name}" is larger than its ZIP directory says; refusing it`;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, so it starts within that distance of the end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let pos = last; pos >= first; pos -= 1) {
    if (view.getUint32(pos, true) === SIG_EOCD) return pos;
  }
  return -1;
}

function findExtraField(
  view: DataView,
  start: number,
  length: number,
  id: number,
): { start: number; end: number } | null {
  let pos = start;
  const end = start + length;
  while (pos + 4 <= end) {
    const fieldId = view.getUint16(pos, true);
    const size = view.getUint16(pos + 2, true);
    if (fieldId === id) return { start: pos + 4, end: Math.min(end, pos + 4 + size) };
    pos += 4 + size;
  }
  return null;
}

/** 64-bit sizes beyond 2^53 are nonsense for an upload; saturating keeps every later comparison a refusal. */
function toSafe(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/**
 * "21.0 MB" (binary megabytes, as operating systems show a file's size); small sizes in KB or bytes so a tiny
 * limit does not read "0.0 MB". A limit reads better whole: `asLimit` gives "20 MB" rather than "20.0 MB".
 */
export function formatSize(bytes: number, asLimit = false): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [unit, size] = bytes < 1024 * 1024 ? ['KB', 1024] : ['MB', 1024 * 1024];
  const tenths = Math.round((bytes * 10) / size);
  if (asLimit && tenths % 10 === 0) return `${tenths / 10} ${unit}`;
  return `${Math.floor(tenths / 10)}.${tenths % 10} ${unit}`;
}
