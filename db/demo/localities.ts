import type { DemoLocality, RecipientType } from './demo-types';
import type { ProgramKey, RecipientRole } from './programs';

/**
 * The fictional State of Examplia and four localities, each with a different story so every chart and flag has
 * something to show:
 *  - Cedarholm County: July start, treatment-heavy (methadone, buprenorphine, jail medication).
 *  - Port Wexley: an October-start city built around non-police crisis response and housing.
 *  - Granite Fork County: a January-start rural county — the cautionary one — that spends on police vehicles, a drug
 *    task force, drug court and jail, repaves a road, and leaves money idle.
 *  - Marlowe Bay County: a large July-start county that leads with harm reduction and runs an overdose prevention center.
 * 'ZZ' is not a real state code, and every name ends in "(demo)", so nobody mistakes this for a real place.
 */

export const DEMO_STATE_CODE = 'ZZ';

export interface RecipientProfile {
  name: string;
  type: RecipientType;
  livedExperienceLed: boolean;
  roles: readonly RecipientRole[];
}

export interface GrantProfile {
  sourceKey: 'sor-grant' | 'state-grant';
  /** Cents per payment. */
  paymentCents: bigint;
  /** Calendar months the payments arrive in. */
  months: readonly number[];
}

/** [program, relative size of each line, how many lines a full year funds]. */
export type MixEntry = readonly [program: ProgramKey, weight: number, lines: number];

export interface LocalityProfile {
  locality: DemoLocality;
  recipients: readonly RecipientProfile[];
  /** Settlement money a year per resident, in cents (DOMAIN: roughly $2–$8). */
  settlementCentsPerResident: number;
  grants: readonly GrantProfile[];
  /** Allocation lines per fiscal year. */
  allocationCounts: Readonly<Record<number, number>>;
  /**
   * Percent of the money available (carry-over plus this year's receipts) the locality budgets each year. Granite
   * Fork's low figures are deliberate: idle money is one of the things Abate flags.
   */
  budgetPercent: Readonly<Record<number, number>>;
  mix: readonly MixEntry[];
  /** A settlement payment the schedule expects and the locality has not received, past its due date. */
  overdue?: { fiscalYear: number; sourceKey: string; paymentYear: number; amountCents: bigint; expectedOn: string };
}

const cbo = (name: string, roles: RecipientRole[], livedExperienceLed = false): RecipientProfile => ({
  name,
  type: 'community_based_organization',
  livedExperienceLed,
  roles,
});
const org = (name: string, type: RecipientType, roles: RecipientRole[]): RecipientProfile => ({
  name,
  type,
  livedExperienceLed: false,
  roles,
});

export const STATE_LOCALITY: DemoLocality = {
  slug: 'examplia-demo',
  name: 'State of Examplia (demo)',
  kind: 'state',
  stateCode: DEMO_STATE_CODE,
  population: 4_180_000,
  fyStartMonth: 7,
  parentSlug: null,
};

const CEDARHOLM: LocalityProfile = {
  locality: {
    slug: 'cedarholm-county',
    name: 'Cedarholm County (demo)',
    kind: 'county',
    stateCode: DEMO_STATE_CODE,
    population: 412_300,
    fyStartMonth: 7,
    parentSlug: STATE_LOCALITY.slug,
  },
  recipients: [
    org('Cedarholm County Health Department', 'government_department', ['health-dept']),
    org("Cedarholm County Manager's Office", 'government_department', ['admin']),
    org('Cedarholm Comprehensive Treatment Center', 'health_care_provider', ['otp']),
    org('Northside Family Health Center', 'health_care_provider', ['clinic']),
    org('Cedarholm Regional Medical Center', 'health_care_provider', ['hospital']),
    org('Cedarholm Behavioral Health Authority', 'government_department', ['crisis', 'mental-health']),
    cbo('Open Door Recovery Community', ['peer-cbo'], true),
    cbo('Second Chance Peer Network', ['peer-cbo', 'hr-cbo'], true),
    cbo('Hearthstone Recovery Homes', ['housing']),
    org("St. Brendan's Community Outreach", 'faith_based_organization', ['faith']),
    org('Cedarholm Community College', 'school_or_university', ['workforce', 'university']),
    org('Cedarholm Unified School District', 'school_or_university', ['school']),
    org('Cedarholm County Jail', 'courts_corrections', ['jail']),
    org('Cedarholm County Treatment Court', 'courts_corrections', ['court']),
    org('Meridian Health Analytics LLC', 'private_vendor', ['vendor-data']),
  ],
  settlementCentsPerResident: 500,
  grants: [{ sourceKey: 'sor-grant', paymentCents: 21_250_000n, months: [10, 4] }],
  overdue: { fiscalYear: 2027, sourceKey: 'amneal', paymentYear: 2026, amountCents: 6_185_000n, expectedOn: '2026-08-01' },
  allocationCounts: { 2025: 34, 2026: 36, 2027: 24 },
  budgetPercent: { 2025: 90, 2026: 90, 2027: 88 },
  mix: [
    ['methadone', 140, 2],
    ['bupeBridge', 90, 1],
    ['bupePrimaryCare', 70, 2],
    ['pregnancy', 50, 1],
    ['jailMoud', 80, 1],
    ['reentryNavigation', 40, 2],
    ['treatmentFund', 100, 2],
    ['medicaidEnrollment', 20, 1],
    ['contingencyManagement', 35, 2],
    ['polysubstance', 25, 1],
    ['peerRecovery', 40, 3],
    ['recoveryHousing', 55, 2],
    ['employment', 25, 1],
    ['mentalHealth', 45, 2],
    ['crisisTeam', 60, 1],
    ['crisisCenter', 70, 1],
    ['naloxone', 25, 2],
    ['naloxoneBoxes', 12, 1],
    ['syringeServices', 30, 1],
    ['testStrips', 8, 1],
    ['postOverdose', 20, 1],
    ['overdoseData', 20, 1],
    ['dashboard', 10, 1],
    ['administration', 30, 1],
    ['youthPrevention', 25, 1],
    ['takeBack', 8, 1],
    ['drugCourt', 35, 1],
    ['faithRecovery', 15, 1],
    ['legalRelief', 12, 1],
  ],
};

const PORT_WEXLEY: LocalityProfile = {
  locality: {
    slug: 'port-wexley',
    name: 'City of Port Wexley (demo)',
    kind: 'city',
    stateCode: DEMO_STATE_CODE,
    population: 187_600,
    fyStartMonth: 10,
    parentSlug: STATE_LOCALITY.slug,
  },
  recipients: [
    org('Port Wexley Department of Public Health', 'government_department', ['health-dept']),
    org('Port Wexley Office of Budget and Management', 'government_department', ['admin']),
    org('Port Wexley Fire and EMS', 'government_department', ['ems']),
    org('Port Wexley Police Department', 'law_enforcement', ['police']),
    org('Harborlight Community Health Center', 'health_care_provider', ['clinic', 'otp']),
    org('Wexley General Hospital', 'health_care_provider', ['hospital']),
    cbo('Wexley Crisis Connections', ['crisis', 'mental-health']),
    cbo('Lantern House Recovery Collective', ['peer-cbo'], true),
    cbo('Streetwise Harm Reduction', ['hr-cbo'], true),
    cbo('Home Base Housing Partners', ['housing']),
    org('New Hope AME Church Outreach Ministry', 'faith_based_organization', ['faith']),
    cbo('Port Wexley Legal Aid Society', ['legal']),
    org('Wexley State University', 'school_or_university', ['university', 'workforce', 'vendor-data']),
    org('Port Wexley Public Schools', 'school_or_university', ['school']),
  ],
  settlementCentsPerResident: 450,
  grants: [{ sourceKey: 'state-grant', paymentCents: 9_500_000n, months: [10] }],
  allocationCounts: { 2025: 28, 2026: 30, 2027: 14 },
  budgetPercent: { 2025: 82, 2026: 85, 2027: 90 },
  mix: [
    ['bupePrimaryCare', 60, 2],
    ['methadone', 50, 1],
    ['treatmentFund', 50, 1],
    ['medicaidEnrollment', 15, 1],
    ['contingencyManagement', 25, 1],
    ['peerRecovery', 30, 2],
    ['recoveryCenter', 40, 1],
    ['housingFirst', 80, 2],
    ['recoveryHousing', 35, 1],
    ['employment', 25, 1],
    ['legalRelief', 20, 2],
    ['mentalHealth', 30, 1],
    ['crisisTeam', 90, 2],
    ['crisisLine', 40, 1],
    ['crisisCenter', 60, 1],
    ['diversion', 45, 1],
    ['postOverdose', 25, 1],
    ['emsNaloxone', 20, 1],
    ['naloxone', 20, 2],
    ['syringeServices', 35, 1],
    ['testStrips', 10, 1],
    ['harmReductionEducation', 10, 1],
    ['overdoseData', 15, 1],
    ['administration', 20, 1],
    ['youthPrevention', 20, 1],
    ['communityPrevention', 15, 1],
    ['policeEquipment', 30, 1],
  ],
};

const GRANITE_FORK: LocalityProfile = {
  locality: {
    slug: 'granite-fork-county',
    name: 'Granite Fork County (demo)',
    kind: 'county',
    stateCode: DEMO_STATE_CODE,
    population: 38_900,
    fyStartMonth: 1,
    parentSlug: STATE_LOCALITY.slug,
  },
  recipients: [
    org("Granite Fork County Sheriff's Office", 'law_enforcement', ['police']),
    org('Tri-County Drug Task Force', 'law_enforcement', ['task-force']),
    org('Granite Fork County Detention Center', 'courts_corrections', ['jail']),
    org('Granite Fork County Drug Court', 'courts_corrections', ['court']),
    org('Granite Fork County Commission', 'government_department', ['admin']),
    org('Granite Fork County Road Department', 'government_department', ['public-works']),
    org('Granite Fork Health District', 'government_department', ['health-dept']),
    org('Valley Rural Health Clinic', 'health_care_provider', ['clinic', 'otp']),
    org('Mercy Hills Hospital', 'health_care_provider', ['hospital']),
    cbo('Granite Fork Recovery Alliance', ['peer-cbo', 'hr-cbo'], true),
    org('First Baptist Church of Granite Fork', 'faith_based_organization', ['faith']),
    org('Granite Fork School District', 'school_or_university', ['school']),
  ],
  settlementCentsPerResident: 720,
  grants: [{ sourceKey: 'state-grant', paymentCents: 4_200_000n, months: [9] }],
  allocationCounts: { 2025: 15, 2026: 16, 2027: 9 },
  budgetPercent: { 2025: 70, 2026: 62, 2027: 85 },
  mix: [
    ['policeVehicles', 60, 1],
    ['policeEquipment', 40, 1],
    ['taskForce', 70, 1],
    ['drugCourt', 60, 1],
    ['jailOperations', 40, 1],
    ['jailMedical', 25, 1],
    ['roads', 30, 1],
    ['involuntaryTreatment', 20, 1],
    ['bupePrimaryCare', 30, 1],
    ['naloxone', 10, 1],
    ['peerRecovery', 15, 1],
    ['youthPrevention', 20, 1],
    ['administration', 10, 1],
    ['takeBack', 5, 1],
    ['faithRecovery', 8, 1],
  ],
};

const MARLOWE_BAY: LocalityProfile = {
  locality: {
    slug: 'marlowe-bay-county',
    name: 'Marlowe Bay County (demo)',
    kind: 'county',
    stateCode: DEMO_STATE_CODE,
    population: 846_200,
    fyStartMonth: 7,
    parentSlug: STATE_LOCALITY.slug,
  },
  recipients: [
    org('Marlowe Bay County Public Health', 'government_department', ['health-dept']),
    org('Marlowe Bay Office of Settlement Strategy', 'government_department', ['admin']),
    cbo('Safe Harbor Overdose Prevention Center', ['opc-operator', 'hr-cbo'], true),
    cbo('Bayside Harm Reduction Collective', ['hr-cbo'], true),
    cbo('Marlowe Bay Recovery Cafe', ['peer-cbo'], true),
    org('Tidewater Community Health Centers', 'health_care_provider', ['clinic']),
    org('Harbor Point Treatment Services', 'health_care_provider', ['otp']),
    org('Marlowe Bay Medical Center', 'health_care_provider', ['hospital']),
    cbo('Marlowe Bay Crisis Care Network', ['crisis', 'mental-health']),
    cbo('Bridges Supportive Housing', ['housing']),
    cbo('Marlowe Bay Community Legal Services', ['legal']),
    org('University of Marlowe Bay School of Public Health', 'school_or_university', ['university', 'vendor-data']),
    org('Marlowe Bay County Jail Health Services', 'courts_corrections', ['jail']),
    org('Grace Fellowship Street Ministry', 'faith_based_organization', ['faith']),
    org('Marlowe Bay Workforce Board', 'government_department', ['workforce']),
  ],
  settlementCentsPerResident: 400,
  grants: [{ sourceKey: 'sor-grant', paymentCents: 31_000_000n, months: [10, 4] }],
  allocationCounts: { 2025: 44, 2026: 46, 2027: 30 },
  budgetPercent: { 2025: 90, 2026: 92, 2027: 90 },
  mix: [
    ['overdosePrevention', 150, 2],
    ['syringeServices', 60, 2],
    ['testStrips', 15, 2],
    ['drugCheckingService', 35, 1],
    ['naloxone', 30, 3],
    ['naloxoneBoxes', 15, 1],
    ['harmReductionEducation', 15, 2],
    ['methadone', 70, 1],
    ['bupePrimaryCare', 60, 2],
    ['bupeBridge', 50, 1],
    ['jailMoud', 50, 1],
    ['reentryNavigation', 35, 2],
    ['contingencyManagement', 35, 1],
    ['polysubstance', 25, 1],
    ['treatmentFund', 40, 1],
    ['peerRecovery', 30, 2],
    ['recoveryCenter', 35, 1],
    ['housingFirst', 90, 2],
    ['recoveryHousing', 30, 1],
    ['employment', 20, 1],
    ['legalRelief', 20, 1],
    ['mentalHealth', 35, 1],
    ['crisisTeam', 80, 1],
    ['crisisCenter', 70, 1],
    ['diversion', 30, 1],
    ['postOverdose', 25, 1],
    ['overdoseData', 30, 1],
    ['dashboard', 10, 1],
    ['administration', 35, 1],
    ['communityPrevention', 15, 1],
    ['faithRecovery', 10, 1],
  ],
};

export const LOCALITY_PROFILES: readonly LocalityProfile[] = [CEDARHOLM, PORT_WEXLEY, GRANITE_FORK, MARLOWE_BAY];
