/**
 * Where the category names in this folder come from. Every name is tagged with one of these, so a test can check a
 * real report's whole list and the closing note of an issue can say where each name was found.
 */
export interface NameSource {
  /** What the names are, in a sentence. */
  title: string;
  /** Public pages that show the names as written (stored public copies, read when the names were added). */
  seenAt: readonly string[];
}

export const NAME_SOURCES = {
  'ma-fy2024': {
    title:
      'Massachusetts DPH municipal opioid-abatement annual report, FY2024: the strategies a city or town reports the ' +
      'amount expended under (the seven strategies of the State-Subdivision Agreement, plus "Administrative Costs" ' +
      'and "Other" rows).',
    seenAt: [
      'https://www.middletonma.gov/799/Opioid-Abatement-Funds (the seven strategies, numbered, with their long forms)',
      'https://opioidsettlementguides.com/massachusetts/ (the seven categories of the Massachusetts Abatement Terms)',
      'https://caremass.org/data-dashboard/ (the FY2024 municipal reports, July 1, 2023 – June 30, 2024)',
      // Not a public page: the project's notes on state reports. No stored public copy of the FY2024 form itself was
      // found, so the "Administrative Costs" and "Other" rows rest on this note (the FY2025 codebook's line-item
      // category "Administrative costs" is in the same note).
      'Abate project notes on state reporting (shared REPORTING.md, "Massachusetts"): the FY2024 strategy names, including "Administrative Costs" and "Other"',
    ],
  },
  'exhibit-e': {
    title:
      'The national settlements\u2019 Exhibit E, "List of Opioid Remediation Uses": Schedule A core strategies A\u2013I and ' +
      'Schedule B approved uses A\u2013L, by their short names and by letter the way reports cite them ("B-C", ' +
      '"Schedule B, C", "Core Strategy A", "Approved Use C").',
    seenAt: [
      'https://nationalopioidsettlement.com/uses-core-strategy/ (Exhibit E, core strategies and approved uses)',
      'https://miweblink2.metro-inet.us/CentervillePublic/0/doc/202358/Page142.aspx (a copy of the list: "A. TREAT OPIOID USE DISORDER (OUD)", "Medication for Opioid Use Disorder (\u201cMOUD\u201d)")',
      'Abate project notes on state reporting (shared REPORTING.md, "National settlement Exhibit E lists": the letters as the Pennsylvania Opioid Trust cites them)',
    ],
  },
  'nc-exhibit-a': {
    title:
      'North Carolina\u2019s Memorandum of Agreement, Exhibit A ("Option A") high-impact opioid abatement strategies 1\u201312, ' +
      'with and without their numbers, and the plural forms the state\u2019s settlement site uses.',
    seenAt: [
      'http://server3.co.orange.nc.us:8088/WebLink/0/doc/73980/Page11.aspx and Page12.aspx (Orange County NC copy of Exhibit A)',
      'https://ncopioidsettlement.org/?p=1295 ("(5) Employment Related Services", "(6) Early Intervention Programs", "(8) Post-Overdose Response Teams", "(9) Syringe Services Programs")',
      'https://chathamnc.legistar.com/LegislationDetail.aspx?ID=6566442 (a county resolution that renumbers the strategies it funds: "4. Early Intervention 5. Naloxone Distribution")',
    ],
  },
  'nc-common': {
    title: 'Abbreviations North Carolina counties use for Exhibit A strategies in resolutions and press releases.',
    seenAt: [
      'https://alexandercountync.gov/nc-opioid-settlement-fund ("Post-Overdose Response Team (PORT)")',
      'https://www.wsoctv.com/news/local/lincoln-county-launches-port-combat-opioid-crisis-with-12m-settlement-funds/ ("Post-Overdose Response Team, or PORT")',
    ],
  },
  common: {
    title:
      'Abbreviations and plain names used across opioid-settlement reports for treatment and harm reduction (OUD, MAT, ' +
      'MOUD, SSP, Narcan).',
    seenAt: [
      'Exhibit E itself: "Medication-Assisted Treatment (\u201cMAT\u201d)", "Medication for Opioid Use Disorder (\u201cMOUD\u201d)", "Opioid Use Disorder (\u201cOUD\u201d)"',
      'https://ncopioidsettlement.org/?p=1295 ("naloxone (also known by its trade name, Narcan)")',
      'http://server3.co.orange.nc.us:8088/WebLink/0/doc/73980/Page12.aspx ("Syringe Service Programs")',
    ],
  },
} as const satisfies Record<string, NameSource>;

export type NameSourceId = keyof typeof NAME_SOURCES;
