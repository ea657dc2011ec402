/**
 * A minimal Atom 1.0 (RFC 4287) serializer: the feed of a locality (/l/{slug}/feed.xml) is the only XML the app
 * writes. No feed or XML-building library is installed; this writes text elements and attributes only, every value
 * through `xmlText`, so nothing a user typed can open or close an element. A well-kept library (e.g. `feed`) would
 * be preferred if one is added to the project.
 */

export interface AtomEntry {
  /** A permanent, unique IRI (here a urn:) that never changes between requests. */
  id: string;
  title: string;
  /** RFC 3339. */
  updated: string;
  /** The public page that shows the entry. */
  link: string;
  /** Plain text. */
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** RFC 3339. */
  updated: string;
  /** The feed's own address. */
  selfHref: string;
  /** The web page the feed follows. */
  alternateHref: string;
  author: { name: string; uri?: string };
  entries: AtomEntry[];
}

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/**
 * Characters XML 1.0 does not allow (control characters other than tab, newline and carriage return; lone
 * surrogates; U+FFFE and U+FFFF), and the C1 controls it discourages. A parser must refuse a document with one, so
 * they are dropped rather than escaped (XML 1.0 has no escape for them).
 */
const NOT_XML = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an element or a double- or single-quoted attribute. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function timestamp(value: string, where: string): string {
  // A feed reader drops an entry (or the feed) with a malformed date: refuse to write one.
  if (!RFC3339.test(value)) throw new Error(`${where}: "${value}" is not an RFC 3339 date-time`);
  return value;
}

const element = (name: string, text: string, indent: string) => `${indent}<${name}>${xmlText(text)}</${name}>`;
const link = (rel: string, type: string, href: string, indent: string) =>
  `${indent}<link rel="${rel}" type="${type}" href="${xmlText(href)}"/>`;

export function renderAtomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feed.id, '  '),
    element('title', feed.title, '  '),
    ...(feed.subtitle ? [element('subtitle', feed.subtitle, '  ')] : []),
    element('updated', timestamp(feed.updated, 'feed'), '  '),
    link('self', 'application/atom+xml', feed.selfHref, '  '),
    link('alternate', 'text/html', feed.alternateHref, '  '),
    '  <author>',
    element('name', feed.author.name, '    '),
    ...(feed.author.uri ? [element('uri', feed.author.uri, '    ')] : []),
    '  </author>',
    ...feed.entries.flatMap((entry) => [
      '  <entry>',
      element('id', entry.id, '    '),
      element('title', entry.title, '    '),
      element('updated', timestamp(entry.updated, `entry ${entry.id}`), '    '),
      link('alternate', 'text/html', entry.link, '    '),
      `    <summary type="text">${xmlText(entry.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}
