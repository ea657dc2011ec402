import { unclassifiedCategoryDef, withSortOrder, type FrameworkDef } from './types';

/**
 * Abate's health-first framework. Keys, groups and stances are fixed by DOMAIN.md; the `why` text restates what the
 * seed documents (Drug Policy Alliance; Urban Institute, "Redesigning Public Safety: Substance Use"; the harm-reduction
 * explainer) say about each use, so a resident can see the reason behind every flag.
 */

const TREATMENT = 'Treatment';
const HARM_REDUCTION = 'Harm reduction';
const RECOVERY = 'Recovery & basic needs';
const CRISIS = 'Crisis response';
const DATA = 'Data & planning';
const PREVENTION = 'Prevention';
const CRIMINAL_LEGAL = 'Criminal-legal';
const OTHER = 'Other';

export const HEALTH_FIRST: FrameworkDef = {
  key: 'health-first',
  name: 'Abate health-first framework',
  description:
    'Sorts spending by what it does for people who use drugs, and marks which uses the evidence says save lives and which repeat the harms of arrest and jail.',
  categories: withSortOrder([
    // Treatment
    {
      key: 'moud',
      label: 'Medications for opioid use disorder (methadone, buprenorphine, naltrexone), including in jails',
      group: TREATMENT,
      stance: 'recommended',
      description:
        'Methadone, buprenorphine and naltrexone, and the clinic visits that go with them, in the community and in jail.',
      why: 'These medications cut the risk of dying from an overdose in half. Black patients and people in jail or prison are less likely to be offered them, so access has to be widened on purpose.',
    },
    {
      key: 'treatment',
      excludesCriminalLegal: true,
      label: 'Voluntary treatment and counseling, Medicaid-covered care',
      group: TREATMENT,
      stance: 'recommended',
      description:
        'Outpatient and residential treatment and counseling that people choose for themselves, and help getting it paid for by Medicaid.',
      why: 'A full range of addiction services, sought voluntarily and paid for through Medicaid, lowers overdose risk and improves the chance of recovery. Treatment works when it is chosen, not forced.',
    },
    {
      key: 'contingency-management',
      label: 'Contingency management',
      group: TREATMENT,
      stance: 'recommended',
      description: 'Small rewards, such as gift cards, for reaching steps in treatment like a kept appointment or a negative test.',
      why: 'Small rewards for steps toward treatment goals are effective, and they work for drugs such as methamphetamine and cocaine for which no medication exists.',
    },
    {
      key: 'polysubstance',
      label: 'Polysubstance services and research',
      group: TREATMENT,
      stance: 'recommended',
      description: 'Care and study for people who use more than one drug, such as opioids together with stimulants or alcohol.',
      why: 'Many people with a substance use disorder use several drugs. Services and research that only look at opioids miss them.',
    },
    // Harm reduction
    {
      key: 'naloxone',
      label: 'Naloxone distribution and training',
      group: HARM_REDUCTION,
      stance: 'recommended',
      description: 'Free naloxone (Narcan) kits, and teaching people how to use them to reverse an overdose.',
      why: 'Naloxone reverses an opioid or fentanyl overdose at once. Free kits and training do the most good where public overdoses are frequent.',
    },
    {
      key: 'syringe-services',
      label: 'Syringe services and sterile supplies',
      group: HARM_REDUCTION,
      stance: 'recommended',
      description:
        'Sterile syringes and smoking supplies, safe disposal, wound care and HIV and hepatitis C testing, with links to treatment.',
      why: 'Sterile supplies cut the spread of HIV and hepatitis C, and syringe programs connect people to care and treatment. Carrying them should not lead to arrest.',
    },
    {
      key: 'opc',
      label: 'Overdose prevention centers',
      group: HARM_REDUCTION,
      stance: 'recommended',
      description: 'Places where people can use drugs with trained staff present who can stop an overdose and offer care.',
      why: 'Staff respond to an overdose at its earliest sign. Studies of these sites find fewer overdose deaths and 911 calls and more people starting treatment.',
    },
    {
      key: 'drug-checking',
      label: 'Drug checking and test strips',
      group: HARM_REDUCTION,
      stance: 'recommended',
      description: 'Test strips and testing services that show whether drugs contain fentanyl, xylazine or other dangerous additives.',
      why: 'Checking the drug supply lets health workers send out warnings and lets people avoid a dangerous batch.',
    },
    {
      key: 'hr-education',
      label: 'Harm-reduction education',
      group: HARM_REDUCTION,
      stance: 'recommended',
      description: 'Plain information on how to use more safely, never use alone, and get help during an overdose without fear of arrest.',
      why: 'The seeds ask communities to try and study harm-reduction education that tells people how to lower the risks of drug use.',
    },
    // Recovery & basic needs
    {
      key: 'housing',
      label: 'Housing, including recovery housing',
      group: RECOVERY,
      stance: 'recommended',
      description: 'Rent help, supportive housing and recovery homes, including homes that accept people taking medication.',
      why: 'Meeting basic needs like housing addresses why people use drugs in the first place and makes recovery possible.',
    },
    {
      key: 'recovery-support',
      label: 'Employment, peer support and recovery services',
      group: RECOVERY,
      stance: 'recommended',
      description: 'Peer recovery coaches, recovery community centers, job training and help finding work.',
      why: 'Jobs, community and peer support address why people use and help them stay well. People with lived experience should have a real voice in these programs.',
    },
    {
      key: 'mental-health',
      label: 'Mental health services',
      group: RECOVERY,
      stance: 'recommended',
      description: 'Counseling and care for mental illness, especially for people who also use drugs.',
      why: 'Many people use drugs to cope with emotional pain. Mental health care addresses one of the reasons people use.',
    },
    {
      key: 'legal-relief',
      label: 'Record clearing and legal help',
      group: RECOVERY,
      stance: 'recommended',
      description: 'Free legal help to clear old drug convictions and remove penalties that block jobs, housing and benefits.',
      why: 'A drug conviction can cost someone a job, housing, student aid and benefits for life. Clearing records removes those barriers.',
    },
    // Crisis response
    {
      key: 'crisis-response',
      excludesCriminalLegal: true,
      label: 'Community (non-police) crisis response, 988, crisis stabilization',
      group: CRISIS,
      stance: 'recommended',
      description:
        'Medics, nurses and peers who answer overdose and mental health calls instead of police, the 988 crisis line, and walk-in crisis centers.',
      why: 'An overdose is a medical emergency. When police come, people are afraid to call for help; unarmed community responders reduce arrests and repeat crises.',
    },
    {
      key: 'diversion',
      excludesCriminalLegal: true,
      label: 'Voluntary pre-arrest diversion',
      group: CRISIS,
      stance: 'recommended',
      description: 'Programs that offer people services instead of arrest, where taking part is their choice.',
      why: 'Diverting people before arrest avoids the lifelong harms of a record. It must be voluntary; court-ordered treatment belongs under drug courts.',
    },
    {
      key: 'reentry',
      label: 'Reentry: treatment and naloxone at release from jail',
      group: CRISIS,
      stance: 'recommended',
      description: 'Medication, naloxone and a care appointment for people leaving jail or prison.',
      why: 'The weeks after release are the riskiest: tolerance has dropped and overdose is the most common cause of death for people leaving jail or prison.',
    },
    // Data & planning
    {
      key: 'data',
      label: 'Overdose and outcome data, evaluation',
      group: DATA,
      stance: 'recommended',
      description: 'Counting overdoses, tracking who is served, and checking whether programs work.',
      why: 'Accurate, timely data shows where help is needed and whether it works. It should be collected by public health, not police.',
    },
    {
      key: 'administration',
      label: 'Planning, administration',
      group: DATA,
      stance: 'neutral',
      description: 'Staff and costs to plan, manage contracts and report on the settlement money.',
      why: 'Needed to run the program, but it does not reach people directly, so it is usually capped at a small share.',
    },
    // Prevention
    {
      key: 'prevention',
      excludesCriminalLegal: true,
      label: 'Youth and community prevention',
      group: PREVENTION,
      stance: 'neutral',
      description: 'Programs in schools and neighborhoods that aim to stop drug problems before they start.',
      why: 'Can help when it is honest and supportive, but it does not save the lives of people who already use drugs.',
    },
    // Criminal-legal
    {
      key: 'law-enforcement',
      label: 'Law enforcement: equipment, task forces, drug enforcement',
      group: CRIMINAL_LEGAL,
      stance: 'discouraged',
      description: 'Police vehicles, weapons, surveillance tools, drug task forces and overtime for drug arrests.',
      why: 'Drug enforcement has not reduced drug use, may increase overdoses, and falls unequally: Black people are almost twice as likely to be arrested for drugs as White people.',
    },
    {
      key: 'coerced-treatment',
      label: 'Drug courts and involuntary treatment',
      group: CRIMINAL_LEGAL,
      stance: 'discouraged',
      description: 'Treatment ordered by a judge, where missing a step can mean jail, and commitment to treatment against a person\u2019s will.',
      why: 'The seeds ask communities to end involuntary treatment, including drug courts, and to pay for voluntary treatment and harm reduction instead.',
    },
    {
      key: 'incarceration',
      label: 'Incarceration costs',
      group: CRIMINAL_LEGAL,
      stance: 'discouraged',
      description: 'Running jails and holding people in them: staff, beds and buildings.',
      why: 'Jailing people for drugs costs far more than treating them, cuts them off from care and raises their overdose risk on release.',
    },
    // Other
    {
      key: 'non-remediation',
      label: 'Not opioid remediation (general fund, roads, \u2026)',
      group: OTHER,
      stance: 'discouraged',
      description: 'Spending that has nothing to do with the overdose crisis, such as roads or filling a budget gap.',
      why: 'This money is lost to its purpose. Most settlements require at least 85% to go to opioid remediation.',
    },
    unclassifiedCategoryDef(OTHER, 'the health-first framework'),
  ]),
};
