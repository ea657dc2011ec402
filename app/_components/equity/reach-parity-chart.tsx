'use client';

/**
 * Reach parity: for each race/ethnicity group, its share of the people served by approved programs beside its share
 * of overdose deaths (horizontal bars, one under the other), with a text summary and its data table.
 *
 * Takes the PUBLIC shape (`toPublicReach`): a count of 1–10 arrives as "fewer than 11" and the shares computed from
 * it as null, so the bar is left out and the table says why. All of it, the SVG (reach-parity-svg.tsx) included, is in
 * the server's HTML and needs no script (ADR 0014).
 *
 * Test hooks: every bar is <rect data-testid="reach-bar" data-series="served|deaths" data-group data-share>.
 */

import { useId, useMemo } from 'react';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { countWords, decimalToUnits } from '@/lib/data/board-words';
import type { PublicReachGroup } from '@/lib/equity/reach';
import { REACH_COLORS } from './chart-constants';
import { ReachParitySvg } from './reach-parity-svg';

export interface PublicReachView {
  fiscal_year: number;
  groups: PublicReachGroup[];
  served_total: string;
  deaths_total: string | null;
  missing: string[];
}

const percentText = (share: string | null) => (share === null ? 'withheld' : `${share}%`);

export function reachSummary(reach: PublicReachView): string {
  if (reach.groups.length === 0) return `No people served or overdose deaths by race/ethnicity are recorded for FY${reach.fiscal_year}.`;
  const parts: string[] = [];
  const below = reach.groups.filter((g) => g.ratio !== null && (decimalToUnits(g.ratio, 'ratio') ?? 0n) < 8_000n);
  if (below.length > 0) {
    parts.push(
      `Reached less than 0.8 times their share of overdose deaths: ${below
        .map((g) => `${g.label} (${percentText(g.served_share)} of people served, ${percentText(g.deaths_share)} of deaths)`)
        .join('; ')}.`,
    );
  } else if (reach.groups.some((g) => g.ratio !== null)) {
    parts.push('Every group with enough data is reached at least 0.8 times its share of overdose deaths.');
  }
  const withheld = reach.groups.filter((g) => g.suppressed).map((g) => g.label);
  if (withheld.length > 0) parts.push(`Counts of fewer than 11 hide some figures for: ${withheld.join('; ')}.`);
  if (reach.missing.length > 0) parts.push(`Missing: ${reach.missing.join('; ')}.`);
  return `FY${reach.fiscal_year}: ${countWords(reach.served_total)} people served and ${countWords(reach.deaths_total) ?? 'an unknown number of'} overdose deaths. ${parts.join(' ')}`.trim();
}

const COLUMNS: ColumnSpec[] = [
  { id: 'group', header: 'Group', kind: 'text' },
  { id: 'served', header: 'People served', kind: 'text', sortable: false },
  { id: 'servedShare', header: 'Share of people served', kind: 'percent', emptyText: 'withheld or unknown' },
  { id: 'deaths', header: 'Overdose deaths', kind: 'text', sortable: false, emptyText: 'not known' },
  { id: 'deathsShare', header: 'Share of overdose deaths', kind: 'percent', emptyText: 'withheld or unknown' },
  { id: 'ratio', header: 'Ratio (1 = parity)', kind: 'text', emptyText: 'cannot be computed' },
];

export function ReachParityChart({ reach, title, testId = 'reach-chart' }: { reach: PublicReachView; title?: string; testId?: string }) {
  const reactId = useId();
  const baseId = `reach-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const patternId = `${baseId}-hatch`;
  const caption = title ?? `Reach by race/ethnicity, FY${reach.fiscal_year}: share of people served against share of overdose deaths`;
  const summary = reachSummary(reach);
  const rows = useMemo(
    () =>
      reach.groups.map((group) => ({
        group: group.label,
        served: countWords(group.people_served),
        servedShare: group.served_share === null ? null : (decimalToUnits(group.served_share, 'percent') ?? 0n).toString(),
        deaths: countWords(group.deaths),
        deathsShare: group.deaths_share === null ? null : (decimalToUnits(group.deaths_share, 'percent') ?? 0n).toString(),
        ratio: group.ratio,
      })),
    [reach.groups],
  );
  const drawable = reach.groups.some((g) => g.served_share !== null || g.deaths_share !== null);

  return (
    <div className="chart-and-table">
      <figure className="chart-figure" role="figure" aria-labelledby={`${baseId}-title`} aria-describedby={`${baseId}-summary`} data-testid={testId}>
        <figcaption id={`${baseId}-title`}>{caption}</figcaption>
        {!drawable ? (
          <p className="chart-empty">Not enough data to compare yet.</p>
        ) : (
          <>
            <ul className="chart-legend" aria-label="Legend">
              <li>
                <span className="chart-swatch" style={{ background: REACH_COLORS.served, borderColor: REACH_COLORS.served }} aria-hidden="true" />
                Share of people served (solid)
              </li>
              <li>
                <span className="chart-swatch reach-deaths-swatch" aria-hidden="true" />
                Share of overdose deaths (hatched)
              </li>
            </ul>
            <svg className="chart-defs" aria-hidden="true" focusable="false" width="0" height="0">
              <defs>
                <pattern id={patternId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill="#ffffff" />
                  <rect width="2.5" height="6" fill={REACH_COLORS.deaths} />
                </pattern>
              </defs>
            </svg>
            <div className="chart-area">
              <ReachParitySvg title={caption} groups={reach.groups} patternId={patternId} />
            </div>
          </>
        )}
        <p id={`${baseId}-summary`} className="chart-summary">
          {summary}
        </p>
      </figure>
      <DataTable
        caption={`${caption} (data table)`}
        columns={COLUMNS}
        rows={rows}
        testId={`${testId}-table`}
        emptyMessage="No people served or deaths by race/ethnicity recorded for this year."
      />
    </div>
  );
}
