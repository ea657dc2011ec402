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

/**
 * The process and its descendants, from /proc: each thread's `children` file where the kernel has them (it lists the
 * children that thread started), else by reading every process's parent. The fault tests sample a server's tree five
 * times a second while CI runs hundreds of other processes: reading every /proc/N/status cost 5-15 ms a sample.
 */
export function processTree(root: number): number[] {
  const childrenOf = fs.existsSync(`/proc/${process.pid}/task/${process.pid}/children`) ? childrenFromTasks : childrenByParent();
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0 && tree.length < 1_000) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...childrenOf(pid));
  }
  return tree;
}

function childrenFromTasks(pid: number): number[] {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    // The process ended while the tree was read.
    return [];
  }
}

function childrenByParent(): (pid: number) => number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(readStatus(Number(entry))?.PPid);
    if (Number.isFinite(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  return (pid) => children.get(pid) ?? [];
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
