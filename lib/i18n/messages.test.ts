/**
 * Fails when a public string has no Spanish: every message key in one language file is in the other, not empty,
 * with the same placeholders, and (but for a few proper nouns and codes) not left in English; every category,
 * group, framework and stance Abate ships has Spanish words.
 */
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '@/db/reference/frameworks';
import { STANCE_TEXT } from '@/lib/categories/labels';
import { FRAMEWORK_SPANISH, STANCE_TEXT_ES } from '@/lib/categories/spanish';
import { MESSAGE_FILES as EN_FILES } from '@/messages/en';
import { MESSAGE_FILES as ES_FILES } from '@/messages/es';
import { mergeMessageFiles, messagesFor } from './messages';

/** Messages that are the same words in both languages (proper nouns, codes). Keep it short; say why for each. */
const SAME_IN_BOTH = new Set<string>([
  // "kit" is the Spanish word too (plural "kits"): "kits de naloxona".
  'OutcomeMeasures.naloxone_kits.unit',
  'OutcomeMeasures.naloxone_kits.units',
]);
/** Stance words that are the same in Spanish. */
const SAME_STANCE_WORDS = new Set(['Neutral']);

function flatten(messages: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}

/**
 * The argument names of an ICU message: "{count, plural, one {# line} other {# lines}} in {year}" → count, year.
 * The text inside plural and select branches is read as a message again (it may hold arguments of its own).
 */
function placeholders(message: string): string[] {
  const names: string[] = [];
  let at = 0;
  const readMessage = (): void => {
    while (at < message.length && message[at] !== '}') {
      if (message[at] === '{') readArgument();
      else at += 1;
    }
  };
  const readUntil = (stops: string): string => {
    const from = at;
    while (at < message.length && !stops.includes(message[at]!)) at += 1;
    return message.slice(from, at).trim();
  };
  const readArgument = (): void => {
    at += 1; // '{'
    names.push(readUntil(',}'));
    if (message[at] === ',') {
      at += 1;
      const type = readUntil(',}');
      if (['plural', 'select', 'selectordinal'].includes(type) && message[at] === ',') {
        at += 1;
        while (at < message.length && message[at] !== '}') {
          readUntil('{}'); // the selector: "one", "=0", "other", "offset:1 one"…
          if (message[at] !== '{') break;
          at += 1;
          readMessage();
          at += 1; // the branch's '}'
        }
      } else readUntil('}'); // a number or date style
    }
    at += 1; // the argument's '}'
  };
  readMessage();
  return [...new Set(names)].sort();
}

describe('placeholders (the check below relies on it)', () => {
  it('finds arguments, also inside plural and select branches, and not the branches’ words', () => {
    expect(placeholders('{count, plural, one {# line} other {# lines}} in FY{year}')).toEqual(['count', 'year']);
    expect(placeholders('Showing {kind, select, approve {the approvals} other {all of {total, number}}}.')).toEqual(['kind', 'total']);
    expect(placeholders('No arguments here.')).toEqual([]);
  });
});

const english = flatten(messagesFor('en'));
const spanish = flatten(messagesFor('es'));

describe('message files', () => {
  it('are the same files in both languages, each with the same namespaces', () => {
    expect(Object.keys(ES_FILES)).toEqual(Object.keys(EN_FILES));
    for (const [file, namespaces] of Object.entries(EN_FILES)) {
      expect(Object.keys(ES_FILES[file as keyof typeof ES_FILES]).sort(), file).toEqual(Object.keys(namespaces).sort());
    }
  });

  it('refuse a namespace written in two files', () => {
    expect(() => mergeMessageFiles({ a: { Layout: {} }, b: { Layout: {} } })).toThrow('Message namespace Layout is in two files (one is b.json)');
  });

  it('have the same keys in English and Spanish', () => {
    expect([...spanish.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !spanish.has(key))).toEqual([]);
  });

  it('have a Spanish text for every key, not empty and not the English one', () => {
    const missing = [...english].filter(([key, text]) => {
      const translated = spanish.get(key)?.trim() ?? '';
      return text.trim() === '' || translated === '' || (translated === text.trim() && !SAME_IN_BOTH.has(key));
    });
    expect(missing.map(([key]) => key)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differing = [...english].filter(([key, text]) => placeholders(text).join() !== placeholders(spanish.get(key) ?? '').join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});

describe('reference data in Spanish', () => {
  it('names every shipped framework, group and category', () => {
    const missing: string[] = [];
    for (const framework of FRAMEWORKS) {
      const words = FRAMEWORK_SPANISH[framework.key];
      if (!words?.name.trim() || !words.description.trim()) missing.push(framework.key);
      for (const category of framework.categories) {
        const name = words?.categories[category.key]?.trim();
        if (!name || name === category.label) missing.push(`${framework.key}/${category.key}`);
        const group = words?.groups[category.group]?.trim();
        if (!group || group === category.group) missing.push(`${framework.key} group ${category.group}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no Spanish for a category that does not exist (a typo in a key)', () => {
    const extra: string[] = [];
    for (const [frameworkKey, words] of Object.entries(FRAMEWORK_SPANISH)) {
      const framework = FRAMEWORKS.find((f) => f.key === frameworkKey);
      if (!framework) extra.push(frameworkKey);
      for (const key of Object.keys(words.categories)) {
        if (!framework?.categories.some((c) => c.key === key)) extra.push(`${frameworkKey}/${key}`);
      }
    }
    expect(extra).toEqual([]);
  });

  it('words every stance in Spanish', () => {
    for (const [stance, text] of Object.entries(STANCE_TEXT)) {
      const translated = STANCE_TEXT_ES[stance as keyof typeof STANCE_TEXT];
      for (const field of ['label', 'short', 'explanation'] as const) {
        expect(translated[field].trim()).not.toBe('');
        if (!SAME_STANCE_WORDS.has(text[field])) expect(translated[field]).not.toBe(text[field]);
      }
      expect(translated.icon).toBe(text.icon);
    }
  });
});
