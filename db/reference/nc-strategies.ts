import { unclassifiedCategoryDef, withSortOrder, type FrameworkDef } from './types';

/**
 * North Carolina's high-impact opioid abatement strategies (Exhibit A of the state's Memorandum of Agreement). Shipped
 * as the example of a state list: a state administrator reads every locality in its own terms. All twelve are
 * recommended; the notes say where Abate draws a line inside one of them.
 */

const GROUP = 'High-impact strategies';
/** Not one of the strategies: where lines without a strategy, or filed as "Other", wait to be classified. */
const OTHER = 'Other';

export const NC_STRATEGIES: FrameworkDef = {
  key: 'nc-high-impact',
  name: 'North Carolina high-impact strategies',
  description:
    'The twelve strategies North Carolina asks its counties and cities to fund first with settlement money.',
  categories: withSortOrder([
    {
      key: 'strategic-planning',
      label: '1. Collaborative strategic planning',
      group: GROUP,
      stance: 'recommended',
      description: 'Bringing the community together to decide, with data, how the money should be spent.',
      why: null,
    },
    {
      key: 'addiction-treatment',
      label: '2. Evidence-based addiction treatment',
      group: GROUP,
      stance: 'recommended',
      description: 'Treatment that research shows works, including methadone and buprenorphine, for people without good insurance.',
      why: null,
    },
    {
      key: 'recovery-support',
      label: '3. Recovery support services',
      group: GROUP,
      stance: 'recommended',
      description: 'Peer support, transportation, child care and other help for people in treatment or recovery.',
      why: null,
    },
    {
      key: 'recovery-housing',
      label: '4. Recovery housing support',
      group: GROUP,
      stance: 'recommended',
      description: 'Paying for stays in recovery homes, including homes that accept people taking medication.',
      why: null,
    },
    {
      key: 'employment',
      label: '5. Employment-related services',
      group: GROUP,
      stance: 'recommended',
      description: 'Job training, job placement and transportation to work for people in recovery.',
      why: null,
    },
    {
      key: 'early-intervention',
      label: '6. Early intervention',
      group: GROUP,
      stance: 'recommended',
      description: 'Reaching young people early, before drug use becomes a disorder.',
      why: null,
    },
    {
      key: 'naloxone',
      label: '7. Naloxone distribution',
      group: GROUP,
      stance: 'recommended',
      description: 'Free naloxone (Narcan) for people at high risk of overdose and those around them.',
      why: null,
    },
    {
      key: 'post-overdose-response',
      label: '8. Post-overdose response team',
      group: GROUP,
      stance: 'recommended',
      description: 'A team, often with peers, that reaches out to people soon after an overdose to offer naloxone and care.',
      why: 'Best run by health workers and peers; police-led follow-up visits can scare people away from help.',
    },
    {
      key: 'syringe-services',
      label: '9. Syringe Service Program',
      group: GROUP,
      stance: 'recommended',
      description: 'Sterile supplies, testing and links to care for people who use drugs.',
      why: null,
    },
    {
      key: 'diversion',
      label: '10. Criminal justice diversion programs',
      group: GROUP,
      stance: 'recommended',
      description: 'Offering services instead of arrest or prosecution to people whose charges relate to drug use.',
      why: 'The health-first view counts voluntary pre-arrest diversion here and reports court-ordered programs as drug courts.',
    },
    {
      key: 'incarcerated-treatment',
      label: '11. Addiction treatment for incarcerated persons',
      group: GROUP,
      stance: 'recommended',
      description: 'Medication and treatment for people held in jail.',
      why: null,
    },
    {
      key: 'reentry',
      label: '12. Reentry Programs',
      group: GROUP,
      stance: 'recommended',
      description: 'Help for people leaving jail or prison: treatment, naloxone, housing and work.',
      why: null,
    },
    unclassifiedCategoryDef(OTHER, "North Carolina's list"),
  ]),
};
