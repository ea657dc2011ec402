/**
 * Spanish for the reference data the public pages show: the shipped frameworks' names and descriptions, their
 * categories' names and groups, and the stance texts. Keyed by framework key and category key, so the seed data
 * (db/reference) and the database stay as they are; a locality's own framework has no entry and shows its own words.
 * lib/categories/localized.ts picks the language; lib/i18n/messages.test.ts fails when a shipped category lacks one.
 */
import type { Stance, StanceText } from './labels';

export const STANCE_TEXT_ES: Record<Stance, StanceText> = {
  recommended: {
    label: 'Recomendado por la evidencia',
    short: 'Recomendado',
    icon: '✓',
    explanation: 'La evidencia indica que este uso del dinero salva vidas o cubre las necesidades básicas de las personas.',
  },
  neutral: {
    label: 'Neutral',
    short: 'Neutral',
    icon: '●',
    explanation: 'Es necesario o útil, pero no salva vidas por sí mismo; por lo general se mantiene pequeño.',
  },
  discouraged: {
    label: 'Desaconsejado por la evidencia',
    short: 'Desaconsejado',
    icon: '✕',
    explanation:
      'La evidencia indica que este uso repite los daños de la criminalización o desvía el dinero hacia otros fines.',
  },
};

export interface FrameworkSpanish {
  name: string;
  description: string;
  /** English group heading → Spanish. */
  groups: Record<string, string>;
  /** Category key → Spanish name. */
  categories: Record<string, string>;
}

const OTHER_GROUP = { Other: 'Otros' };
const UNCLASSIFIED = 'Otros / aún sin clasificar';

export const FRAMEWORK_SPANISH: Record<string, FrameworkSpanish> = {
  'health-first': {
    name: 'Marco de Abate centrado en la salud',
    description:
      'Ordena el gasto según lo que hace por las personas que usan drogas, e indica qué usos salvan vidas según la evidencia y cuáles repiten los daños del arresto y la cárcel.',
    groups: {
      Treatment: 'Tratamiento',
      'Harm reduction': 'Reducción de daños',
      'Recovery & basic needs': 'Recuperación y necesidades básicas',
      'Crisis response': 'Respuesta a crisis',
      'Data & planning': 'Datos y planificación',
      Prevention: 'Prevención',
      'Criminal-legal': 'Sistema penal',
      ...OTHER_GROUP,
    },
    categories: {
      moud: 'Medicamentos para el trastorno por consumo de opioides (metadona, buprenorfina, naltrexona), también en las cárceles',
      treatment: 'Tratamiento y consejería voluntarios, atención cubierta por Medicaid',
      'contingency-management': 'Manejo de contingencias (incentivos por metas del tratamiento)',
      polysubstance: 'Servicios e investigación sobre el consumo de varias sustancias',
      naloxone: 'Distribución de naloxona y capacitación',
      'syringe-services': 'Servicios de jeringas y suministros estériles',
      opc: 'Centros de prevención de sobredosis',
      'drug-checking': 'Análisis de drogas y tiras de prueba',
      'hr-education': 'Educación sobre reducción de daños',
      housing: 'Vivienda, incluida la vivienda para la recuperación',
      'recovery-support': 'Empleo, apoyo entre pares y servicios de recuperación',
      'mental-health': 'Servicios de salud mental',
      'legal-relief': 'Borrado de antecedentes y ayuda legal',
      'crisis-response': 'Respuesta comunitaria a crisis (sin policía), 988, estabilización en crisis',
      diversion: 'Desvío voluntario antes del arresto',
      reentry: 'Reingreso: tratamiento y naloxona al salir de la cárcel',
      data: 'Datos de sobredosis y resultados, evaluación',
      administration: 'Planificación, administración',
      prevention: 'Prevención para jóvenes y la comunidad',
      'law-enforcement': 'Fuerzas del orden: equipo, grupos especiales, persecución de drogas',
      'coerced-treatment': 'Tribunales de drogas y tratamiento involuntario',
      incarceration: 'Costos de encarcelamiento',
      'non-remediation': 'No es remediación de opioides (fondo general, carreteras, …)',
      unclassified: UNCLASSIFIED,
    },
  },
  'exhibit-e': {
    name: 'Acuerdos nacionales: Anexo E (Exhibit E)',
    description:
      'La lista de usos aprobados que forma parte de los acuerdos nacionales sobre opioides: nueve estrategias principales que se deben financiar primero y doce tipos más amplios de gasto aprobado.',
    groups: {
      'Schedule A: core strategies': 'Lista A: estrategias principales',
      'Schedule B: approved uses': 'Lista B: usos aprobados',
      ...OTHER_GROUP,
    },
    categories: {
      'core-a': 'A. Naloxona u otro medicamento aprobado por la FDA para revertir sobredosis de opioides',
      'core-b': 'B. Distribución de tratamiento asistido con medicamentos ("MAT") y otros tratamientos relacionados con los opioides',
      'core-c': 'C. Mujeres embarazadas y en el posparto',
      'core-d': 'D. Ampliar el tratamiento del síndrome de abstinencia neonatal ("NAS")',
      'core-e': 'E. Ampliar los programas de traspaso directo (warm hand-off) y los servicios de recuperación',
      'core-f': 'F. Tratamiento para la población encarcelada',
      'core-g': 'G. Programas de prevención',
      'core-h': 'H. Ampliar los programas de servicios de jeringas',
      'core-i': 'I. Recopilación de datos e investigación basadas en la evidencia que analicen la eficacia de las estrategias de remediación en el estado',
      'use-a': 'A. Tratar el trastorno por consumo de opioides (OUD)',
      'use-b': 'B. Apoyar a las personas en tratamiento y recuperación',
      'use-c': 'C. Conectar a quienes necesitan ayuda con la ayuda que necesitan (conexión con la atención)',
      'use-d': 'D. Atender las necesidades de las personas involucradas con el sistema de justicia penal',
      'use-e': 'E. Atender las necesidades de las mujeres embarazadas o con hijos y sus familias, incluidos los bebés con síndrome de abstinencia neonatal',
      'use-f': 'F. Prevenir la sobreprescripción y asegurar que los opioides se receten y dispensen de forma adecuada',
      'use-g': 'G. Prevenir el mal uso de los opioides',
      'use-h': 'H. Prevenir las muertes por sobredosis y otros daños (reducción de daños)',
      'use-i': 'I. Personal de primera respuesta',
      'use-j': 'J. Liderazgo, planificación y coordinación',
      'use-k': 'K. Capacitación',
      'use-l': 'L. Investigación',
      unclassified: UNCLASSIFIED,
    },
  },
  'nc-high-impact': {
    name: 'Estrategias de alto impacto de Carolina del Norte',
    description:
      'Las doce estrategias que Carolina del Norte pide a sus condados y ciudades financiar primero con el dinero de los acuerdos.',
    groups: { 'High-impact strategies': 'Estrategias de alto impacto', ...OTHER_GROUP },
    categories: {
      'strategic-planning': '1. Planificación estratégica colaborativa',
      'addiction-treatment': '2. Tratamiento de la adicción basado en la evidencia',
      'recovery-support': '3. Servicios de apoyo a la recuperación',
      'recovery-housing': '4. Apoyo a la vivienda para la recuperación',
      employment: '5. Servicios relacionados con el empleo',
      'early-intervention': '6. Intervención temprana',
      naloxone: '7. Distribución de naloxona',
      'post-overdose-response': '8. Equipo de respuesta después de una sobredosis',
      'syringe-services': '9. Programa de servicios de jeringas',
      diversion: '10. Programas de desvío del sistema de justicia penal',
      'incarcerated-treatment': '11. Tratamiento de la adicción para personas encarceladas',
      reentry: '12. Programas de reingreso',
      unclassified: UNCLASSIFIED,
    },
  },
};
