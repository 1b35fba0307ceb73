import * as fs from 'node:fs';

export interface ReportFile {
  text: string;
  bom: boolean;
  mode: number;
  mtimeMs: number;
  size: number;
}

/** Largest report the CLI reads (a 750 KB report is already ten times a long real one). */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/**
 * Read a report as UTF-8. Binary files (NUL bytes) and invalid UTF-8 are refused with a
 * reason; a BOM is removed from the text (as editors do) and remembered for writing back.
 */
export function readReport(file: string): ReportFile {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new Error('not a file');
  if (stat.size > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES} bytes`);
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0)) throw new Error('binary file (contains NUL bytes), not a report');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text');
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, mode: stat.mode, mtimeMs: stat.mtimeMs, size: stat.size };
}

/**
 * Write atomically: a temporary file beside the target, then rename, keeping the BOM and the
 * file mode. Refuses when the file changed on disk since it was read.
 */
export function writeReportAtomically(link: string, original: ReportFile, text: string): void {
  // Through a symbolic link, rewrite its target: renaming over the link would replace it.
  const file = fs.realpathSync(link);
  const now = fs.statSync(file);
  if (now.mtimeMs !== original.mtimeMs || now.size !== original.size) {
    throw new Error('changed on disk while being checked; not written');
  }
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(tmp, (original.bom ? '\uFEFF' : '') + text, { mode: original.mode & 0o7777 });
    fs.chmodSync(tmp, original.mode & 0o7777);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean up */
    }
    throw e;
  }
}
