import ExcelJS from 'exceljs';
import { centsToDecimalString } from '@/lib/money';
import type { ReportCell, ReportDocument } from './types';

/**
 * A report as an XLSX workbook, with the workbook library the import reads with (exceljs). Money cells are numbers
 * (so a spreadsheet can add them) with a currency format; each value is read from the figure's exact decimal string
 * ("1234.56"), never computed with floating-point arithmetic, so a cell holds the same number a person would type.
 * Totals are written as the report computed them, not as spreadsheet formulas.
 */

export const MONEY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00';
export const PERCENT_FORMAT = '0.00"%"';

export function reportFilename(report: ReportDocument): string {
  return `${report.locality.slug}-${report.key}-fy${report.fiscalYear}.xlsx`;
}

function cellValue(cell: ReportCell | undefined): string | number | null {
  if (!cell) return null;
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'money':
      return Number(centsToDecimalString(cell.cents));
    case 'date':
      return cell.date;
    case 'percent':
      return cell.value === null ? null : Number(cell.value);
  }
}

export function reportWorkbook(report: ReportDocument): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Abate';
  const sheet = workbook.addWorksheet(`FY${report.fiscalYear}`, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = Math.max(2, ...report.sections.map((s) => s.columns.length));
  sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 48 : 20 }));

  sheet.addRow([report.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${report.locality.name} (${report.locality.stateCode})`]);
  sheet.addRow([`Fiscal year ${report.fiscalYear}: ${report.period.start} to ${report.period.end}`]);
  sheet.addRow([`Due ${report.dueOn}`]);

  for (const section of report.sections) {
    sheet.addRow([]);
    sheet.addRow([section.title]).font = { bold: true, size: 12 };
    const header = sheet.addRow(section.columns.map((c) => c.label));
    header.font = { bold: true };
    for (const row of section.rows) {
      const added = sheet.addRow(section.columns.map((c) => cellValue(row.cells[c.key])));
      section.columns.forEach((column, i) => {
        const cell = added.getCell(i + 1);
        if (column.kind === 'money') cell.numFmt = MONEY_FORMAT;
        if (column.kind === 'percent') cell.numFmt = PERCENT_FORMAT;
      });
      if (row.total) added.font = { bold: true };
    }
    if (section.note) sheet.addRow([section.note]).font = { italic: true };
  }
  return workbook;
}

export async function reportXlsx(report: ReportDocument): Promise<Buffer> {
  const data = await reportWorkbook(report).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
