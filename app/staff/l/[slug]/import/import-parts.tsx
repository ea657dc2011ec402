import type { ReactNode } from 'react';
import type { ImportKind } from '@/lib/import/kind-fields';
import { SimpleTable } from '@/app/staff/_components/simple-table';
import { KindChooser } from './kind-chooser';
import { lineMessage } from './_lib/queue-wire';

/** "1 line", "2,500 lines". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** The problems of a file, by row and column: every import lists them under these headers. */
export const ERROR_COLUMNS = ['Row', 'Column', 'Value', 'Problem'];

/** While a step waits for another import on this server to finish: its place in line. */
export function QueueNotice({ position }: { position: number | null }) {
  if (position === null) return null;
  return (
    <p role="status" className="notice" data-testid="import-queue">
      {lineMessage(position)}
    </p>
  );
}

/** The import page of one kind: what it brings in, the kind chooser, then the wizard and its help. */
export function ImportPageShell({ kind, lede, children }: { kind: ImportKind; lede: ReactNode; children: ReactNode }) {
  return (
    <div className="import-page">
      <h1>Import a spreadsheet</h1>
      <p className="lede">{lede}</p>
      <KindChooser kind={kind} />
      {children}
    </div>
  );
}

export interface FieldHelp {
  field: string;
  required: boolean;
  help: ReactNode;
}

/** "What the spreadsheet can hold": the kind's columns, each with what it holds (required ones marked *). */
export function ImportHelp({ summary, intro, fields, footer }: { summary: string; intro: ReactNode; fields: readonly FieldHelp[]; footer: ReactNode }) {
  return (
    <details className="import-help">
      <summary>{summary}</summary>
      <p>{intro}</p>
      <SimpleTable className="import-table" columns={['Field', 'What it holds']}>
        {fields.map((spec) => (
          <tr key={spec.field}>
            <th scope="row">
              <code>{spec.field}</code>
              {spec.required ? <abbr title="required"> *</abbr> : null}
            </th>
            <td>{spec.help}</td>
          </tr>
        ))}
      </SimpleTable>
      <p className="muted">{footer}</p>
    </details>
  );
}
