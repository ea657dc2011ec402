import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { categories, equityBasis, equityComparator, equityGoals, equityMeasure, frameworks } from '@/db/schema';
import { requireVisible, type Actor } from '@/lib/auth/authorize';
import { isRecipientSubject } from '@/lib/equity/measure-info';
import type { EquityBasis, EquityMeasure } from '@/lib/equity/types';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { groupKeyField, parseGoalAmount, requireGoalScope } from './input';
import { fiscalYearField, optionalIdField, textField } from '../input-fields';
import { loadLocalityOfInput, parseVersionedRef } from '../record-refs';
import { goalRecord, readEquityGoal } from './goal-record';
import { readForSave, updateOverVersion } from '../record-kind';
import { emitCreated, emitUpdated, type ServiceContext, withTransaction } from '../context';

const DEFAULT_FRAMEWORK = 'health-first';

const goalSchema = z
  .object({
    fiscalYear: fiscalYearField,
    measure: z.enum(equityMeasure.enumValues, { error: 'Choose what this goal measures.' }),
    subject: textField({ max: 200, tooLong: 'Keep the subject under 200 characters.' }),
    frameworkKey: textField({ max: 100, tooLong: 'Choose a category framework.' }),
    basis: z.preprocess(
      (value) => (value === undefined || value === null || value === '' ? 'allocated' : value),
      z.enum(equityBasis.enumValues, { error: 'Choose whether the goal measures money allocated or money spent.' }),
    ),
    comparator: z.enum(equityComparator.enumValues, { error: 'Choose at least, at most or exactly.' }),
    target: z.unknown(),
    amberMargin: z.unknown(),
    reason: textField({
      max: 2000,
      required: 'Say in plain language why this goal matters. The reason is shown in public beside the goal.',
      tooLong: 'Keep the reason under 2,000 characters.',
    }),
  })
  .transform((fields, ctx) => {
    const target = parseGoalAmount(fields.measure, fields.target, 'target');
    const margin =
      fields.amberMargin === undefined || fields.amberMargin === null || fields.amberMargin === ''
        ? { units: 0n }
        : parseGoalAmount(fields.measure, fields.amberMargin, 'amber margin');
    if ('error' in target) ctx.addIssue({ code: 'custom', path: ['target'], message: target.error });
    if ('error' in margin) ctx.addIssue({ code: 'custom', path: ['amberMargin'], message: margin.error });
    if ('error' in target || 'error' in margin) return z.NEVER;
    return { ...fields, target: target.units, amberMargin: margin.units };
  });

type GoalFields = z.infer<typeof goalSchema>;

type GoalSubject = { subject: string | null; frameworkKey: string; basis: EquityBasis };

/** The columns a goal's form sets, on create and on edit, with its subject as checkSubject resolved it. */
function goalColumns(fields: GoalFields, about: GoalSubject) {
  return {
    fiscalYear: fields.fiscalYear,
    measure: fields.measure,
    ...about,
    comparator: fields.comparator,
    target: fields.target,
    amberMargin: fields.amberMargin,
    reason: fields.reason,
  };
}

/**
 * What the goal is about, checked against the database: a category key or group of the framework (which must be
 * a shipped one or the locality's own), a kind of recipient, or a race/ethnicity group key. Measures without a
 * subject store none, and the basis is fixed where it has no meaning (spend-down is always spent ÷ received).
 */
async function checkSubject(
  executor: Executor,
  localityId: number,
  fields: GoalFields,
): Promise<GoalSubject> {
  const measure: EquityMeasure = fields.measure;
  const subject = fields.subject === '' ? null : fields.subject;
  const frameworkKey = fields.frameworkKey === '' ? DEFAULT_FRAMEWORK : fields.frameworkKey;
  switch (measure) {
    case 'category_share':
    case 'group_share': {
      const [framework] = await executor
        .select({ id: frameworks.id, name: frameworks.name })
        .from(frameworks)
        .where(and(eq(frameworks.key, frameworkKey), or(isNull(frameworks.localityId), eq(frameworks.localityId, localityId))));
      if (!framework) throw new Invalid('Please correct the field marked below.', { frameworkKey: ['Choose a category framework of this locality.'] });
      if (subject === null) {
        throw new Invalid('Please correct the field marked below.', {
          subject: [measure === 'group_share' ? 'Choose a group of categories.' : 'Choose a category.'],
        });
      }
      const [match] = await executor
        .select({ key: categories.key, group: categories.groupLabel })
        .from(categories)
        .where(
          and(
            eq(categories.frameworkId, framework.id),
            measure === 'group_share' ? sql`lower(${categories.groupLabel}) = lower(${subject}::text)` : eq(categories.key, subject),
          ),
        )
        .limit(1);
      if (!match) {
        throw new Invalid('Please correct the field marked below.', {
          subject: [`The ${framework.name} has no ${measure === 'group_share' ? 'group' : 'category'} “${subject}”.`],
        });
      }
      return { subject: measure === 'group_share' ? match.group : match.key, frameworkKey, basis: fields.basis };
    }
    case 'recipient_share':
      if (!isRecipientSubject(subject)) {
        throw new Invalid('Please correct the field marked below.', {
          subject: ['Choose community-based organizations or organizations led by people with lived experience.'],
        });
      }
      return { subject, frameworkKey: DEFAULT_FRAMEWORK, basis: fields.basis };
    case 'reach_parity': {
      const key = groupKeyField.safeParse(subject ?? '');
      if (!key.success) {
        throw new Invalid('Please correct the field marked below.', {
          subject: ['Choose the race/ethnicity group, by its key (like "black").'],
        });
      }
      return { subject: key.data, frameworkKey: DEFAULT_FRAMEWORK, basis: 'allocated' };
    }
    case 'spend_down':
      return { subject: null, frameworkKey: DEFAULT_FRAMEWORK, basis: 'spent' };
    case 'completeness':
      return { subject: null, frameworkKey: DEFAULT_FRAMEWORK, basis: 'allocated' };
    case 'dollars_per_death':
    case 'dollars_per_resident':
      return { subject: null, frameworkKey: DEFAULT_FRAMEWORK, basis: fields.basis };
  }
}

const idInput = z.object({ id: optionalIdField('The form does not say which goal to change; reload the page.') });

/**
 * Creates a goal (no `id`) or saves an edited one over the version the form was opened with (`id` and `version`).
 * Targets and margins are typed in the measure's unit: a percentage, dollars, or a ratio where 1 is parity.
 */
export async function setEquityGoal(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { id } = parseInput(idInput, input);
  return id === null ? createGoal(ctx, input) : updateGoal(ctx, input);
}

async function createGoal(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { db, actor } = ctx;
  const locality = await loadLocalityOfInput(db, input);
  requireGoalScope(actor, locality.id);
  const fields = parseInput(goalSchema, input);
  return withTransaction(ctx, async ({ db: tx }) => {
    const about = await checkSubject(tx, locality.id, fields);
    const [row] = await tx
      .insert(equityGoals)
      .values({ localityId: locality.id, ...goalColumns(fields, about), createdBy: actor.userId })
      .returning();
    if (!row) throw new Error('the goal was not created');
    await emitCreated(tx, actor.userId, { localityId: locality.id, entity: 'equity_goal', entityId: row.id, after: row });
    return { id: row.id, version: row.version };
  });
}

async function updateGoal(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ id: number; version: number }> {
  const { db, actor } = ctx;
  const ref = parseVersionedRef(input);
  const existing = requireVisible(actor, await readEquityGoal(db, ref.id), 'That goal');
  requireGoalScope(actor, existing.localityId);
  const fields = parseInput(goalSchema, input);
  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readForSave(tx, goalRecord, ref);
    const about = await checkSubject(tx, before.localityId, fields);
    await updateOverVersion(tx, goalRecord, ref, goalColumns(fields, about));
    const after = (await readEquityGoal(tx, ref.id))!;
    const { localityId } = before;
    await emitUpdated(tx, actor.userId, { localityId, entity: 'equity_goal', entityId: ref.id, before, after });
    return { id: ref.id, version: after.version };
  });
}

