/**
 * A state's name in the reader's language, for the map's chooser, title and summary. Spanish names only where the
 * Spanish press of the United States writes them differently ("Carolina del Norte"); every other state keeps the
 * name lib/localities/us-states.ts gives it ("Texas", "Ohio").
 */
import type { Locale } from '@/lib/i18n/locales';
import { stateByCode } from '@/lib/localities/us-states';

const SPANISH_NAMES: Readonly<Record<string, string>> = {
  DC: 'Distrito de Columbia',
  HI: 'Hawái',
  LA: 'Luisiana',
  MO: 'Misuri',
  NC: 'Carolina del Norte',
  ND: 'Dakota del Norte',
  NH: 'Nuevo Hampshire',
  NJ: 'Nueva Jersey',
  NM: 'Nuevo México',
  NY: 'Nueva York',
  PA: 'Pensilvania',
  SC: 'Carolina del Sur',
  SD: 'Dakota del Sur',
  WV: 'Virginia Occidental',
  AS: 'Samoa Estadounidense',
  MP: 'Islas Marianas del Norte',
  VI: 'Islas Vírgenes de EE. UU.',
};

/** "North Carolina" / "Carolina del Norte" for "NC"; the code itself for an unknown one. */
export function stateName(code: string, locale: Locale): string {
  const english = stateByCode(code)?.name ?? code;
  return locale === 'es' ? (SPANISH_NAMES[code.toUpperCase()] ?? english) : english;
}
