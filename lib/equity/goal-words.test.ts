import { describe, expect, it } from 'vitest';
import { describeTarget, formatGoalValue, goalsCountSentence, goalTitle, statusLabel } from '@/lib/data/board-words';
import { wordsFor } from '@/lib/i18n/testing';
import { suggestedGoals } from './default-goals';
import { countIn, goalsCountIn, goalTitleIn, goalValueIn, missingIn, raceGroupIn, reasonIn, statusLabelIn, suppressionIn, targetIn, thresholdsIn } from './goal-words';
import { formatUnits, MEASURE_UNIT } from './measure-info';
import { SUPPRESSION_NOTE } from './public-notes';
import { describeThresholds } from './status';
import type { EquityComparator, EquityMeasure, GoalStatus } from './types';

const en = wordsFor('en');
const es = wordsFor('es');
const labels = { categories: { 'non-remediation': 'Not opioid remediation (general fund, roads, …)' }, raceGroups: { native: 'American Indian or Alaska Native', other: 'Pacific Islander' } };

const NAMES: { measure: EquityMeasure; subject: string | null; basis: 'allocated' | 'spent' }[] = [
  { measure: 'group_share', subject: 'Harm reduction', basis: 'allocated' },
  { measure: 'group_share', subject: 'harm reduction', basis: 'spent' },
  { measure: 'category_share', subject: 'non-remediation', basis: 'allocated' },
  { measure: 'category_share', subject: 'own-key', basis: 'spent' },
  { measure: 'recipient_share', subject: 'community_based', basis: 'allocated' },
  { measure: 'recipient_share', subject: 'lived_experience', basis: 'spent' },
  { measure: 'recipient_share', subject: 'criminal_legal', basis: 'allocated' },
  { measure: 'recipient_share', subject: 'something else', basis: 'allocated' },
  { measure: 'dollars_per_death', subject: null, basis: 'allocated' },
  { measure: 'dollars_per_death', subject: null, basis: 'spent' },
  { measure: 'dollars_per_resident', subject: null, basis: 'allocated' },
  { measure: 'dollars_per_resident', subject: null, basis: 'spent' },
  { measure: 'reach_parity', subject: 'native', basis: 'allocated' },
  { measure: 'reach_parity', subject: 'other', basis: 'allocated' },
  { measure: 'spend_down', subject: null, basis: 'spent' },
  { measure: 'completeness', subject: null, basis: 'allocated' },
];
const STATUSES: GoalStatus[] = ['met', 'close', 'missed', 'not_enough_data'];
const COMPARATORS: EquityComparator[] = ['at_least', 'at_most', 'exactly'];

describe('goal words in English say exactly what board-words and the public answer say', () => {
  it('names every kind of goal the same', () => {
    for (const goal of NAMES) expect(goalTitleIn({ ...goal, framework_key: 'health-first' }, labels, en)).toBe(goalTitle(goal, labels));
  });

  it('writes values, targets, statuses and counts the same', () => {
    for (const [value, unit] of [['22.10', 'percent'], ['1234.56', 'dollars'], ['0.7326', 'ratio'], [null, 'percent']] as const) {
      expect(goalValueIn(value, unit, en)).toBe(formatGoalValue(value, unit));
      for (const comparator of COMPARATORS) if (value !== null) expect(targetIn(comparator, value, unit, en)).toBe(describeTarget(comparator, value, unit));
    }
    for (const status of STATUSES) expect(statusLabelIn(status, en)).toBe(statusLabel(status));
    for (const statuses of [['met'], ['met', 'close', 'missed', 'not_enough_data', 'missed'], ['close', 'close']] as GoalStatus[][]) {
      expect(goalsCountIn(statuses, en)).toBe(goalsCountSentence(statuses));
    }
  });

  it('writes every threshold the same', () => {
    for (const measure of ['group_share', 'dollars_per_death', 'dollars_per_resident', 'reach_parity'] as const) {
      const unit = MEASURE_UNIT[measure];
      for (const comparator of COMPARATORS) {
        for (const [target, margin] of [[2500n, 500n], [0n, 0n], [300n, 500n], [15050n, 0n], [8000n, 1000n]] as const) {
          const english = describeThresholds(measure, comparator, target, margin);
          const goal = { measure, comparator, unit, target: formatUnits(target, unit), amber_margin: formatUnits(margin, unit), thresholds: english };
          expect(thresholdsIn(goal, en)).toEqual(english);
        }
      }
    }
  });

  it('keeps the suggested reasons, the small-count note, the missing texts and counts', () => {
    for (const goal of suggestedGoals(2026)) expect(reasonIn(goal.reason, en)).toBe(goal.reason);
    expect(suppressionIn(SUPPRESSION_NOTE, en)).toBe(SUPPRESSION_NOTE);
    for (const text of [
      'approved allocations for FY2026',
      'spending recorded for FY2026 up to 2026-03-31',
      'money received in FY2026 (the receipts recorded add up to -12.50)',
      'overdose deaths for FY2026 above zero (0 is recorded, and money cannot be divided by zero)',
      'overdose deaths of Asian residents for FY2026 above zero (parity cannot be measured against no deaths)',
      'people served by race/ethnicity for FY2026',
    ]) {
      expect(missingIn(text, en)).toBe(text);
    }
    expect(countIn('107734', en)).toBe('107,734');
    expect(countIn('fewer than 11', en)).toBe('fewer than 11');
    expect(raceGroupIn('native', 'American Indian or Alaska Native', en)).toBe('American Indian or Alaska Native');
  });
});

describe('goal words in Spanish', () => {
  it('names goals with the reference data’s Spanish and keeps names staff typed', () => {
    expect(goalTitleIn({ measure: 'group_share', subject: 'Harm reduction', basis: 'allocated', framework_key: 'health-first' }, labels, es)).toMatch(
      /^Reducción de daños: proporción del dinero asignado$/i,
    );
    expect(goalTitleIn({ measure: 'recipient_share', subject: 'community_based', basis: 'spent' }, labels, es)).toBe(
      'Proporción del dinero gastado para organizaciones comunitarias',
    );
    expect(goalTitleIn({ measure: 'reach_parity', subject: 'native', basis: 'allocated' }, labels, es)).toBe(
      'Personas indígenas americanas o nativas de Alaska: alcance frente a su proporción de las muertes por sobredosis',
    );
    expect(goalTitleIn({ measure: 'reach_parity', subject: 'other', basis: 'allocated' }, labels, es)).toMatch(/^Pacific Islander: /);
    expect(goalTitleIn({ measure: 'category_share', subject: 'own-key', basis: 'allocated' }, labels, es)).toBe('Proporción del dinero asignado en “own-key”');
  });

  it('writes targets, statuses, counts, thresholds, reasons and missing data in Spanish, money in es-US', () => {
    expect(targetIn('at_least', '25.00', 'percent', es)).toBe('al menos 25.00%');
    expect(targetIn('at_most', '150.00', 'dollars', es)).toBe('como máximo $150.00');
    expect(statusLabelIn('missed', es)).toBe('No cumplida (rojo)');
    expect(goalsCountIn(['met', 'close', 'missed', 'missed', 'not_enough_data'], es)).toBe(
      '1 de 5 metas cumplidas, 1 cerca de la meta, 2 no cumplidas, 1 sin datos suficientes.',
    );
    const goal = { measure: 'group_share' as const, comparator: 'at_least' as const, unit: 'percent' as const, target: '25.00', amber_margin: '5.00', thresholds: { green: '', amber: '' } };
    expect(thresholdsIn(goal, es)).toEqual({ green: 'verde con 25% o más', amber: 'ámbar desde 20% hasta 25%; rojo por debajo de 20%' });
    const perDeath = { ...goal, measure: 'dollars_per_death' as const, unit: 'dollars' as const, comparator: 'at_most' as const, target: '0.00', amber_margin: '0.00' };
    expect(thresholdsIn(perDeath, es)).toEqual({ green: 'verde con $0 por muerte por sobredosis: nada en absoluto', amber: 'sin franja ámbar: rojo por encima de $0 por muerte por sobredosis' });
    for (const suggested of suggestedGoals(2026)) expect(reasonIn(suggested.reason, es)).not.toBe(suggested.reason);
    expect(reasonIn('Our own reason.', es)).toBe('Our own reason.');
    expect(suppressionIn(SUPPRESSION_NOTE, es)).toMatch(/^Algunos conteos de personas/);
    expect(missingIn('approved allocations for FY2026', es)).toBe('asignaciones aprobadas del AF 2026');
    expect(missingIn('money received in FY2026 (the receipts recorded add up to -12.50)', es)).toBe(
      'dinero recibido en el AF 2026 (los recibos registrados suman -12.50)',
    );
    expect(missingIn('something a measure never says', es)).toBe('something a measure never says');
    expect(countIn('fewer than 11', es)).toBe('menos de 11');
    expect(countIn('107734', es)).toBe('107,734');
  });
});
