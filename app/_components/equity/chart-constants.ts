// Colours and margins shared by the equity charts' frames and their lazily loaded SVG modules. Keep frames from
// importing values from the *-svg modules: that would pull Recharts into the page's first scripts.

/** Both at least 3:1 on white; people served solid, deaths hatched. */
export const REACH_COLORS = { served: '#1f3a68', deaths: '#a35200' } as const;
export const BAR_MARGIN = { top: 8, right: 24, bottom: 8, left: 8 } as const;
export const AREA_COLOR = '#9d174d';
export const BURDEN_COLORS = { allocated: '#5b84b8', spent: '#1f3a68' } as const;
