import fs from 'node:fs';

/** The memory of a process and its descendants, read from /proc (Linux): the bench's and the fault tests' figure. */

export interface ProcessMemory {
  pid: number;
  name: string;
  /** Peak resident set size (VmHWM), KiB. */
  peakKb: number;
  rssKb: number;
}

function readStatus(pid: number): Record<string, string> | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Object.fromEntries(
      text
        .split('\n')
        .map((line) => line.split(':\t'))
        .filter((parts) => parts.length === 2)
        .map(([key, value]) => [key!, value!.trim()]),
    );
  } catch {
    return null;
  }
}

/** The process and its descendants, from /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const status = readStatus(Number(entry));
    const ppid = Number(status?.PPid);
    if (!status || !Number.isFinite(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0 && tree.length < 1_000) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Each process of the tree under `root`, largest peak (VmHWM) first. */
export function processTreeMemory(root: number): ProcessMemory[] {
  return processTree(root)
    .map((p) => {
      const status = readStatus(p);
      return status ? { pid: p, name: status.Name ?? '?', peakKb: kb(status.VmHWM), rssKb: kb(status.VmRSS) } : null;
    })
    .filter((m): m is ProcessMemory => m !== null && Number.isFinite(m.peakKb))
    .sort((a, b) => b.peakKb - a.peakKb);
}

function kb(value: string | undefined): number {
  return Number(value?.replace(/\s*kB$/, '') ?? Number.NaN);
}
