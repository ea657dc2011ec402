import { unclassifiedCategoryDef, withSortOrder, type FrameworkDef } from './types';

/**
 * Exhibit E of the national opioid settlements ("List of Opioid Remediation Uses"). Localities report to their state
 * in these terms, so labels keep the official letters and names. Stances are Abate's reading through the seeds:
 * everything here is an approved use, but a few headings mix life-saving care with policing or court supervision,
 * and those are marked neutral so they are not mistaken for health spending.
 */

const CORE = 'Schedule A: core strategies';
const APPROVED = 'Schedule B: approved uses';
/** Not part of Exhibit E: where lines without a category, or filed as "Other", wait to be classified. */
const OTHER = 'Other';

export const EXHIBIT_E: FrameworkDef = {
  key: 'exhibit-e',
  name: 'National settlements: Exhibit E',
  description:
    'The list of approved uses written into the national opioid settlements: nine core strategies to fund first, and twelve broader kinds of approved spending.',
  categories: withSortOrder([
    {
      key: 'core-a',
      label: 'A. Naloxone or other FDA-approved drug to reverse opioid overdoses',
      group: CORE,
      stance: 'recommended',
      description: 'Buying and handing out naloxone (Narcan) and training people to use it.',
      why: null,
    },
    {
      key: 'core-b',
      label: 'B. Medication-assisted treatment ("MAT") distribution and other opioid-related treatment',
      group: CORE,
      stance: 'recommended',
      description: 'Making methadone, buprenorphine and naltrexone easier to get, including for people without insurance.',
      why: null,
    },
    {
      key: 'core-c',
      label: 'C. Pregnant & postpartum women',
      group: CORE,
      stance: 'recommended',
      description: 'Screening, treatment and recovery support for pregnant people and new mothers.',
      why: null,
    },
    {
      key: 'core-d',
      label: 'D. Expanding treatment for neonatal abstinence syndrome ("NAS")',
      group: CORE,
      stance: 'recommended',
      description: 'Care for babies born dependent on opioids, and support for their families.',
      why: null,
    },
    {
      key: 'core-e',
      label: 'E. Expansion of warm hand-off programs and recovery services',
      group: CORE,
      stance: 'recommended',
      description: 'Connecting people to treatment right after an overdose or emergency visit, and peer recovery support afterwards.',
      why: null,
    },
    {
      key: 'core-f',
      label: 'F. Treatment for incarcerated population',
      group: CORE,
      stance: 'recommended',
      description: 'Medication and treatment in jail and prison, and at release.',
      why: 'Counts only when it pays for care; jail operations themselves are incarceration costs.',
    },
    {
      key: 'core-g',
      label: 'G. Prevention programs',
      group: CORE,
      stance: 'neutral',
      description: 'Programs that try to stop misuse before it starts, such as school programs and safe medicine disposal.',
      why: null,
    },
    {
      key: 'core-h',
      label: 'H. Expanding syringe service programs',
      group: CORE,
      stance: 'recommended',
      description: 'Sterile syringes and supplies, disease testing and links to care.',
      why: null,
    },
    {
      key: 'core-i',
      label: 'I. Evidence-based data collection and research analyzing the effectiveness of the abatement strategies within the State',
      group: CORE,
      stance: 'recommended',
      description: 'Collecting overdose data and studying whether the funded programs work.',
      why: null,
    },
    {
      key: 'use-a',
      label: 'A. Treat opioid use disorder (OUD)',
      group: APPROVED,
      stance: 'recommended',
      description: 'Treatment for opioid use disorder and the mental health conditions that often come with it.',
      why: null,
    },
    {
      key: 'use-b',
      label: 'B. Support people in treatment and recovery',
      group: APPROVED,
      stance: 'recommended',
      description: 'Housing, jobs, peer support and other services for people in treatment or recovery.',
      why: null,
    },
    {
      key: 'use-c',
      label: 'C. Connect people who need help to the help they need (connections to care)',
      group: APPROVED,
      stance: 'recommended',
      description: 'Outreach, crisis lines and crisis centers that get people to care quickly.',
      why: null,
    },
    {
      key: 'use-d',
      label: 'D. Address the needs of criminal justice-involved persons',
      group: APPROVED,
      stance: 'neutral',
      description: 'Services for people who have been arrested, are in jail or court programs, or are coming home from jail.',
      why: 'Mixes voluntary diversion and reentry care with drug courts and jail costs; the health-first view separates them.',
    },
    {
      key: 'use-e',
      label: 'E. Address the needs of pregnant or parenting women and their families, including babies with neonatal abstinence syndrome',
      group: APPROVED,
      stance: 'recommended',
      description: 'Treatment and family support for pregnant people, parents and their babies.',
      why: null,
    },
    {
      key: 'use-f',
      label: 'F. Prevent over-prescribing and ensure appropriate prescribing and dispensing of opioids',
      group: APPROVED,
      stance: 'neutral',
      description: 'Training and monitoring so doctors and pharmacies prescribe opioid pain medicine safely.',
      why: null,
    },
    {
      key: 'use-g',
      label: 'G. Prevent misuse of opioids',
      group: APPROVED,
      stance: 'neutral',
      description: 'Public campaigns, school programs and medicine take-back to prevent misuse.',
      why: null,
    },
    {
      key: 'use-h',
      label: 'H. Prevent overdose deaths and other harms (harm reduction)',
      group: APPROVED,
      stance: 'recommended',
      description: 'Naloxone, test strips, syringe programs and other ways to keep people who use drugs alive and healthy.',
      why: null,
    },
    {
      key: 'use-i',
      label: 'I. First responders',
      group: APPROVED,
      stance: 'neutral',
      description: 'Training and supplies for police, fire and medics who respond to overdoses.',
      why: 'Often used to report police equipment and enforcement; the health-first view flags that spending.',
    },
    {
      key: 'use-j',
      label: 'J. Leadership, planning and coordination',
      group: APPROVED,
      stance: 'neutral',
      description: 'Planning, coordination and management of the settlement programs.',
      why: null,
    },
    {
      key: 'use-k',
      label: 'K. Training',
      group: APPROVED,
      stance: 'neutral',
      description: 'Training for staff and partners who work on the overdose crisis.',
      why: null,
    },
    {
      key: 'use-l',
      label: 'L. Research',
      group: APPROVED,
      stance: 'recommended',
      description: 'Research on what works to reduce overdoses and harms.',
      why: null,
    },
    unclassifiedCategoryDef(OTHER, 'Exhibit E'),
  ]),
};
