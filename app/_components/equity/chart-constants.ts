// Colours shared by the equity charts' figures (legends, hatch patterns) and their SVGs.

/** Both at least 3:1 on white; people served solid, deaths hatched. */
export const REACH_COLORS = { served: '#1f3a68', deaths: '#a35200' } as const;
export const AREA_COLOR = '#9d174d';
export const BURDEN_COLORS = { allocated: '#5b84b8', spent: '#1f3a68' } as const;
