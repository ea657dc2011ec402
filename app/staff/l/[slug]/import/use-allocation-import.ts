'use client';

import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { CommitEvent, FieldOption, Mapping, WireCommitResult, WireFailure, WirePreview } from './_lib/wire';
import { postInLine, readJsonLines } from './_lib/queue-wire';

/**
 * The state of an allocations import, step by step: upload, match the columns, check the preview, commit. The
 * browser keeps the File between steps and sends it with each request: the server remembers nothing between them,
 * so the preview and the commit may be answered by different server processes, and nothing is written before the
 * commit.
 */

export type Step = 'upload' | 'mapping' | 'preview' | 'committing' | 'done';

export interface Progress {
  done: number;
  total: number;
}

const NOT_SENT = 'The file could not be sent; check the connection and try again.';

async function readJson<T>(response: Response): Promise<T | WireFailure> {
  try {
    return (await response.json()) as T;
  } catch {
    return { ok: false, reason: `The server answered ${response.status}; nothing was saved. Please try again.` };
  }
}

function formFor(chosen: File, withMapping: Mapping | null, confirmed?: WirePreview): FormData {
  const form = new FormData();
  form.set('file', chosen, chosen.name);
  if (withMapping) form.set('mapping', JSON.stringify(withMapping));
  if (confirmed) {
    // What the person saw: the commit is refused if it would now create or change anything else.
    form.set('expectedRowCount', String(confirmed.createCount));
    form.set('expectedChanges', JSON.stringify(confirmed.expectedChanges));
  }
  return form;
}

/** Choices made for an earlier file of this import carry over to columns of the same name; the server suggests the rest. */
function mergeMapping(headers: readonly string[], earlier: Mapping, suggested: Mapping): Mapping {
  const merged: Mapping = {};
  for (const header of headers) {
    if (header === '') continue;
    merged[header] = Object.hasOwn(earlier, header) ? (earlier[header] ?? null) : (suggested[header] ?? null);
  }
  return merged;
}

/** What stops the preview: a required field no column holds, or a field two columns hold. */
function mappingProblemsOf(mapping: Mapping, fields: readonly FieldOption[]): string[] {
  const problems: string[] = [];
  const chosenBy = new Map<string, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field) chosenBy.set(field, [...(chosenBy.get(field) ?? []), header]);
  }
  for (const field of fields) {
    const columns = chosenBy.get(field.value) ?? [];
    if (field.required && columns.length === 0) problems.push(`Choose the column that holds the ${field.label}.`);
    if (columns.length > 1) {
      problems.push(`${columns.map((c) => `"${c}"`).join(' and ')} are both matched to ${field.label}; choose one.`);
    }
  }
  return problems;
}

/** The commit's answer, read as it streams: its place in line, then progress, then how it ended. */
async function streamCommit(url: string, form: FormData, onQueued: (position: number | null) => void, onProgress: (progress: Progress) => void) {
  let outcome: WireCommitResult | WireFailure | null = null;
  const response = await fetch(url, { method: 'POST', body: form });
  if (!response.ok || !response.body) return readJson<WireFailure>(response);
  for await (const message of readJsonLines<CommitEvent>(response.body)) {
    if (message.type === 'queued') onQueued(message.position);
    else if (message.type === 'progress') {
      onQueued(null);
      onProgress({ done: message.done, total: message.total });
    } else {
      const { type: _type, ...rest } = message;
      void _type;
      outcome = rest as WireCommitResult | WireFailure;
    }
  }
  return outcome;
}

export function useAllocationImport({ slug, maxBytes, limitLabel, fields }: { slug: string; maxBytes: number; limitLabel: string; fields: FieldOption[] }) {
  const base = `/staff/l/${slug}/import`;
  const fileInput = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>({});
  const [preview, setPreview] = useState<WirePreview | null>(null);
  const [failure, setFailure] = useState<WireFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<WireCommitResult | null>(null);
  /** Place in the server's import line while this step waits for another import to finish (1: next). */
  const [queuePosition, setQueuePosition] = useState<number | null>(null);
  const mappingProblems = useMemo(() => mappingProblemsOf(mapping, fields), [mapping, fields]);

  /** Sends a step's request with the busy flag up; a request that never arrives is said so. */
  async function send(request: () => Promise<void>) {
    setBusy(true);
    try {
      await request();
    } catch {
      setFailure({ ok: false, reason: NOT_SENT });
    } finally {
      setBusy(false);
    }
  }

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = fileInput.current?.files?.[0] ?? null;
    setFailure(null);
    if (!chosen) return setFailure({ ok: false, reason: 'Choose a CSV or XLSX file to import.' });
    // Refused here before it is sent, and again by the server before it reads it.
    if (chosen.size > maxBytes) {
      const size = (chosen.size / 1024 / 1024).toFixed(1);
      return setFailure({ ok: false, reason: `The file is ${size} MB; the import accepts files up to ${limitLabel}. Split it into smaller files.` });
    }
    await send(async () => {
      const answer = await postInLine<WirePreview | WireFailure>(`${base}/preview`, formFor(chosen, null), setQueuePosition);
      if (!answer.headers || answer.headers.length === 0) {
        setFailure(answer.ok ? { ok: false, reason: 'The file has no header row.' } : answer);
        return;
      }
      setFile(chosen);
      setHeaders(answer.headers);
      setMapping(mergeMapping(answer.headers, mapping, answer.mapping ?? {}));
      setPreview(null);
      setResult(null);
      setStep('mapping');
    });
  }

  async function showPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file || mappingProblems.length > 0) return;
    setFailure(null);
    await send(async () => {
      const answer = await postInLine<WirePreview | WireFailure>(`${base}/preview`, formFor(file, mapping), setQueuePosition);
      if (!answer.ok) return setFailure(answer);
      setPreview(answer);
      setStep('preview');
    });
  }

  function changeMapping(header: string, field: string | null) {
    setMapping((current) => ({ ...current, [header]: field }));
    setPreview(null);
    setStep('mapping');
  }

  async function commit() {
    if (!file || !preview) return;
    setBusy(true);
    setFailure(null);
    setProgress({ done: 0, total: preview.createCount });
    setStep('committing');
    let outcome: WireCommitResult | WireFailure | null = null;
    try {
      outcome = await streamCommit(`${base}/commit`, formFor(file, preview.mapping, preview), setQueuePosition, setProgress);
    } catch {
      outcome = {
        ok: false,
        reason: 'The connection was lost before the import finished. Open the allocations list to see whether it was saved, or preview again.',
      };
    } finally {
      setBusy(false);
      setQueuePosition(null);
    }
    if (outcome?.ok) {
      setResult(outcome);
      setStep('done');
    } else {
      setFailure(outcome ?? { ok: false, reason: 'The server did not say how the import ended; nothing may have been saved.' });
      setStep('preview');
    }
  }

  function startOver() {
    setStep('upload');
    setFile(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
    setProgress(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  return { fileInput, step, file, headers, mapping, preview, failure, busy, progress, result, queuePosition, mappingProblems, upload, showPreview, changeMapping, commit, startOver };
}
