/**
 * Tests' reader of an Atom document: a strict, namespace-aware XML parse (saxes, which exceljs already brings; it
 * throws on anything that is not well-formed XML 1.0) into the few fields a feed reader uses. Not for the app.
 */
import { SaxesParser } from 'saxes';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

export interface XmlElement {
  name: string;
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses `xml` strictly; throws on the first well-formedness or namespace error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    const node: XmlElement = { name: tag.local, ns: tag.uri, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
}

export interface ReadAtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
}

export interface ReadAtomFeed {
  id: string;
  title: string;
  updated: string;
  links: { rel: string; type: string; href: string }[];
  author: string;
  entries: ReadAtomEntry[];
}

const child = (node: XmlElement, name: string): XmlElement => {
  const found = node.children.filter((c) => c.name === name && c.ns === ATOM_NS);
  if (found.length !== 1) throw new Error(`<${node.name}> has ${found.length} <${name}> elements, not one`);
  return found[0]!;
};

/** An Atom feed's fields; throws when the document is not XML or a required element is missing or repeated. */
export function readAtom(xml: string): ReadAtomFeed {
  const feed = parseXml(xml);
  if (feed.name !== 'feed' || feed.ns !== ATOM_NS) throw new Error(`root is <${feed.name}> in ${feed.ns}, not an Atom feed`);
  const links = feed.children
    .filter((c) => c.name === 'link')
    .map((l) => ({ rel: l.attributes.rel ?? 'alternate', type: l.attributes.type ?? '', href: l.attributes.href ?? '' }));
  return {
    id: child(feed, 'id').text,
    title: child(feed, 'title').text,
    updated: child(feed, 'updated').text,
    links,
    author: child(child(feed, 'author'), 'name').text,
    entries: feed.children
      .filter((c) => c.name === 'entry')
      .map((entry) => ({
        id: child(entry, 'id').text,
        title: child(entry, 'title').text,
        updated: child(entry, 'updated').text,
        link: child(entry, 'link').attributes.href ?? '',
        summary: child(entry, 'summary').text,
      })),
  };
}
