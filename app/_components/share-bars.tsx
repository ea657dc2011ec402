// Server-compatible (no 'use client'): 100%-stacked bars drawn with plain HTML, so the comparison needs no
// JavaScript. Each bar is an image with a full text alternative ("Cedarholm: Treatment 42%, …"), the legend names
// the colours in stacking order, and the page puts the same figures in a data table. English unless the page passes
// its locale and words (a group's `label` is its name in the reader's words; `name` keys the shares).
import type { Locale } from '@/lib/i18n/locales';
import { formatPercentFromBasisPoints } from '@/lib/money';
import { ChartLegend } from './chart-legend';

export interface ShareBarsWords {
  /** Shown in a bar with no spending: "No spending recorded". */
  noSpending: string;
  /** The text alternative's end for such a bar: "no spending to compare". */
  nothingToCompare: string;
  /** The legend's name: "Legend". */
  legend: string;
}

const ENGLISH: ShareBarsWords = { noSpending: 'No spending recorded', nothingToCompare: 'no spending to compare', legend: 'Legend' };

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
  locale,
  words = ENGLISH,
}: {
  title: string;
  summary: string;
  /** `name` keys the bars' shares; `label`, when given, is what the reader sees. */
  groups: { name: string; color: string; label?: string }[];
  bars: ShareBar[];
  testId?: string;
  locale?: Locale;
  words?: ShareBarsWords;
}) {
  const percent = (bp: number) => formatPercentFromBasisPoints(bp, locale);
  return (
    <figure className="chart-figure" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <ChartLegend items={groups.map((g) => ({ name: g.label ?? g.name, color: g.color }))} label={words.legend} />
      <div className="share-bars">
        {bars.map((bar) => {
          const parts = bar.shares
            ? groups.filter((g) => (bar.shares?.[g.name] ?? 0) > 0).map((g) => ({ ...g, bp: bar.shares?.[g.name] ?? 0 }))
            : [];
          const alt = bar.shares
            ? `${bar.label}: ${parts.map((p) => `${p.label ?? p.name} ${percent(p.bp)}`).join(', ')}`
            : `${bar.label}: ${words.nothingToCompare}`;
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
                      title={`${p.label ?? p.name}: ${percent(p.bp)}`}
                    />
                  ))
                ) : (
                  <span className="share-bar__none">{words.noSpending}</span>
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
