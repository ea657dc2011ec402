/**
 * The frame every chart is drawn in (ADR 0014): a <figure> named by its caption and described by its text summary,
 * the words for "nothing to draw" in place of the chart, and the summary under it. Server-compatible (no
 * 'use client', no hooks in the components): the client charts and the server-drawn goal bullets share it.
 *
 * Attributes are written only where given: the goal bullets' markup, drawn on the server, travels again in the page's
 * flight data.
 *
 * Ids: `baseId` makes the caption's and the summary's ids (`{baseId}-title`, `{baseId}-summary`); a client chart
 * makes it with useChartBaseId, so that two charts on one page never share an id.
 */
import { useId, type ReactNode } from 'react';

/** "qc-R1a" from a prefix and React's id, with only the characters an id reference may carry. */
export function useChartBaseId(prefix: string): string {
  const reactId = useId();
  return `${prefix}-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

export interface ChartFigureProps {
  baseId: string;
  title: string;
  summary: string;
  /** The words shown instead of the chart, or null to draw `children`. */
  empty: string | null;
  /** A note read with the summary (`{baseId}-note`), above the chart. */
  note?: string;
  /** More classes beside "chart-figure". */
  className?: string;
  /** false for a figure that keeps its implicit role (the goal bullets). */
  figureRole?: boolean;
  testId?: string;
  /** The chart: its legend, its pattern definitions and its drawing. */
  children: ReactNode;
}

export function ChartFigure({ baseId, title, summary, empty, note, className, figureRole = true, testId, children }: ChartFigureProps) {
  const describedBy = note === undefined ? `${baseId}-summary` : `${baseId}-summary ${baseId}-note`;
  return (
    <figure
      className={className ? `chart-figure ${className}` : 'chart-figure'}
      {...(figureRole ? { role: 'figure' } : {})}
      aria-labelledby={`${baseId}-title`}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      <figcaption id={`${baseId}-title`}>{title}</figcaption>
      {note === undefined ? null : (
        <p id={`${baseId}-note`} className="notice chart-note" role="note">
          {note}
        </p>
      )}
      {empty !== null ? <p className="chart-empty">{empty}</p> : children}
      <p id={`${baseId}-summary`} className="chart-summary">
        {summary}
      </p>
    </figure>
  );
}

/**
 * The hatch <pattern> of a series drawn hatched (allocated money, deaths), beside the chart's SVG. Not display:none:
 * some browsers refuse to paint patterns defined in hidden SVG.
 */
export function HatchPatternDefs({ id, color }: { id: string; color: string }) {
  return (
    <svg className="chart-defs" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <rect width="2.5" height="6" fill={color} />
        </pattern>
      </defs>
    </svg>
  );
}
