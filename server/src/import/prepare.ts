import type { Line } from './types.js';

/**
 * Split text into lines: line endings unified, a BOM and trailing white space dropped,
 * non-breaking spaces made plain, a form feed (PDF page break) marking the next line.
 */
export function prepareLines(text: string): Line[] {
  const out: Line[] = [];
  let pageBreak = false;
  let blanks = 0;
  const source = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  source.forEach((rawLine, i) => {
    let raw = rawLine.replace(/[\u00A0\u2007\u202F]/g, ' ');
    if (raw.includes('\f')) {
      pageBreak = true;
      raw = raw.replace(/\f/g, '');
    }
    raw = raw.replace(/[ \u3000]+$/, '');
    const line: Line = { no: i + 1, raw, t: raw.trim() };
    // Two blank lines or more: where a page broke in text pasted from a PDF.
    if (!line.t) blanks++;
    else {
      if (blanks >= 2) pageBreak = true;
      blanks = 0;
    }
    if (pageBreak && line.t) {
      line.pageBreak = true;
      pageBreak = false;
    }
    out.push(line);
  });
  return out;
}

/** Lines are wrapped (PDF extraction) rather than one paragraph per line (Word, pasted text). */
export function wrapWidth(lines: Line[]): number | undefined {
  const lengths = lines.map((l) => l.raw.length).filter((n) => n >= 30).sort((a, b) => a - b);
  if (lengths.length < 10) return undefined;
  const median = lengths[Math.floor(lengths.length / 2)];
  const p90 = lengths[Math.floor(lengths.length * 0.9)];
  if (median > 130 || p90 > 160) return undefined;
  return p90;
}
