import { describe, expect, it } from 'vitest';
import { NO_DESCRIPTION_FLAG, noDescriptionFlag, RECIPIENT_TYPE_LABEL, RECIPIENT_TYPES, recipientTypeLabel } from '@/lib/categories/labels';
import { wordsFor } from '@/lib/i18n/testing';
import {
  holdsBackRecommendation,
  LINE_FLAG_CODES,
  lineFlagCodes,
  lineFlags,
  lineFlagWords,
  listInWords,
  type LineFlagFacts,
} from './line-flags';

const facts = (overrides: Partial<LineFlagFacts> = {}): LineFlagFacts => ({
  description: 'A co-responder clinician rides with officers on overdose calls.',
  criminalLegalRecipients: [],
  discouragedUses: [],
  unclassified: false,
  custodyCareOnly: false,
  ...overrides,
});

describe('a line’s flags', () => {
  it('names a criminal-legal-system recipient whatever the category, at high severity, and holds back "recommended"', () => {
    const flags = lineFlags(facts({ criminalLegalRecipients: ['Springfield Police Department'] }));
    expect(flags.map((flag) => [flag.code, flag.severity])).toEqual([['criminal-legal-recipient', 'high']]);
    expect(flags[0]!.title).toBe('Paid to a criminal-legal-system recipient: Springfield Police Department');
    expect(holdsBackRecommendation(flags)).toBe(true);
  });

  it('names MOUD in custody as the evidence-backed exception, at medium severity, and keeps its stance', () => {
    const flags = lineFlags(facts({ criminalLegalRecipients: ['County Detention Center'], custodyCareOnly: true }));
    expect(flags.map((flag) => [flag.code, flag.severity])).toEqual([['criminal-legal-recipient', 'medium']]);
    expect(flags[0]!.detail).toContain('evidence-backed');
    expect(holdsBackRecommendation(flags)).toBe(false);
  });

  it('gives stable codes in a fixed order for the API', () => {
    expect(lineFlagCodes(facts({ description: ' ', unclassified: true, criminalLegalRecipients: ['Sheriff'] }))).toEqual([
      'criminal-legal-recipient',
      'unclassified',
      'missing-description',
    ]);
    expect(lineFlagCodes(facts())).toEqual([]);
  });
});

describe('a line’s flags in the reader’s words', () => {
  const every = [
    facts({ criminalLegalRecipients: ['Springfield Police Department', 'County Sheriff', 'District Court'] }),
    facts({ criminalLegalRecipients: ['County Detention Center'], custodyCareOnly: true }),
    facts({ discouragedUses: ['Drug courts and involuntary treatment', 'Law enforcement: equipment, task forces, drug enforcement'], unclassified: true, description: '' }),
    facts({ discouragedUses: ['A label no framework has'] }),
  ];

  it('says in English exactly what the flags say (the API and staff pages keep the flags’ own words)', () => {
    const en = wordsFor('en');
    const flags = every.flatMap((f) => lineFlags(f));
    expect(flags.map((flag) => flag.code).sort()).toEqual([...LINE_FLAG_CODES, 'criminal-legal-recipient', 'discouraged-use'].sort());
    for (const flag of flags) expect(lineFlagWords(flag, en), flag.code).toEqual({ title: flag.title, detail: flag.detail });
  });

  it('writes every flag in Spanish, the list with "y", a discouraged use by its Spanish name', () => {
    const es = wordsFor('es');
    const [police] = lineFlags(every[0]!);
    expect(lineFlagWords(police!, es).title).toBe(
      'Pagado a un destinatario del sistema penal: Springfield Police Department, County Sheriff y District Court',
    );
    expect(lineFlagWords(police!, es).detail).toMatch(/^Este dinero va a Springfield Police Department, County Sheriff y District Court, que forma parte del sistema penal \(policía/);
    const [custody] = lineFlags(every[1]!);
    expect(lineFlagWords(custody!, es).detail).toContain('respaldado por la evidencia');
    const byCode = new Map(lineFlags(every[2]!).map((flag) => [flag.code, lineFlagWords(flag, es)]));
    expect(byCode.get('discouraged-use')?.title).toMatch(/^Un uso que el marco centrado en la salud desaconseja: .+ y .+$/);
    expect(byCode.get('discouraged-use')?.title).not.toContain('Law enforcement');
    expect(byCode.get('unclassified')?.title).toBe('Aún sin clasificar');
    expect(byCode.get('missing-description')?.title).toBe('Sin descripción en lenguaje sencillo');
    // A label the shipped framework does not have (a renamed category) stays as the database has it.
    expect(lineFlagWords(lineFlags(every[3]!)[0]!, es).title).toContain('A label no framework has');
  });

  it('lists names in each language', () => {
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listInWords(['A', 'B', 'C'], wordsFor('en'))).toBe('A, B and C');
    expect(listInWords(['A', 'B', 'C'], wordsFor('es'))).toBe('A, B y C');
    expect(listInWords(['A'], wordsFor('es'))).toBe('A');
    expect(listInWords([], wordsFor('es'))).toBe('');
  });

  it('names recipient types and the missing description in each language', () => {
    expect(recipientTypeLabel('law_enforcement')).toBe('Law enforcement');
    expect(recipientTypeLabel('law_enforcement', wordsFor('es'))).toBe('Fuerzas del orden');
    expect(recipientTypeLabel(null, wordsFor('es'))).toBe('No registrado');
    for (const type of RECIPIENT_TYPES) expect(recipientTypeLabel(type, wordsFor('en'))).toBe(RECIPIENT_TYPE_LABEL[type]);
    expect(recipientTypeLabel('nonsense', wordsFor('en'))).toBe(recipientTypeLabel('nonsense'));
    expect(noDescriptionFlag()).toBe(NO_DESCRIPTION_FLAG);
    expect(noDescriptionFlag(wordsFor('en'))).toBe(NO_DESCRIPTION_FLAG);
    expect(noDescriptionFlag(wordsFor('es'))).toBe('No se proporcionó una descripción en lenguaje sencillo');
  });
});
