/**
 * What a locality is, as an administrator types it (the staff form) or passes it (`npm run locality:create`), and the
 * rules that depend on its kind: a county is one of the Census list (lib/localities/census-counties.ts), found by its
 * FIPS code or by its name; a city or town is typed, with an optional 7-digit place code; a state's FIPS code is its
 * own 2-digit one.
 */
import { z } from 'zod';
import { localityKind } from '@/db/schema/enums';
import { Invalid } from '@/lib/errors';
import { countyByFips, findCounty } from '@/lib/localities/census-counties';
import { stateByCode } from '@/lib/localities/us-states';
import { optionalCountField } from '../equity/input';
import { checkboxField, textField } from '../input-fields';

/** The kinds an administrator may give a new locality; `region` groups the demo's localities and is not offered. */
export const LOCALITY_KINDS = ['county', 'city', 'town', 'state', 'tribe', 'other'] as const;
export type LocalityKind = (typeof localityKind.enumValues)[number];

export const LOCALITY_KIND_LABEL: Readonly<Record<LocalityKind, string>> = {
  county: 'County (or parish, borough, independent city)',
  city: 'City',
  town: 'Town, village or township',
  state: 'State',
  tribe: 'Tribal nation',
  other: 'Other (a region, a consortium …)',
  region: 'Region (groups localities)',
};

/** The kind in a sentence or a table cell: "a county in North Carolina". */
export const LOCALITY_KIND_NOUN: Readonly<Record<LocalityKind, string>> = {
  county: 'county',
  city: 'city',
  town: 'town',
  state: 'state',
  tribe: 'tribal nation',
  other: 'locality',
  region: 'region',
};

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const blankToNull = (value: unknown) => (value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? null : value);

export const localityFieldsSchema = z.object({
  name: textField({ max: 200, tooLong: 'Keep the name under 200 characters.' }),
  stateCode: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
    z.string({ error: 'Choose the state.' }).regex(/^[A-Z]{2}$/, { error: 'Choose the state (its two-letter postal code, like NC).' }),
  ),
  kind: z.enum(localityKind.enumValues, { error: `Choose the kind: ${LOCALITY_KINDS.join(', ')}.` }),
  fips: z.preprocess(
    (value) => (typeof value === 'string' ? blankToNull(value.trim()) : blankToNull(value)),
    z
      .string({ error: 'Enter the FIPS code as digits.' })
      .regex(/^(\d{2}|\d{5}|\d{7})$/, { error: 'A FIPS code has 2 digits (a state), 5 (a county) or 7 (a city or town).' })
      .nullable(),
  ),
  fyStartMonth: z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? 7 : /^\d{1,2}$/.test(value.trim()) ? Number(value.trim()) : value) : (value ?? 7)),
    z
      .number({ error: 'Choose the month the fiscal year starts (1–12).' })
      .int({ error: 'Choose the month the fiscal year starts (1–12).' })
      .min(1, { error: 'The fiscal year starts in a month from 1 (January) to 12 (December).' })
      .max(12, { error: 'The fiscal year starts in a month from 1 (January) to 12 (December).' }),
  ),
  population: optionalCountField,
  moneyNeedsApproval: checkboxField,
});

export type LocalityFields = z.infer<typeof localityFieldsSchema>;

export interface ResolvedLocality {
  name: string;
  stateCode: string;
  kind: LocalityKind;
  fips: string | null;
  fyStartMonth: number;
  population: number | null;
  moneyNeedsApproval: boolean;
}

function invalid(field: keyof LocalityFields, message: string): Invalid {
  return new Invalid('Please correct the field marked below.', { [field]: [message] });
}

/**
 * Applies the rules of the locality's kind: fills a county's name and FIPS code from the Census list, a state's
 * from the state table, and refuses a code that does not belong to the state. `keep` is the locality being edited:
 * its kind and state may stay as they are even where a new locality could not have them (the demo's regions and its
 * fictional state "ZZ").
 */
export function resolveLocality(fields: LocalityFields, keep?: { kind: LocalityKind; stateCode: string }): ResolvedLocality {
  const base = {
    fyStartMonth: fields.fyStartMonth,
    population: fields.population,
    kind: fields.kind,
    stateCode: fields.stateCode,
    moneyNeedsApproval: fields.moneyNeedsApproval,
  };
  if (!(LOCALITY_KINDS as readonly string[]).includes(fields.kind) && fields.kind !== keep?.kind) {
    throw invalid('kind', `Choose the kind: ${LOCALITY_KINDS.join(', ')}.`);
  }
  const state = stateByCode(fields.stateCode);
  if (!state) {
    if (keep && fields.stateCode === keep.stateCode) {
      if (fields.name === '') throw invalid('name', 'Enter the name.');
      return { ...base, name: fields.name, fips: fields.fips };
    }
    throw invalid('stateCode', `"${fields.stateCode}" is not a state; choose one from the list (its postal code, like NC).`);
  }
  switch (fields.kind) {
    case 'county': {
      if (fields.fips !== null) {
        const county = countyByFips(fields.fips);
        if (!county) throw invalid('fips', `${fields.fips} is not a county FIPS code in the Census list (5 digits, e.g. 37135).`);
        if (county.stateCode !== state.code) throw invalid('fips', `${fields.fips} is ${county.name}, ${county.stateCode}, not a county of ${state.code}.`);
        return { ...base, name: fields.name || county.name, fips: county.fips };
      }
      if (fields.name === '') throw invalid('name', `Choose the county from the Census list of ${state.name}.`);
      const found = findCounty(fields.name, state.code);
      if (found.ok) return { ...base, name: found.county.name, fips: found.county.fips };
      const names = found.candidates.map((county) => `${county.name} (${county.fips})`).join(', ');
      throw invalid(
        'name',
        found.reason === 'ambiguous'
          ? `Several counties of ${state.code} are called "${fields.name}": ${names}. Give the full name or the FIPS code.`
          : `No county of ${state.code} is called "${fields.name}" in the Census list.${names ? ` Closest: ${names}.` : ''}`,
      );
    }
    case 'state': {
      if (fields.fips !== null && fields.fips !== state.fips) throw invalid('fips', `The FIPS code of ${state.name} is ${state.fips}.`);
      return { ...base, name: fields.name || state.name, fips: state.fips };
    }
    case 'city':
    case 'town': {
      if (fields.name === '') throw invalid('name', `Enter the name of the ${fields.kind}.`);
      if (fields.fips !== null && (fields.fips.length !== 7 || !fields.fips.startsWith(state.fips))) {
        throw invalid('fips', `A ${fields.kind}'s FIPS place code has 7 digits and starts with ${state.fips}, the code of ${state.name}; or leave it empty.`);
      }
      return { ...base, name: fields.name, fips: fields.fips };
    }
    default: {
      if (fields.name === '') throw invalid('name', 'Enter the name.');
      return { ...base, name: fields.name, fips: fields.fips };
    }
  }
}
