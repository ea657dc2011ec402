/** The WCAG levels every axe check in these tests holds a page to: A and AA, up to WCAG 2.2. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
