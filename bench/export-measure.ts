/**
 * The staff list export of issue 14: a locality of `scale.exportRows` allocation lines (bench/export-data.ts)
 * downloaded whole, as CSV and as XLSX, while 50 readers load the cached public pages. Each figure is the whole
 * download read to its last byte, the readers' latencies over the same time, and the server's memory while it ran
 * (an export must take the same memory whatever the size of the list).
 */
import http from 'node:http';
import { processTreeMemory } from './process-memory';
import { runLoad, type LoadFigures } from './load';

export interface ExportFigures {
  format: 'csv' | 'xlsx';
  status: number;
  seconds: number;
  bytes: number;
  /** Rows in the CSV (lines less the header); for XLSX, not counted (the file is zipped). */
  rows: number | null;
  load: LoadFigures;
  /** Highest resident memory of the server's processes while the export ran, and before it started. */
  peakMb: number;
  beforeMb: number;
}

function download(url: string, cookie: string): Promise<{ status: number; bytes: number; newlines: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie }, agent: false }, (response) => {
      let bytes = 0;
      let newlines = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines += 1;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, newlines }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const rssMb = (pid: number) => processTreeMemory(pid).reduce((sum, process) => sum + process.rssKb, 0) / 1024;

export async function measureExport(
  base: string,
  pid: number,
  slug: string,
  format: 'csv' | 'xlsx',
  cookie: string,
  loadPaths: readonly string[],
): Promise<ExportFigures> {
  const beforeMb = rssMb(pid);
  let peakMb = beforeMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 200);
  const started = process.hrtime.bigint();
  const url = `${base}/staff/l/${slug}/allocations/export${format === 'xlsx' ? '?format=xlsx' : ''}`;
  try {
    const exporting = download(url, cookie);
    const [answer, load] = await Promise.all([exporting, runLoad(base, loadPaths, 600, 50, exporting)]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      format,
      status: answer.status,
      seconds,
      bytes: answer.bytes,
      rows: format === 'csv' ? answer.newlines - 1 : null,
      load,
      peakMb: Math.max(peakMb, rssMb(pid)),
      beforeMb,
    };
  } finally {
    clearInterval(sampler);
  }
}
