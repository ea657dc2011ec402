/**
 * `text` cut to at most `max` characters with an ellipsis when longer. Counts and cuts by code point, so an emoji or
 * any character outside the Basic Multilingual Plane is never split into a lone surrogate: a lone surrogate becomes
 * U+FFFD in the HTML but not in React's payload, and the page then fails to hydrate.
 */
export function shortenText(text: string, max: number): string {
  const points = Array.from(text);
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : text;
}
