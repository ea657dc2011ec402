// Server-compatible (no 'use client'): a chart and, beside it, the data table that carries every figure it draws
// (ADR 0014: the table is the chart's text alternative and what prints). Used by client sections and server pages
// alike; the table is the client DataTable either way.
import type { ReactNode } from 'react';
import { DataTable, type DataTableProps } from './data-table';

export function ChartAndTable({ table, className, children }: { table: DataTableProps; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `chart-and-table ${className}` : 'chart-and-table'}>
      {children}
      <DataTable {...table} />
    </div>
  );
}
