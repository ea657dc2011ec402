/**
 * Spanish for what the category page says about a shipped category: its description ("What it is") and, where the
 * reference data has one, why it matters (db/reference: `description` and `why`). Keyed by framework key and category
 * key like spanish.ts; a locality's own framework has no entry and keeps its own words. spanish-descriptions.test.ts
 * fails when a shipped category's text has no Spanish, or a Spanish text names a category that does not exist.
 */
import type { Locale } from '../i18n/locales';

export interface CategoryTextSpanish {
  description: string;
  /** Only for the categories whose reference data has a `why`. */
  why?: string;
}

const UNCLASSIFIED_WHY =
  'El dinero sin clasificar no se puede comparar con la evidencia, así que se muestra como aún sin clasificar en lugar de contarse como gasto en salud.';

/** The unclassified category's description, naming the list it waits to be filed in. */
function unclassified(list: string): CategoryTextSpanish {
  return {
    description:
      `Dinero al que el informe de origen no le dio categoría, o que llamó “Otros”. Abate nunca le adivina una categoría de salud: ` +
      `queda aquí hasta que alguien que sepa qué se compró lo clasifique en una categoría de ${list}.`,
    why: UNCLASSIFIED_WHY,
  };
}

export const CATEGORY_TEXT_SPANISH: Record<string, Record<string, CategoryTextSpanish>> = {
  'health-first': {
    moud: {
      description: 'Metadona, buprenorfina y naltrexona, y las consultas médicas que las acompañan, en la comunidad y en la cárcel.',
      why: 'Estos medicamentos reducen a la mitad el riesgo de morir por una sobredosis. A los pacientes negros y a las personas en cárceles o prisiones se les ofrecen con menos frecuencia, así que el acceso se tiene que ampliar a propósito.',
    },
    treatment: {
      description:
        'Tratamiento y consejería, ambulatorios o residenciales, que las personas eligen por sí mismas, y ayuda para que Medicaid los pague.',
      why: 'Una gama completa de servicios para la adicción, buscados de forma voluntaria y pagados por Medicaid, reduce el riesgo de sobredosis y mejora las posibilidades de recuperación. El tratamiento funciona cuando se elige, no cuando se impone.',
    },
    'contingency-management': {
      description: 'Pequeñas recompensas, como tarjetas de regalo, por alcanzar pasos del tratamiento, como asistir a una cita o dar negativo en una prueba.',
      why: 'Las pequeñas recompensas por avanzar hacia las metas del tratamiento son eficaces, y funcionan con drogas como la metanfetamina y la cocaína, para las que no existe ningún medicamento.',
    },
    polysubstance: {
      description: 'Atención y estudio para las personas que consumen más de una droga, como opioides junto con estimulantes o alcohol.',
      why: 'Muchas personas con un trastorno por consumo de sustancias consumen varias drogas. Los servicios y la investigación que solo se fijan en los opioides las dejan fuera.',
    },
    naloxone: {
      description: 'Kits gratuitos de naloxona (Narcan) y enseñanza para usarlos y revertir una sobredosis.',
      why: 'La naloxona revierte al instante una sobredosis de opioides o fentanilo. Los kits gratuitos y la capacitación hacen más bien donde las sobredosis en lugares públicos son frecuentes.',
    },
    'syringe-services': {
      description:
        'Jeringas estériles y suministros para fumar, eliminación segura, cuidado de heridas y pruebas de VIH y hepatitis C, con conexión al tratamiento.',
      why: 'Los suministros estériles reducen la propagación del VIH y la hepatitis C, y los programas de jeringas conectan a las personas con la atención y el tratamiento. Llevarlos encima no debería dar lugar a un arresto.',
    },
    opc: {
      description: 'Lugares donde las personas pueden consumir drogas con personal capacitado presente que puede detener una sobredosis y ofrecer atención.',
      why: 'El personal responde a una sobredosis desde la primera señal. Los estudios de estos centros encuentran menos muertes por sobredosis y menos llamadas al 911, y más personas que empiezan un tratamiento.',
    },
    'drug-checking': {
      description: 'Tiras de prueba y servicios de análisis que muestran si las drogas contienen fentanilo, xilacina u otros aditivos peligrosos.',
      why: 'Analizar las drogas que circulan permite a los trabajadores de salud enviar alertas y a las personas evitar un lote peligroso.',
    },
    'hr-education': {
      description:
        'Información clara sobre cómo consumir de forma más segura, no consumir nunca a solas y pedir ayuda durante una sobredosis sin miedo a ser arrestado.',
      why: 'Los documentos de referencia piden a las comunidades probar y estudiar la educación sobre reducción de daños, que explica a las personas cómo reducir los riesgos del consumo de drogas.',
    },
    housing: {
      description: 'Ayuda con el alquiler, vivienda con apoyo y hogares de recuperación, incluidos los que aceptan a personas que toman medicamentos.',
      why: 'Cubrir necesidades básicas como la vivienda atiende las razones por las que las personas consumen drogas y hace posible la recuperación.',
    },
    'recovery-support': {
      description: 'Acompañantes de recuperación entre pares, centros comunitarios de recuperación, capacitación laboral y ayuda para encontrar trabajo.',
      why: 'El empleo, la comunidad y el apoyo entre pares atienden las razones por las que las personas consumen y las ayudan a mantenerse bien. Las personas con experiencia vivida deben tener una voz real en estos programas.',
    },
    'mental-health': {
      description: 'Consejería y atención para enfermedades mentales, sobre todo para las personas que también consumen drogas.',
      why: 'Muchas personas consumen drogas para sobrellevar el dolor emocional. La atención de salud mental atiende una de las razones del consumo.',
    },
    'legal-relief': {
      description:
        'Ayuda legal gratuita para borrar condenas antiguas por drogas y eliminar sanciones que impiden conseguir empleo, vivienda y beneficios.',
      why: 'Una condena por drogas puede costarle a alguien un empleo, la vivienda, la ayuda estudiantil y los beneficios de por vida. Borrar los antecedentes elimina esas barreras.',
    },
    'crisis-response': {
      description:
        'Paramédicos, enfermeros y pares que atienden las llamadas por sobredosis y de salud mental en lugar de la policía, la línea de crisis 988 y centros de crisis sin cita.',
      why: 'Una sobredosis es una emergencia médica. Cuando llega la policía, las personas tienen miedo de pedir ayuda; los equipos comunitarios sin armas reducen los arrestos y las crisis repetidas.',
    },
    diversion: {
      description: 'Programas que ofrecen servicios a las personas en lugar del arresto, en los que participar es su decisión.',
      why: 'Desviar a las personas antes del arresto evita los daños de por vida de tener antecedentes. Debe ser voluntario; el tratamiento ordenado por un tribunal corresponde a los tribunales de drogas.',
    },
    reentry: {
      description: 'Medicamentos, naloxona y una cita de atención para las personas que salen de la cárcel o la prisión.',
      why: 'Las semanas después de salir son las de mayor riesgo: la tolerancia ha bajado y la sobredosis es la causa de muerte más común entre quienes salen de la cárcel o la prisión.',
    },
    data: {
      description: 'Contar las sobredosis, registrar a quién se atiende y comprobar si los programas funcionan.',
      why: 'Los datos exactos y a tiempo muestran dónde se necesita ayuda y si funciona. Los debe recopilar la salud pública, no la policía.',
    },
    administration: {
      description: 'Personal y costos para planificar, administrar contratos e informar sobre el dinero de los acuerdos.',
      why: 'Es necesario para dirigir el programa, pero no llega directamente a las personas, por lo que suele limitarse a una parte pequeña.',
    },
    prevention: {
      description: 'Programas en escuelas y vecindarios que buscan evitar los problemas con las drogas antes de que empiecen.',
      why: 'Puede ayudar cuando es honesta y brinda apoyo, pero no salva la vida de las personas que ya consumen drogas.',
    },
    'law-enforcement': {
      description: 'Vehículos policiales, armas, herramientas de vigilancia, grupos especiales antidrogas y horas extra para arrestos por drogas.',
      why: 'La persecución de las drogas no ha reducido su consumo, puede aumentar las sobredosis y recae de forma desigual: las personas negras tienen casi el doble de probabilidades que las personas blancas de ser arrestadas por drogas.',
    },
    'coerced-treatment': {
      description:
        'Tratamiento ordenado por un juez, en el que faltar a un paso puede significar la cárcel, e internamiento en tratamiento en contra de la voluntad de la persona.',
      why: 'Los documentos de referencia piden a las comunidades poner fin al tratamiento involuntario, incluidos los tribunales de drogas, y pagar en su lugar el tratamiento voluntario y la reducción de daños.',
    },
    incarceration: {
      description: 'Mantener las cárceles y a las personas detenidas en ellas: personal, camas y edificios.',
      why: 'Encarcelar a las personas por drogas cuesta mucho más que tratarlas, las aleja de la atención y aumenta su riesgo de sobredosis al salir.',
    },
    'non-remediation': {
      description: 'Gastos que no tienen nada que ver con la crisis de sobredosis, como carreteras o cubrir un déficit del presupuesto.',
      why: 'Este dinero se pierde para su fin. La mayoría de los acuerdos exigen que al menos el 85% se destine a remediar los daños de los opioides.',
    },
    unclassified: unclassified('el marco centrado en la salud'),
  },
  'exhibit-e': {
    'core-a': { description: 'Comprar y repartir naloxona (Narcan) y capacitar a las personas para usarla.' },
    'core-b': { description: 'Facilitar el acceso a la metadona, la buprenorfina y la naltrexona, también para las personas sin seguro.' },
    'core-c': { description: 'Detección, tratamiento y apoyo a la recuperación para personas embarazadas y madres recientes.' },
    'core-d': { description: 'Atención para los bebés que nacen con dependencia de los opioides y apoyo para sus familias.' },
    'core-e': {
      description:
        'Conectar a las personas con el tratamiento justo después de una sobredosis o una visita a urgencias, y apoyo a la recuperación entre pares después.',
    },
    'core-f': {
      description: 'Medicamentos y tratamiento en la cárcel y la prisión, y al salir.',
      why: 'Solo cuenta cuando paga atención; el funcionamiento de la cárcel en sí son costos de encarcelamiento.',
    },
    'core-g': {
      description: 'Programas que buscan evitar el mal uso antes de que empiece, como programas escolares y la eliminación segura de medicamentos.',
    },
    'core-h': { description: 'Jeringas y suministros estériles, pruebas de enfermedades y conexión con la atención.' },
    'core-i': { description: 'Recopilar datos de sobredosis y estudiar si los programas financiados funcionan.' },
    'use-a': { description: 'Tratamiento del trastorno por consumo de opioides y de los problemas de salud mental que a menudo lo acompañan.' },
    'use-b': { description: 'Vivienda, empleo, apoyo entre pares y otros servicios para las personas en tratamiento o recuperación.' },
    'use-c': { description: 'Alcance comunitario, líneas de crisis y centros de crisis que llevan a las personas a la atención con rapidez.' },
    'use-d': {
      description: 'Servicios para personas que han sido arrestadas, que están en la cárcel o en programas de los tribunales, o que regresan de la cárcel.',
      why: 'Mezcla el desvío voluntario y la atención al reingreso con los tribunales de drogas y los costos de la cárcel; el marco centrado en la salud los separa.',
    },
    'use-e': { description: 'Tratamiento y apoyo familiar para personas embarazadas, madres y padres, y sus bebés.' },
    'use-f': { description: 'Capacitación y supervisión para que los médicos y las farmacias receten analgésicos opioides de forma segura.' },
    'use-g': { description: 'Campañas públicas, programas escolares y devolución de medicamentos para prevenir el mal uso.' },
    'use-h': {
      description: 'Naloxona, tiras de prueba, programas de jeringas y otras formas de mantener con vida y con salud a las personas que consumen drogas.',
    },
    'use-i': {
      description: 'Capacitación y suministros para la policía, los bomberos y los paramédicos que atienden sobredosis.',
      why: 'A menudo se usa para informar sobre equipo policial y persecución de drogas; el marco centrado en la salud señala ese gasto con una alerta.',
    },
    'use-j': { description: 'Planificación, coordinación y administración de los programas de los acuerdos.' },
    'use-k': { description: 'Capacitación para el personal y los socios que trabajan en la crisis de sobredosis.' },
    'use-l': { description: 'Investigación sobre lo que funciona para reducir las sobredosis y los daños.' },
    unclassified: unclassified('el Anexo E'),
  },
  'nc-high-impact': {
    'strategic-planning': { description: 'Reunir a la comunidad para decidir, con datos, cómo se debe gastar el dinero.' },
    'addiction-treatment': {
      description: 'Tratamiento que la investigación muestra que funciona, incluidas la metadona y la buprenorfina, para personas sin un buen seguro.',
    },
    'recovery-support': { description: 'Apoyo entre pares, transporte, cuidado infantil y otra ayuda para las personas en tratamiento o recuperación.' },
    'recovery-housing': { description: 'Pagar estancias en hogares de recuperación, incluidos los que aceptan a personas que toman medicamentos.' },
    employment: { description: 'Capacitación laboral, colocación en empleos y transporte al trabajo para las personas en recuperación.' },
    'early-intervention': { description: 'Llegar pronto a los jóvenes, antes de que el consumo de drogas se convierta en un trastorno.' },
    naloxone: { description: 'Naloxona (Narcan) gratuita para las personas con alto riesgo de sobredosis y quienes las rodean.' },
    'post-overdose-response': {
      description: 'Un equipo, a menudo con pares, que busca a las personas poco después de una sobredosis para ofrecerles naloxona y atención.',
      why: 'Funciona mejor a cargo de trabajadores de salud y pares; las visitas de seguimiento dirigidas por la policía pueden alejar a las personas de la ayuda.',
    },
    'syringe-services': { description: 'Suministros estériles, pruebas y conexión con la atención para las personas que consumen drogas.' },
    diversion: {
      description: 'Ofrecer servicios en lugar del arresto o el procesamiento a las personas cuyos cargos están relacionados con el consumo de drogas.',
      why: 'El marco centrado en la salud cuenta aquí el desvío voluntario antes del arresto e informa los programas ordenados por un tribunal como tribunales de drogas.',
    },
    'incarcerated-treatment': { description: 'Medicamentos y tratamiento para las personas detenidas en la cárcel.' },
    reentry: { description: 'Ayuda para las personas que salen de la cárcel o la prisión: tratamiento, naloxona, vivienda y trabajo.' },
    unclassified: unclassified('la lista de Carolina del Norte'),
  },
};

/** A category's description in the reader's language; a category without Spanish keeps its own words. */
export function categoryDescription(locale: Locale, frameworkKey: string, category: { key: string; description: string }): string {
  return (locale === 'es' ? CATEGORY_TEXT_SPANISH[frameworkKey]?.[category.key]?.description : undefined) ?? category.description;
}

/** Why a category matters in the reader's language; null when the reference data says nothing. */
export function categoryWhy(locale: Locale, frameworkKey: string, category: { key: string; why: string | null }): string | null {
  if (category.why === null) return null;
  return (locale === 'es' ? CATEGORY_TEXT_SPANISH[frameworkKey]?.[category.key]?.why : undefined) ?? category.why;
}
