import { describe, expect, it } from 'vitest';
import { wordsFor } from '@/lib/i18n/testing';
import { flagText, type FlagFacts } from './flags';

/** One set of facts of every kind and branch a flag's words have. */
const FACTS: FlagFacts[] = [
  { kind: 'criminal_legal_recipient', program: 'Jail MOUD', amountCents: '1250000', recipients: ['County Sheriff'], custodyCareOnly: true },
  { kind: 'criminal_legal_recipient', program: 'Task force', amountCents: '99', recipients: ['Police', 'Sheriff', 'Drug court'], custodyCareOnly: false },
  { kind: 'unclassified', program: 'Section G', amountCents: '3900000' },
  {
    kind: 'discouraged_use',
    program: 'Patrol vehicles',
    categoryKey: 'law-enforcement',
    label: 'Law enforcement: equipment, task forces, drug enforcement',
    why: 'Drug enforcement has not reduced drug use, may increase overdoses, and falls unequally: Black people are almost twice as likely to be arrested for drugs as White people.',
    taggedAs: 'Public safety (NC strategies)',
    lineYear: 2026,
    fiscalYear: 2026,
    allocatedCents: '2000000',
    spentCents: '150000',
    share: '18.18',
  },
  {
    kind: 'discouraged_use',
    program: 'Old line',
    categoryKey: 'own-discouraged',
    label: 'A locality’s own use',
    why: null,
    taggedAs: null,
    lineYear: 2025,
    fiscalYear: 2026,
    allocatedCents: '0',
    spentCents: '5000',
    share: null,
  },
  {
    kind: 'discouraged_use',
    program: 'Roads',
    categoryKey: 'non-remediation',
    label: 'Not opioid remediation (general fund, roads, …)',
    why: 'This money is lost to its purpose. Most settlements require at least 85% to go to opioid remediation.',
    taggedAs: null,
    lineYear: 2026,
    fiscalYear: 2026,
    allocatedCents: '500000',
    spentCents: '0',
    share: null,
  },
  {
    kind: 'idle_money',
    asOf: '2026-06-30',
    cutoff: '2024-12-30',
    longCutoff: '2023-06-30',
    months: 18,
    receivedToDateCents: '500000000',
    spentToDateCents: '120000000',
    receivedBeforeCutoffCents: '300000000',
    idleCents: '180000000',
    longIdleCents: '20000000',
  },
  {
    kind: 'idle_money',
    asOf: '2026-06-30',
    cutoff: '2024-12-30',
    longCutoff: '2023-06-30',
    months: 12,
    receivedToDateCents: '5',
    spentToDateCents: '0',
    receivedBeforeCutoffCents: '5',
    idleCents: '5',
    longIdleCents: '0',
  },
  { kind: 'dominant_recipient', recipient: 'Big Vendor', amountCents: '6250000', lines: 1, share: '62.50', totalCents: '10000000', fiscalYear: 2026, limitBasisPoints: 5000 },
  { kind: 'dominant_recipient', recipient: 'Big Vendor', amountCents: '6000000', lines: 3, share: '60.00', totalCents: '10000000', fiscalYear: 2026, limitBasisPoints: 4250 },
  { kind: 'oversized_line', program: 'Everything', amountCents: '4000000', share: '40.00', totalCents: '10000000', fiscalYear: 2026, limitBasisPoints: 2500 },
  { kind: 'missing_description', program: 'Section G', amountCents: '3900000' },
];

describe('flagText', () => {
  it('writes with the English messages exactly what the English code writes, for every kind and branch', () => {
    const en = wordsFor('en');
    for (const facts of FACTS) expect(flagText(facts, en), `${facts.kind}`).toEqual(flagText(facts));
  });

  it('writes every flag in Spanish, with es-US money and the reference data’s Spanish', () => {
    const es = wordsFor('es');
    for (const facts of FACTS) {
      const english = flagText(facts);
      const spanish = flagText(facts, es);
      // A locality's own discouraged use keeps its own name in the title.
      if (facts !== FACTS[4]) expect(spanish.title, facts.kind).not.toBe(english.title);
      expect(spanish.detail, facts.kind).not.toBe(english.detail);
    }
    expect(flagText(FACTS[1]!, es).title).toMatch(/: Police, Sheriff y Drug court — “Task force”$/);
    expect(flagText(FACTS[1]!, es).detail).toMatch(/^Línea de \$0\.99\. /);
    expect(flagText(FACTS[3]!, es).title).toBe('Fuerzas del orden: “Patrol vehicles”');
    expect(flagText(FACTS[3]!, es).detail).toMatch(/^\$20,000\.00 de esta línea del AF 2026 \(18\.18% de todo el dinero asignado en el AF 2026\) va a “/);
    expect(flagText(FACTS[6]!, es).title).toBe('$1,800,000.00 recibido hace más de 18 meses está sin gastar');
    expect(flagText(FACTS[8]!, es).detail).toContain('en 1 línea aprobada, 62.5% de los $100,000.00 asignados en el AF 2026: más del 50%');
  });
});
