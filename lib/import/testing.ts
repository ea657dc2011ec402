import type { ImportContext } from './types';

/** Fakes and builders shared by the import tests. Not used by the application. */

const CATEGORIES: Record<string, { id: number; label: string }> = {
  moud: { id: 1, label: 'Medications for opioid use disorder' },
  housing: { id: 2, label: 'Housing, including recovery housing' },
  naloxone: { id: 3, label: 'Naloxone distribution and training' },
  'law-enforcement': { id: 4, label: 'Law enforcement' },
  'schedule a: naloxone': { id: 5, label: 'Schedule A: Naloxone' },
};

export const fakeContext: ImportContext = {
  fyStartMonth: 7,
  resolveCategory(nameOrKey) {
    const wanted = nameOrKey.trim().toLowerCase();
    for (const [key, category] of Object.entries(CATEGORIES)) {
      if (key === wanted || category.label.toLowerCase() === wanted) {
        return { ok: true, categoryId: category.id, label: category.label };
      }
    }
    return { ok: false, reason: `unknown category "${nameOrKey}"` };
  },
  resolveSource(nameOrKey) {
    const sources: Record<string, number> = {
      distributors: 10,
      mckesson: 10,
      teva: 11,
      'state opioid response grant': 12,
    };
    return sources[nameOrKey.trim().toLowerCase()] ?? null;
  },
};

export function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export interface ZipEntrySpec {
  name: string;
  /** Bytes as stored in the archive (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** What the central directory claims; may lie. */
  uncompressedSize: number;
}

/** A ZIP archive built by hand, so tests can make its directory say whatever they need. CRCs are left at 0. */
export function buildZip(entries: ZipEntrySpec[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.data.byteLength, true);
    local.setUint32(22, entry.uncompressedSize, true);
    local.setUint16(26, name.byteLength, true);
    chunks.push(new Uint8Array(local.buffer), name, entry.data);

    const record = new DataView(new ArrayBuffer(46));
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, 20, true);
    record.setUint16(6, 20, true);
    record.setUint16(10, entry.method, true);
    record.setUint32(20, entry.data.byteLength, true);
    record.setUint32(24, entry.uncompressedSize, true);
    record.setUint16(28, name.byteLength, true);
    record.setUint32(42, offset, true);
    central.push(new Uint8Array(record.buffer), name);
    offset += 30 + name.byteLength + entry.data.byteLength;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let pos = 0;
  for (const chunk of all) {
    out.set(chunk, pos);
    pos += chunk.byteLength;
  }
  return out;
}
