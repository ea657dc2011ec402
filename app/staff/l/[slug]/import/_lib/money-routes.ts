import 'server-only';
import { toActionFailure } from '@/lib/errors';
import { parseImportKind, type ImportKind } from '@/lib/import/kind-fields';
import { commitExpenditureImport, previewExpenditureImport } from '@/lib/services/import/expenditures';
import { commitReceiptImport, previewReceiptImport } from '@/lib/services/import/receipts';
import { commitExpectedPaymentImport, previewExpectedPaymentImport } from '@/lib/services/expected-payments/import-expected-payments';
import { commitOutcomeImport, previewOutcomeImport } from '@/lib/services/import/outcomes';
import { answerInLine } from './import-line';
import { jsonResponse, readImportRequest } from './import-request';
import { formatCents } from '@/lib/money';
import { moneyPreviewToWire, rowErrorsToWire, type MoneyImportKind, type MoneyWireCommit, type MoneyWireFailure } from './money-wire';

/**
 * The receipt, expenditure, expected-payment and outcome imports behind the same two routes as allocations
 * (`preview`, `commit`), chosen by the `kind` GET parameter the page carries through both steps. An unknown kind is
 * refused with 400.
 */

export function requestKind(request: Request): { ok: true; kind: ImportKind } | { ok: false; response: Response } {
  const parsed = parseImportKind(new URL(request.url).searchParams.get('kind'));
  if (!parsed.ok) return { ok: false, response: jsonResponse(400, { ok: false, reason: parsed.reason.replace('--kind', 'kind=') }) };
  return { ok: true, kind: parsed.kind };
}

export async function moneyPreview(request: Request, slug: string, kind: MoneyImportKind): Promise<Response> {
  const read = await readImportRequest(request, slug);
  if (!read.ok) return read.response;
  const { db, actor, locality, fileName, bytes, maxBytes, estimateSource, estimatedOn } = read.value;
  const input = { localityId: locality.id, fileName, bytes, maxBytes };
  return answerInLine(request, async () => {
    try {
      const wire =
        kind === 'outcomes'
          ? moneyPreviewToWire({ kind, ...(await previewOutcomeImport({ db, actor }, input)) })
          : kind === 'receipts'
          ? moneyPreviewToWire({ kind, ...(await previewReceiptImport({ db, actor }, input)) })
          : kind === 'expected-payments'
            ? moneyPreviewToWire({ kind, ...(await previewExpectedPaymentImport({ db, actor }, { ...input, estimateSource, estimatedOn })) })
            : moneyPreviewToWire({ kind, ...(await previewExpenditureImport({ db, actor }, input)) });
      return { status: 200, body: wire };
    } catch (error) {
      return failureAnswer(error);
    }
  });
}

function failureAnswer(error: unknown): { status: number; body: { ok: false; reason: string } } {
  const failure = toActionFailure(error);
  return { status: failure.code === 'internal' ? 500 : 400, body: { ok: false, reason: failure.message } };
}

export async function moneyCommit(request: Request, slug: string, kind: MoneyImportKind): Promise<Response> {
  const read = await readImportRequest(request, slug);
  if (!read.ok) return read.response;
  const { db, actor, locality, fileName, bytes, maxBytes, expectedRowCount, estimateSource, estimatedOn } = read.value;
  const input = { localityId: locality.id, fileName, bytes, maxBytes, expectedRowCount };
  return answerInLine(request, async () => {
    try {
      const result =
        kind === 'outcomes'
          ? await commitOutcomeImport({ db, actor }, input)
          : kind === 'receipts'
          ? await commitReceiptImport({ db, actor }, input)
          : kind === 'expected-payments'
            ? await commitExpectedPaymentImport({ db, actor }, { ...input, estimateSource, estimatedOn })
            : await commitExpenditureImport({ db, actor }, input);
      if (!result.ok) {
        const failure: MoneyWireFailure = {
          ok: false,
          reason: result.reason,
          headers: result.headers,
          errors: rowErrorsToWire(result.errors),
          errorCount: result.errors.length,
        };
        return { status: 200, body: failure };
      }
      const done: MoneyWireCommit = {
        ok: true,
        created: result.created,
        alreadyImported: result.alreadyImported,
        recipientsCreated: 'recipientsCreated' in result ? result.recipientsCreated : 0,
        total: 'totals' in result ? formatCents(result.totals.amountCents) : null,
      };
      return { status: 200, body: done };
    } catch (error) {
      return failureAnswer(error);
    }
  });
}
