// Server-compatible (no 'use client'): 100%-stacked bars drawn with plain HTML, so the comparison needs no
// JavaScript. Each bar is an image with a full text alternative ("Cedarholm: Treatment 42%, …"), the legend names
// the colours in stacking order, and the page puts the same figures in a data table.
import { formatPercentFromBasisPoints } from '@/lib/money';
import { ChartLegend } from './chart-legend';

export interface ShareBar {
  label: string;
  /** Shares in basis points by group name; null when there is nothing to share (no spending). */
  shares: Record<string, number> | null;
}

export function ShareBars({
  title,
  summary,
  groups,
  bars,
  testId,
}: {
  title: string;
  summary: string;
  groups: { name: string; color: string }[];
  bars: ShareBar[];
  testId?: string;
}) {
  return (
    <figure className="chart-figure" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <ChartLegend items={groups} />
      <div className="share-bars">
        {bars.map((bar) => {
          const parts = bar.shares
            ? groups.filter((g) => (bar.shares?.[g.name] ?? 0) > 0).map((g) => ({ ...g, bp: bar.shares?.[g.name] ?? 0 }))
            : [];
          const alt = bar.shares
            ? `${bar.label}: ${parts.map((p) => `${p.name} ${formatPercentFromBasisPoints(p.bp)}`).join(', ')}`
            : `${bar.label}: no spending to compare`;
          return (
            <div className="share-row" key={bar.label}>
              <span className="share-row__label" aria-hidden="true">
                {bar.label}
              </span>
              <div className="share-bar" role="img" aria-label={alt}>
                {bar.shares ? (
                  parts.map((p) => (
                    <span
                      key={p.name}
                      className="share-bar__part"
                      style={{ width: `${p.bp / 100}%`, background: p.color }}
                      title={`${p.name}: ${formatPercentFromBasisPoints(p.bp)}`}
                    />
                  ))
                ) : (
                  <span className="share-bar__none">No spending recorded</span>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <p className="chart-summary">{summary}</p>
    </figure>
  );
}
