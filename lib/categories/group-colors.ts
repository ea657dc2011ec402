/**
 * One colour per category group, in the framework's group order, for stacked bars and the flow diagram. Every colour
 * is at least 3:1 against white (non-text contrast), and charts also separate segments with white lines and carry
 * a data table, so no figure depends on telling colours apart.
 */
const PALETTE = [
  '#1f3a68', // navy 11.3:1
  '#0e7490', // teal 5.4:1
  '#2f7d4a', // green 5.1:1
  '#6d28d9', // violet 7.1:1
  '#a35200', // amber 5.3:1
  '#9d174d', // plum 7.9:1
  '#b91c1c', // red 6.5:1
  '#5b6b7f', // slate 5.4:1
  // Beyond eight groups (a locality paid by ten settlements): four more, so no two neighbours in a legend share one.
  '#0369a1', // sky 5.9:1
  '#854d0e', // brown 6.9:1
  '#db2777', // pink 4.6:1
  '#4d7c0f', // olive 5.0:1
] as const;

/** Groups that collect what a framework does not cover: always the neutral grey. */
const OTHER_COLOR = '#6b7280'; // 4.8:1

export function groupColors(groups: readonly string[]): Record<string, string> {
  const colors: Record<string, string> = {};
  let index = 0;
  for (const group of groups) {
    if (colors[group]) continue;
    if (group === 'Other') {
      colors[group] = OTHER_COLOR;
      continue;
    }
    colors[group] = PALETTE[index % PALETTE.length]!;
    index += 1;
  }
  return colors;
}
