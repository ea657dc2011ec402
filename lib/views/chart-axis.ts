/**
 * Value axes for the charts: "nice" round ticks from d3-array (the part of d3-scale that chooses them, without the
 * rest of d3 in the page's scripts), labelled so no two read alike.
 *
 * Ticks are positions on the page, so they are Numbers (cents); every label is formatted from a BigInt of whole
 * cents. The compact money format rounds to whole dollars below $1,000, which is why an axis of 0, 50, 100, 150 and
 * 200 cents once read "$0, $1, $1, $2, $2": when the compact labels repeat, the exact format ("$0.50") is used.
 */

import { nice, ticks as niceTicks } from 'd3-array';
import { formatCents, formatCentsCompact } from '@/lib/money';

export interface AxisTick {
  /** Whole cents. */
  cents: number;
  label: string;
  /** Position from 0 (the axis' start) to 1 (its end). */
  at: number;
}

export interface ValueAxis {
  /** The axis' end in cents: the largest value rounded up to a tick. */
  maxCents: number;
  ticks: AxisTick[];
}

const distinct = (labels: string[]) => new Set(labels).size === labels.length;

/** An axis from 0 to at least `maxCents`, with about `count` ticks on whole cents, every label different. */
export function moneyAxis(maxCents: number, count = 5): ValueAxis {
  const top = Number.isFinite(maxCents) && maxCents > 0 ? maxCents : 100_00; // an empty chart: $0–$100
  // d3's nice() rounds the domain out to a tick; below one cent per step there are fewer, whole-cent ticks.
  const [, niceTop] = nice(0, top, count);
  const ticks = niceTicks(0, niceTop, count).filter((t) => Number.isInteger(t));
  const end = Math.max(niceTop, ticks.at(-1) ?? top);
  const compact = ticks.map((t) => formatCentsCompact(BigInt(t)));
  const labels = distinct(compact) ? compact : ticks.map((t) => formatCents(BigInt(t)));
  return { maxCents: end, ticks: ticks.map((cents, i) => ({ cents, label: labels[i] ?? '', at: cents / end })) };
}

/** Ticks for one shared 0–100% scale, about `count` of them. */
export function percentAxis(count = 5): { percent: number; label: string; at: number }[] {
  return niceTicks(0, 100, count).map((percent) => ({ percent, label: `${percent}%`, at: percent / 100 }));
}

/** Break a label into lines of at most `maxChars` (a longer word keeps its own line): never cut, never ellipsed. */
export function wrapWords(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length > maxChars && current) {
      lines.push(current);
      current = word;
    } else {
      current = next;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** An axis of plain numbers (rates, shares, ratios) from 0 to at least `max`, about `count` nice ticks. */
export function numberAxis(max: number, count = 5): { end: number; ticks: { value: number; at: number }[] } {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const [, end] = nice(0, top, count);
  // d3's ticks are exact decimals written as binary floats: toPrecision(12) gives back 0.3, not 0.30000000000000004.
  const ticks = niceTicks(0, end, count).map((t) => Number(t.toPrecision(12)));
  return { end, ticks: ticks.map((value) => ({ value, at: value / end })) };
}
