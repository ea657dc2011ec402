import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { contextBreakdowns, contextDimension, localityContext } from '@/db/schema';
import { requireScope, type Actor } from '@/lib/auth/authorize';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/errors/zod-errors';
import { groupKeyField, optionalCountField } from './input';
import { fiscalYearField, textField } from '../input-fields';
import { loadLocalityOfInput } from '../record-refs';
import { emitAudit, type ServiceContext, withTransaction } from '../context';

const contextSchema = z.object({
  fiscalYear: fiscalYearField,
  population: optionalCountField,
  overdoseDeaths: optionalCountField,
  source: textField({ max: 500, tooLong: 'Keep the source under 500 characters.' }),
});

async function readContext(executor: Executor, localityId: number, fiscalYear: number) {
  const [row] = await executor
    .select()
    .from(localityContext)
    .where(and(eq(localityContext.localityId, localityId), eq(localityContext.fiscalYear, fiscalYear)));
  return row ?? null;
}

/**
 * A locality's residents and overdose deaths for one fiscal year (from the health department). An empty field means
 * "not known" and is stored as null, so measures that need it say so instead of dividing by zero.
 */
export async function setLocalityContext(ctx: ServiceContext<Actor | null>, input: unknown): Promise<{ localityId: number; fiscalYear: number }> {
  const { db, actor } = ctx;
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const fields = parseInput(contextSchema, input);
  return withTransaction(ctx, async ({ db: tx }) => {
    const before = await readContext(tx, locality.id, fields.fiscalYear);
    const values = {
      population: fields.population,
      overdoseDeaths: fields.overdoseDeaths,
      source: fields.source,
      updatedAt: new Date(),
    };
    await tx
      .insert(localityContext)
      .values({ localityId: locality.id, fiscalYear: fields.fiscalYear, ...values })
      .onConflictDoUpdate({ target: [localityContext.localityId, localityContext.fiscalYear], set: values });
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: locality.id,
      action: before ? 'update' : 'create',
      entity: 'locality_context',
      entityId: `${locality.id}:${fields.fiscalYear}`,
      before,
      after: await readContext(tx, locality.id, fields.fiscalYear),
    });
    return { localityId: locality.id, fiscalYear: fields.fiscalYear };
  });
}

const MAX_GROUPS = 100;

const breakdownSchema = z.object({
  fiscalYear: fiscalYearField,
  dimension: z.enum(contextDimension.enumValues, { error: 'Choose race/ethnicity or area.' }),
  groups: z
    .array(
      z.object({
        groupKey: groupKeyField,
        groupLabel: textField({ max: 200, required: 'Name the group as residents would read it.', tooLong: 'Keep the name under 200 characters.' }),
        population: optionalCountField,
        overdoseDeaths: optionalCountField,
      }),
      { error: 'List the groups.' },
    )
    .max(MAX_GROUPS, { error: `List at most ${MAX_GROUPS} groups.` }),
});

async function readBreakdown(executor: Executor, localityId: number, fiscalYear: number, dimension: 'race_ethnicity' | 'area') {
  return executor
    .select({
      groupKey: contextBreakdowns.groupKey,
      groupLabel: contextBreakdowns.groupLabel,
      population: contextBreakdowns.population,
      overdoseDeaths: contextBreakdowns.overdoseDeaths,
    })
    .from(contextBreakdowns)
    .where(
      and(
        eq(contextBreakdowns.localityId, localityId),
        eq(contextBreakdowns.fiscalYear, fiscalYear),
        eq(contextBreakdowns.dimension, dimension),
      ),
    )
    .orderBy(asc(contextBreakdowns.groupKey));
}

/**
 * Residents and overdose deaths by race/ethnicity or by area (zip, district) for one fiscal year: the whole table
 * at once, as the form or a CSV import sends it. Groups left out are removed; an empty count is "not known".
 */
export async function setContextBreakdown(
  ctx: ServiceContext<Actor | null>,
  input: unknown,
): Promise<{ localityId: number; fiscalYear: number; dimension: 'race_ethnicity' | 'area'; groups: number }> {
  const { db, actor } = ctx;
  const locality = await loadLocalityOfInput(db, input);
  requireScope(actor, 'money.write', locality.id);
  const fields = parseInput(breakdownSchema, input);
  const seen = new Set<string>();
  fields.groups.forEach((group, index) => {
    if (seen.has(group.groupKey)) {
      throw new Invalid('Please correct the field marked below.', { [`groups.${index}.groupKey`]: ['This key is already used by another group.'] });
    }
    seen.add(group.groupKey);
  });
  return withTransaction(ctx, async ({ db: tx }) => {
    const where = and(
      eq(contextBreakdowns.localityId, locality.id),
      eq(contextBreakdowns.fiscalYear, fields.fiscalYear),
      eq(contextBreakdowns.dimension, fields.dimension),
    );
    const before = await readBreakdown(tx, locality.id, fields.fiscalYear, fields.dimension);
    await tx
      .delete(contextBreakdowns)
      .where(fields.groups.length > 0 ? and(where, notInArray(contextBreakdowns.groupKey, [...seen])) : where);
    if (fields.groups.length > 0) {
      await tx
        .insert(contextBreakdowns)
        .values(
          fields.groups.map((group) => ({
            localityId: locality.id,
            fiscalYear: fields.fiscalYear,
            dimension: fields.dimension,
            ...group,
          })),
        )
        .onConflictDoUpdate({
          target: [contextBreakdowns.localityId, contextBreakdowns.fiscalYear, contextBreakdowns.dimension, contextBreakdowns.groupKey],
          set: {
            groupLabel: sql`excluded.group_label`,
            population: sql`excluded.population`,
            overdoseDeaths: sql`excluded.overdose_deaths`,
            updatedAt: new Date(),
          },
        });
    }
    await emitAudit(tx, {
      userId: actor.userId,
      localityId: locality.id,
      action: before.length === 0 ? 'create' : 'update',
      entity: 'context_breakdown',
      entityId: `${locality.id}:${fields.fiscalYear}:${fields.dimension}`,
      before: before.length === 0 ? null : { groups: before },
      after: { groups: await readBreakdown(tx, locality.id, fields.fiscalYear, fields.dimension) },
    });
    return { localityId: locality.id, fiscalYear: fields.fiscalYear, dimension: fields.dimension, groups: fields.groups.length };
  });
}
