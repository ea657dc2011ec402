/**
 * The header row of a CSV download in Spanish (`/data/{scope}/{file}.csv?lang=es`, linked from the Spanish pages):
 * the same columns in the same order, named in words a reader of a spreadsheet understands. The data rows are the
 * same bytes as in the English file. The English header is each column's name, which the data package's Table
 * Schema, the API and programs rely on; a program should read the English file. Keyed by column name: a column
 * added to a download without a Spanish header fails spanish-headers.test.ts.
 */
export const SPANISH_HEADERS: Readonly<Record<string, string>> = {
  slug: 'Identificador de la localidad',
  name: 'Nombre',
  kind: 'Tipo',
  state_code: 'Estado',
  population: 'Población',
  fy_start_month: 'Mes en que empieza el año fiscal',
  parent: 'Pertenece a',
  is_demo: 'Datos de demostración',
  id: 'Identificador',
  locality: 'Localidad',
  fiscal_year: 'Año fiscal',
  program: 'Programa',
  description: 'Descripción',
  recipient: 'Destinatario',
  recipient_type: 'Tipo de destinatario',
  recipient_lived_experience_led: 'Dirigido por personas con experiencia vivida',
  funding_source: 'Fuente de fondos (clave)',
  funding_source_name: 'Fuente de fondos',
  funding_source_kind: 'Tipo de fuente',
  amount: 'Cantidad',
  spent_to_date: 'Gastado hasta la fecha',
  categories: 'Categorías',
  approved_at: 'Aprobada el (UTC)',
  allocation_id: 'Identificador de la asignación',
  framework: 'Marco de categorías',
  category: 'Categoría (clave)',
  category_label: 'Categoría',
  category_group: 'Grupo de la categoría',
  share_bp: 'Parte (puntos básicos)',
  paid_on: 'Fecha de pago',
  overspend_reason: 'Motivo del gasto por encima de lo asignado',
  received_on: 'Fecha de recepción',
  note: 'Nota',
  beginning: 'Saldo inicial',
  received: 'Recibido',
  received_settlements: 'Recibido de acuerdos',
  received_grants: 'Recibido de subvenciones',
  interest: 'Intereses',
  received_other: 'Otros ingresos',
  spent: 'Gastado',
  audit: 'Auditoría',
  administration: 'Administración',
  ending: 'Saldo final',
  payment_year: 'Año de pago del acuerdo',
  expected: 'Esperado',
  difference: 'Diferencia',
  expected_on: 'Fecha prevista',
  status: 'Estado del pago',
  estimated_on: 'Fecha de la estimación',
  estimate_source: 'Fuente de la estimación',
  measure: 'Medida (clave)',
  measure_label: 'Medida',
  unit: 'Unidad',
  period_start: 'Inicio del período',
  period_end: 'Fin del período',
  units: 'Cuántos',
  suppressed: 'Retenido por ser un número pequeño',
  source: 'Fuente',
  spent_in_period: 'Gastado en el período',
  cost_per_unit: 'Costo por unidad',
};

/** The Spanish header of column `name`; its own name where none is written (the test keeps that from happening). */
export function spanishHeader(name: string): string {
  return SPANISH_HEADERS[name] ?? name;
}
