/** Figures: one printed line each, kept for the JSON summary and the targets. */

export interface Distribution {
  median: number;
  p95: number;
  n: number;
}

/** Nearest-rank percentile of a sample (p in 0…100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function distribution(values: readonly number[]): Distribution {
  return { median: percentile(values, 50), p95: percentile(values, 95), n: values.length };
}

export type Figure =
  | { name: string; kind: 'ms'; value: Distribution; note?: string }
  | { name: string; kind: 'value'; values: Record<string, number | string>; note?: string };

function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? `${value.toFixed(0)}ms` : `${value.toFixed(1)}ms`;
}

function formatValue(value: number | string | undefined): string {
  if (typeof value === 'string') return value;
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export class Report {
  readonly figures: Figure[] = [];

  constructor(private readonly prefix: string) {}

  /** A timing distribution in milliseconds: `name  median=… p95=… n=…`. */
  timing(name: string, samples: readonly number[], note?: string): Distribution {
    const value = distribution(samples);
    this.figures.push({ name, kind: 'ms', value, note });
    this.print(`${name}  median=${ms(value.median)} p95=${ms(value.p95)} n=${value.n}${note ? `  (${note})` : ''}`);
    return value;
  }

  /** Any other figure: `name  key=value …`. */
  values(name: string, values: Record<string, number | string>, note?: string): void {
    this.figures.push({ name, kind: 'value', values, note });
    const text = Object.entries(values)
      .map(([key, value]) => `${key}=${formatValue(value)}`)
      .join(' ');
    this.print(`${name}  ${text}${note ? `  (${note})` : ''}`);
  }

  note(text: string): void {
    this.print(`# ${text}`);
  }

  private print(line: string): void {
    console.log(`${this.prefix}${line}`);
  }

  find(name: string): Figure | undefined {
    return this.figures.find((f) => f.name === name);
  }
}
