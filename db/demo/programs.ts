/**
 * The kinds of program the demo localities fund. Each template names the recipient role that runs it, the
 * health-first categories it is tagged with, and program names and plain-language descriptions as a budget office
 * would write them. Discouraged uses are described just as plainly: the point of the demo is that the categories,
 * not the wording, make them visible.
 */

export type RecipientRole =
  | 'health-dept'
  | 'admin'
  | 'otp'
  | 'clinic'
  | 'hospital'
  | 'crisis'
  | 'mental-health'
  | 'peer-cbo'
  | 'hr-cbo'
  | 'opc-operator'
  | 'housing'
  | 'faith'
  | 'school'
  | 'university'
  | 'workforce'
  | 'legal'
  | 'vendor-data'
  | 'jail'
  | 'court'
  | 'police'
  | 'task-force'
  | 'ems'
  | 'public-works';

export interface ProgramVariant {
  program: string;
  description: string;
}

export interface ProgramTemplate {
  /** Recipient roles that can run it, most likely first. */
  roles: readonly RecipientRole[];
  /** Health-first category keys with base shares in basis points (sum 10000). */
  splits: ReadonlyArray<readonly [categoryKey: string, shareBasisPoints: number]>;
  variants: readonly ProgramVariant[];
  /** One-off purchases get a different variant each year; ongoing programs keep theirs. */
  oneOff?: boolean;
}

export const PROGRAMS = {
  methadone: {
    roles: ['otp', 'clinic'],
    splits: [['moud', 10000]],
    variants: [
      {
        program: 'Methadone treatment expansion',
        description: 'Pays for daily methadone treatment for people without insurance and adds early-morning and evening dosing hours.',
      },
      {
        program: 'Methadone take-home and transport',
        description: 'Covers rides to the clinic and lockboxes for take-home doses so patients can keep their jobs while in treatment.',
      },
    ],
  },
  bupeBridge: {
    roles: ['hospital', 'clinic'],
    splits: [
      ['moud', 7000],
      ['treatment', 3000],
    ],
    variants: [
      {
        program: 'Emergency department buprenorphine bridge',
        description: 'Starts buprenorphine in the emergency room after an overdose and books a clinic visit within three days.',
      },
    ],
  },
  bupePrimaryCare: {
    roles: ['clinic', 'otp'],
    splits: [['moud', 10000]],
    variants: [
      {
        program: 'Buprenorphine in primary care',
        description: 'Helps neighborhood clinics prescribe buprenorphine on the first visit and keep patients in care.',
      },
      {
        program: 'Telehealth buprenorphine',
        description: 'Lets people start buprenorphine by video or phone, without waiting weeks for an appointment.',
      },
    ],
  },
  pregnancy: {
    roles: ['clinic', 'hospital'],
    splits: [
      ['moud', 5000],
      ['treatment', 5000],
    ],
    variants: [
      {
        program: 'Care for pregnant and parenting people',
        description: 'Medication, counseling and child care during visits for pregnant people and new parents who use opioids.',
      },
    ],
  },
  jailMoud: {
    roles: ['jail'],
    splits: [
      ['moud', 6000],
      ['reentry', 4000],
    ],
    variants: [
      {
        program: 'Medication for opioid use disorder in jail',
        description: 'Continues or starts methadone or buprenorphine in the county jail and books a clinic visit for the day of release.',
      },
    ],
  },
  reentryNavigation: {
    roles: ['peer-cbo', 'hr-cbo'],
    splits: [
      ['reentry', 6000],
      ['naloxone', 2500],
      ['housing', 1500],
    ],
    variants: [
      {
        program: 'Reentry peer navigation',
        description: 'Peers meet people at the jail door with naloxone, a clinic appointment, a phone and a ride home.',
      },
      {
        program: 'Reentry housing and care bridge',
        description: 'A peer stays in touch for the first 90 days after release and helps with treatment, ID cards and a place to stay.',
      },
    ],
  },
  treatmentFund: {
    roles: ['health-dept', 'crisis'],
    splits: [['treatment', 10000]],
    variants: [
      {
        program: 'Uninsured treatment fund',
        description: 'Pays for outpatient and residential treatment for residents who have no insurance or whose plan will not pay.',
      },
      {
        program: 'Residential treatment beds',
        description: 'Buys beds at residential treatment programs so people who ask for help can start within a week.',
      },
    ],
  },
  medicaidEnrollment: {
    roles: ['clinic', 'peer-cbo', 'health-dept'],
    splits: [['treatment', 10000]],
    variants: [
      {
        program: 'Medicaid enrollment help',
        description: 'Helps people sign up for Medicaid and keep their coverage so their treatment stays paid for.',
      },
    ],
  },
  contingencyManagement: {
    roles: ['clinic', 'otp'],
    splits: [
      ['contingency-management', 8000],
      ['polysubstance', 2000],
    ],
    variants: [
      {
        program: 'Contingency management for stimulant use',
        description: 'Gives small rewards, like grocery gift cards, for kept appointments and negative tests to people who use methamphetamine or cocaine.',
      },
    ],
  },
  polysubstance: {
    roles: ['university', 'clinic'],
    splits: [['polysubstance', 10000]],
    variants: [
      {
        program: 'Polysubstance use study and clinic training',
        description: 'Studies which drugs people here use together and trains clinics to treat several substances at once.',
      },
    ],
  },
  peerRecovery: {
    roles: ['peer-cbo'],
    splits: [['recovery-support', 10000]],
    variants: [
      {
        program: 'Peer recovery coaching',
        description: 'People in long-term recovery coach others through treatment, benefits, court dates and finding work.',
      },
      {
        program: 'Hospital peer recovery coaches',
        description: 'Peer coaches on call at the hospital to talk with patients after an overdose and link them to care.',
      },
      {
        program: 'Recovery coaching for families',
        description: 'Peer coaches support parents and partners of people who use drugs and help keep families together.',
      },
    ],
  },
  recoveryCenter: {
    roles: ['peer-cbo'],
    splits: [['recovery-support', 10000]],
    variants: [
      {
        program: 'Recovery community center',
        description: 'Keeps a drop-in center open six days a week with support groups, meals, showers and computers for job searches.',
      },
    ],
  },
  recoveryHousing: {
    roles: ['housing', 'peer-cbo'],
    splits: [['housing', 10000]],
    variants: [
      {
        program: 'Recovery housing beds',
        description: 'Pays rent for beds in certified recovery homes, including homes that accept residents on methadone or buprenorphine.',
      },
      {
        program: 'Recovery home quality and certification',
        description: 'Helps recovery homes meet state standards and pays for house managers and safety upgrades.',
      },
    ],
  },
  housingFirst: {
    roles: ['housing', 'health-dept'],
    splits: [
      ['housing', 8000],
      ['recovery-support', 2000],
    ],
    variants: [
      {
        program: 'Housing First rental assistance',
        description: 'Rent help and a case manager for people who use drugs and have no home, without requiring them to stop using first.',
      },
      {
        program: 'Supportive housing units',
        description: 'Pays for apartments with on-site support staff for people leaving the street or treatment.',
      },
    ],
  },
  employment: {
    roles: ['workforce', 'peer-cbo'],
    splits: [['recovery-support', 10000]],
    variants: [
      {
        program: 'Recovery-friendly job training',
        description: 'Paid job training and internships for people in recovery, with employers who agree not to screen them out.',
      },
    ],
  },
  mentalHealth: {
    roles: ['mental-health', 'crisis', 'clinic'],
    splits: [
      ['mental-health', 7000],
      ['treatment', 3000],
    ],
    variants: [
      {
        program: 'Counseling for mental illness and substance use',
        description: 'Counseling for people living with both a mental illness and a substance use disorder, with no waiting list.',
      },
      {
        program: 'Trauma counseling',
        description: 'Free counseling for people whose drug use started with trauma or grief, including family members of overdose victims.',
      },
    ],
  },
  legalRelief: {
    // Peer organizations often host record-clearing clinics with volunteer lawyers.
    roles: ['legal', 'peer-cbo'],
    splits: [['legal-relief', 10000]],
    variants: [
      {
        program: 'Record clearing clinics',
        description: 'Free lawyers help people clear old drug convictions from their records so they can get jobs, housing and student aid.',
      },
      {
        program: 'Legal help for people in recovery',
        description: 'Free legal help with evictions, driver\u2019s license suspensions and unpaid court fines that block recovery.',
      },
    ],
  },
  naloxone: {
    roles: ['hr-cbo', 'health-dept', 'faith'],
    splits: [['naloxone', 10000]],
    variants: [
      {
        program: 'Naloxone distribution and training',
        description: 'Hands out free naloxone (Narcan) kits and teaches people how to use them.',
      },
      {
        program: 'Naloxone for bars, shelters and businesses',
        description: 'Gives naloxone kits and short trainings to bar staff, shelter workers and store clerks.',
      },
      {
        program: 'Naloxone by mail',
        description: 'Mails free naloxone to anyone in the county who asks, with no questions asked.',
      },
    ],
  },
  naloxoneBoxes: {
    roles: ['health-dept'],
    splits: [['naloxone', 10000]],
    variants: [
      {
        program: 'Public naloxone boxes',
        description: 'Installs and restocks free naloxone boxes in libraries, bus stations, parks and bars.',
      },
    ],
  },
  syringeServices: {
    roles: ['hr-cbo', 'health-dept'],
    splits: [['syringe-services', 10000]],
    variants: [
      {
        program: 'Syringe services program',
        description: 'Sterile syringes and smoking supplies, safe disposal, wound care and HIV and hepatitis C testing.',
      },
      {
        program: 'Mobile syringe services van',
        description: 'A van brings sterile supplies, wound care and testing to neighborhoods far from the fixed site.',
      },
    ],
  },
  testStrips: {
    roles: ['hr-cbo', 'health-dept'],
    splits: [['drug-checking', 10000]],
    variants: [
      {
        program: 'Fentanyl and xylazine test strips',
        description: 'Gives out test strips so people can check their drugs for fentanyl and xylazine before using.',
      },
    ],
  },
  drugCheckingService: {
    roles: ['hr-cbo', 'university'],
    splits: [
      ['drug-checking', 7000],
      ['data', 3000],
    ],
    variants: [
      {
        program: 'Community drug checking service',
        description: 'Tests drug samples on a spectrometer and posts alerts about dangerous batches within a day.',
      },
    ],
  },
  harmReductionEducation: {
    roles: ['hr-cbo', 'peer-cbo'],
    splits: [['hr-education', 10000]],
    variants: [
      {
        program: 'Harm reduction education',
        description: 'Plain-language outreach on safer use, never using alone, and the Good Samaritan law that protects people who call 911.',
      },
      {
        program: 'Never Use Alone outreach',
        description: 'Street outreach and posters about not using alone, with a phone line people can call while they use.',
      },
    ],
  },
  overdosePrevention: {
    roles: ['opc-operator', 'hr-cbo'],
    splits: [
      ['opc', 7000],
      ['syringe-services', 2000],
      ['drug-checking', 1000],
    ],
    variants: [
      {
        program: 'Overdose prevention center operations',
        description: 'Runs a supervised space where trained staff can reverse an overdose at once and offer treatment, food and a shower.',
      },
      {
        program: 'Overdose prevention center clinical staff',
        description: 'Pays nurses and peer staff at the overdose prevention center, including overnight hours.',
      },
    ],
  },
  crisisTeam: {
    roles: ['crisis', 'health-dept'],
    splits: [
      ['crisis-response', 7000],
      ['mental-health', 3000],
    ],
    variants: [
      {
        program: 'Community crisis response team',
        description: 'Sends a nurse and a peer, not police, to overdose and mental health calls around the clock.',
      },
      {
        program: 'Crisis team expansion to weekends',
        description: 'Adds weekend and overnight shifts so the crisis team, not police, answers those calls too.',
      },
    ],
  },
  crisisCenter: {
    roles: ['crisis', 'hospital'],
    splits: [['crisis-response', 10000]],
    variants: [
      {
        program: 'Crisis stabilization center',
        description: 'A 24-hour walk-in center where people in crisis can stay up to a day instead of going to jail or the emergency room.',
      },
    ],
  },
  crisisLine: {
    roles: ['crisis'],
    splits: [['crisis-response', 10000]],
    variants: [
      {
        program: '988 crisis line staffing',
        description: 'Adds call takers to the local 988 line who are trained to help callers who use drugs.',
      },
    ],
  },
  diversion: {
    roles: ['peer-cbo', 'health-dept'],
    splits: [
      ['diversion', 7000],
      ['recovery-support', 3000],
    ],
    variants: [
      {
        program: 'Voluntary pre-arrest diversion',
        description: 'Officers can refer people to a case manager instead of arresting them; taking part is voluntary and no charge is filed.',
      },
    ],
  },
  postOverdose: {
    roles: ['peer-cbo', 'ems', 'health-dept'],
    splits: [
      ['crisis-response', 6000],
      ['naloxone', 4000],
    ],
    variants: [
      {
        program: 'Post-overdose outreach',
        description: 'A peer and a medic visit people within three days of a non-fatal overdose with naloxone and an offer of treatment.',
      },
    ],
  },
  emsNaloxone: {
    roles: ['ems'],
    splits: [['naloxone', 10000]],
    variants: [
      {
        program: 'EMS naloxone leave-behind kits',
        description: 'Paramedics leave a naloxone kit and treatment information with family and friends after every overdose call.',
      },
    ],
  },
  overdoseData: {
    roles: ['health-dept', 'university', 'vendor-data'],
    splits: [['data', 10000]],
    variants: [
      {
        program: 'Overdose surveillance and evaluation',
        description: 'Collects overdose data from the health department, hospitals and medical examiner and checks whether programs work.',
      },
      {
        program: 'Program evaluation',
        description: 'An outside team measures how many people each funded program reached and what changed for them.',
      },
    ],
  },
  dashboard: {
    roles: ['vendor-data', 'university'],
    splits: [
      ['data', 5000],
      ['administration', 5000],
    ],
    variants: [
      {
        program: 'Public settlement dashboard',
        description: 'Builds and hosts a public website that shows where the settlement money goes and what it paid for.',
      },
    ],
  },
  administration: {
    roles: ['admin', 'health-dept'],
    splits: [['administration', 10000]],
    variants: [
      {
        program: 'Settlement program administration',
        description: 'Staff time to manage contracts, support the advisory council and publish reports on the money.',
      },
    ],
  },
  youthPrevention: {
    roles: ['school'],
    splits: [['prevention', 10000]],
    variants: [
      {
        program: 'Youth prevention program',
        description: 'After-school programs and classroom lessons on drugs, stress and how to ask for help.',
      },
      {
        program: 'Student support counselors',
        description: 'Adds counselors in middle and high schools who help students dealing with drugs at home or their own use.',
      },
    ],
  },
  communityPrevention: {
    roles: ['faith', 'peer-cbo'],
    splits: [
      ['prevention', 7000],
      ['hr-education', 3000],
    ],
    variants: [
      {
        program: 'Neighborhood prevention coalition',
        description: 'A neighborhood coalition holds events and shares information about overdose and safe storage of medicines.',
      },
    ],
  },
  takeBack: {
    roles: ['health-dept'],
    splits: [['prevention', 10000]],
    variants: [
      {
        program: 'Medicine take-back and safe storage',
        description: 'Drop boxes at pharmacies and free lock bags so unused pain pills are not misused.',
      },
    ],
  },
  faithRecovery: {
    roles: ['faith'],
    splits: [
      ['recovery-support', 6000],
      ['naloxone', 4000],
    ],
    variants: [
      {
        program: 'Congregation recovery support',
        description: 'Trains congregations to host recovery meetings and keep naloxone on hand, without preaching or conditions.',
      },
    ],
  },
  policeVehicles: {
    roles: ['police'],
    splits: [['law-enforcement', 10000]],
    oneOff: true,
    variants: [
      {
        program: 'Narcotics unit vehicles',
        description: 'Buys two unmarked pickup trucks for the sheriff\u2019s narcotics unit.',
      },
      {
        program: 'Patrol vehicle replacement',
        description: 'Replaces three patrol cars used by deputies who make drug arrests.',
      },
      {
        program: 'K-9 drug detection unit',
        description: 'Buys and trains a drug-sniffing dog and equips a vehicle for it.',
      },
    ],
  },
  policeEquipment: {
    roles: ['police'],
    splits: [['law-enforcement', 10000]],
    oneOff: true,
    variants: [
      {
        program: 'Patrol equipment',
        description: 'Tasers, body cameras and drug field-test kits for patrol officers.',
      },
      {
        program: 'License plate reader cameras',
        description: 'Installs license plate reader cameras on main roads to track vehicles suspected of carrying drugs.',
      },
      {
        program: 'Jail body scanner',
        description: 'Buys a full-body scanner to search people booked into the jail for drugs.',
      },
    ],
  },
  taskForce: {
    roles: ['task-force', 'police'],
    splits: [['law-enforcement', 10000]],
    variants: [
      {
        program: 'Regional drug task force',
        description: 'Overtime, informant payments and equipment for a multi-county drug enforcement task force.',
      },
    ],
  },
  drugCourt: {
    roles: ['court'],
    splits: [
      ['coerced-treatment', 7000],
      ['treatment', 3000],
    ],
    variants: [
      {
        program: 'Drug treatment court',
        description: 'Court-supervised treatment for people charged with drug crimes; missed appointments or positive tests can mean jail.',
      },
      {
        program: 'Drug court drug testing',
        description: 'Pays for random drug tests and a monitoring officer for people in drug court.',
      },
    ],
  },
  involuntaryTreatment: {
    roles: ['court', 'hospital'],
    splits: [['coerced-treatment', 10000]],
    variants: [
      {
        program: 'Involuntary commitment beds',
        description: 'Pays for treatment beds for people a judge has ordered into treatment against their will.',
      },
    ],
  },
  jailOperations: {
    roles: ['jail'],
    splits: [['incarceration', 10000]],
    variants: [
      {
        program: 'Jail staffing',
        description: 'Pays overtime for detention officers at the county jail.',
      },
    ],
  },
  jailMedical: {
    roles: ['jail'],
    splits: [
      ['incarceration', 6000],
      ['moud', 4000],
    ],
    variants: [
      {
        program: 'Jail medical contract',
        description: 'Part of the jail\u2019s health contract, covering withdrawal care and some buprenorphine for people held there.',
      },
    ],
  },
  roads: {
    roles: ['public-works'],
    splits: [['non-remediation', 10000]],
    oneOff: true,
    variants: [
      {
        program: 'Road resurfacing',
        description: 'Repaves three miles of Mill Creek Road.',
      },
      {
        program: 'Courthouse parking lot repairs',
        description: 'Repairs and restripes the courthouse parking lot.',
      },
    ],
  },
  generalFund: {
    roles: ['admin'],
    splits: [['non-remediation', 10000]],
    oneOff: true,
    variants: [
      {
        program: 'Transfer to general fund',
        description: 'Moves settlement money into the general budget to cover a shortfall.',
      },
    ],
  },
} as const satisfies Record<string, ProgramTemplate>;

export type ProgramKey = keyof typeof PROGRAMS;
