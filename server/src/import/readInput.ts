import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

export interface InputText {
  text: string;
  /** How the text was obtained. */
  via: 'text' | 'docx (mammoth)' | 'pdf (pdftotext -layout)';
}

/** Message when `pdftotext` is not installed. */
export const NO_PDFTOTEXT =
  'reading a .pdf needs pdftotext (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler); ' +
  'or run `pdftotext -layout report.pdf report.txt` elsewhere and import the .txt';

/**
 * Read a report for import: `.docx` through mammoth's raw-text extraction, `.pdf` through
 * `pdftotext -layout` (poppler-utils) when it is installed, anything else as UTF-8 text.
 */
export async function readInput(file: string): Promise<InputText> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.docx') {
    const mammoth = await import('mammoth');
    const extract = (mammoth as unknown as { extractRawText: typeof import('mammoth').extractRawText }).extractRawText
      ?? (mammoth as unknown as { default: typeof import('mammoth') }).default.extractRawText;
    const result = await extract({ path: file });
    return { text: result.value, via: 'docx (mammoth)' };
  }
  if (ext === '.pdf') {
    const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(NO_PDFTOTEXT);
    if (r.status !== 0) throw new Error(`pdftotext failed: ${(r.stderr || String(r.error ?? '')).trim()}`);
    return { text: r.stdout, via: 'pdf (pdftotext -layout)' };
  }
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0)) throw new Error('binary file (contains NUL bytes); import reads text, .docx or .pdf');
  return { text: bytes.toString('utf8'), via: 'text' };
}
