import 'server-only';
import type { ImportRowError } from '@/lib/import';
import { formatPercentFromBasisPoints } from '@/lib/money';
import type { AllocationImportCommitResult, AllocationImportPreview } from '@/lib/services/import/allocations';
import { recipientTypeLabel } from '@/lib/services/import/plan';
import { describeRowError } from '@/lib/services/import/report';
import type { PlannedUpdate } from '@/lib/services/import/plan';
import {
  LIST_LIMIT,
  type WireChange,
  type WireCommitResult,
  type WireFailure,
  type WirePreview,
  type WireRowError,
} from './wire';

function rowErrors(errors: readonly ImportRowError[]): WireRowError[] {
  return errors.slice(0, LIST_LIMIT).map((error) => ({ ...error, text: describeRowError(error) }));
}

function changesToWire(updates: readonly PlannedUpdate[]): WireChange[] {
  return updates.slice(0, LIST_LIMIT).map((update) => ({
    row: update.row,
    allocationId: update.allocationId,
    fiscalYear: update.fiscalYear,
    program: update.program,
    recipient: update.recipient,
    changes: update.changes.map(({ field, before, after }) => ({ field, before, after })),
  }));
}

export function previewToWire(preview: AllocationImportPreview): WirePreview | WireFailure {
  if (!preview.ok) return { ok: false, reason: preview.reason, headers: preview.headers, mapping: preview.mapping };
  const alreadyImported = preview.skipped.filter((row) => row.kind === 'already-imported').length;
  return {
    ok: true,
    fileName: preview.fileName,
    headers: preview.headers,
    mapping: preview.mapping,
    committable: preview.committable,
    create: preview.create.slice(0, LIST_LIMIT).map((line) => ({
      row: line.row,
      fiscalYear: line.fiscalYear,
      lastFiscalYear: line.lastFiscalYear,
      program: line.program,
      description: line.description,
      recipient: line.recipient?.name ?? null,
      recipientIsNew: line.recipient !== null && line.recipient.id === null,
      recipientType: line.recipient ? recipientTypeLabel(line.recipient.type) : null,
      categories: line.splits
        .map((split) =>
          line.splits.length === 1 ? split.label : `${split.label} ${formatPercentFromBasisPoints(BigInt(split.shareBasisPoints))}`,
        )
        .join('; '),
      amountCents: line.amountCents.toString(),
      spentCents: line.spent ? line.spent.amountCents.toString() : null,
      spentOn: line.spent?.paidOn ?? null,
      source: line.sourceName,
      status: line.status,
    })),
    createCount: preview.create.length,
    changes: changesToWire(preview.update),
    counts: preview.counts,
    expectedChanges: preview.update.map((update) => ({ allocationId: update.allocationId, version: update.version })),
    errors: rowErrors(preview.errors),
    errorCount: preview.errors.length,
    errorRowCount: new Set(preview.errors.map((error) => error.row)).size,
    skipped: preview.skipped.slice(0, LIST_LIMIT).map((row) => ({
      row: row.row,
      kind: row.kind,
      reason: row.reason,
      allocationId: row.allocationId ?? null,
    })),
    skippedCount: preview.skipped.length,
    alreadyImported,
    warnings: preview.warnings.slice(0, LIST_LIMIT),
    warningCount: preview.warnings.length,
    newRecipients: preview.newRecipients.map((recipient) => ({ ...recipient, type: recipientTypeLabel(recipient.type) })),
    categoryMatches: preview.categoryMatches.map(({ written, frameworkName, label, rows }) => ({
      written,
      frameworkName,
      label,
      rows,
    })),
    notes: preview.notes,
    totals: { amountCents: preview.totals.amountCents.toString(), spentCents: preview.totals.spentCents.toString() },
  };
}

export function commitToWire(result: AllocationImportCommitResult): WireCommitResult | WireFailure {
  if (!result.ok) {
    return {
      ok: false,
      reason: result.reason,
      headers: result.headers,
      mapping: result.mapping,
      errors: rowErrors(result.errors),
      errorCount: result.errors.length,
    };
  }
  return {
    ok: true,
    created: result.created,
    updated: result.counts.changed,
    upToDate: result.counts.upToDate,
    changes: changesToWire(result.updated),
    alreadyImported: result.alreadyImported,
    skipped: result.skipped.length - result.alreadyImported,
    recipientsCreated: result.recipientsCreated,
    totals: { amountCents: result.totals.amountCents.toString(), spentCents: result.totals.spentCents.toString() },
    lines: result.createdLines.slice(0, LIST_LIMIT).map((line) => ({ ...line, amountCents: line.amountCents.toString() })),
  };
}
