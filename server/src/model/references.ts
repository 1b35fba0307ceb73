import type { CrossReference, Span } from './types.js';

/*
 * Cross-references in prose. Patterns are linear: every quantifier is bounded or applies to
 * a class that cannot overlap its neighbour, so a 100 KB line is scanned in linear time.
 */
const REFERENCE = /\b(?:paragraphs?|paras?\.?)[ \t\u00A0]+(\d{1,9})(?![.,]?\d)((?:[ \t\u00A0]*(?:,|and|&|to|-|\u2013|\u2014)[ \t\u00A0]*\d{1,9}(?![.,]?\d))*)/gi;
const TAIL = /[ \t\u00A0]*(,|and|&|to|-|\u2013|\u2014)[ \t\u00A0]*(\d{1,9})/gi;
/** "paragraph 12 of Schedule 2" cites another document; "of this report" is ours. */
const EXTERNAL_AFTER = /^[ \t\u00A0]+of[ \t\u00A0]+(?!this\b)/i;

/** Find references in `source`, a slice of the document starting at `base`. */
export function findReferences(source: string, base: number, inParagraph: number, out: CrossReference[]): void {
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(source); m; m = REFERENCE.exec(source)) {
    const end = m.index + m[0].length;
    if (EXTERNAL_AFTER.test(source.slice(end, end + 40))) continue;
    const numbers: CrossReference['numbers'] = [];
    // The first number ends where the tail begins.
    const firstAt = m.index + m[0].length - m[2].length - m[1].length;
    numbers.push({ value: Number(m[1]), span: { start: base + firstAt, end: base + firstAt + m[1].length } });
    const tailStart = m.index + m[0].length - m[2].length;
    TAIL.lastIndex = 0;
    for (let t = TAIL.exec(m[2]); t; t = TAIL.exec(m[2])) {
      const at = tailStart + t.index + t[0].length - t[2].length;
      const sep = t[1].toLowerCase();
      const range = sep === 'to' || sep === '-' || sep === '\u2013' || sep === '\u2014';
      numbers.push({ value: Number(t[2]), span: { start: base + at, end: base + at + t[2].length }, range: range || undefined });
    }
    out.push({ span: { start: base + m.index, end: base + end }, numbers, inParagraph });
  }
}

const HIDDEN = /<!--[ \t\r\n]*(?:findings?|evidence|see)[ \t]*:([^>]{0,400}?)-->/gi;
const NUMBER = /\d{1,9}/g;

/** `<!-- findings: 50, 53 -->`: citations that do not render. */
export function findHiddenReferences(source: string, base: number, inParagraph: number, out: CrossReference[]): void {
  HIDDEN.lastIndex = 0;
  for (let m = HIDDEN.exec(source); m; m = HIDDEN.exec(source)) {
    const listStart = m.index + m[0].indexOf(':') + 1;
    const numbers: CrossReference['numbers'] = [];
    NUMBER.lastIndex = 0;
    for (let n = NUMBER.exec(m[1]); n; n = NUMBER.exec(m[1])) {
      const at = listStart + n.index;
      numbers.push({ value: Number(n[0]), span: { start: base + at, end: base + at + n[0].length } });
    }
    if (numbers.length) out.push({ span: { start: base + m.index, end: base + m.index + m[0].length }, numbers, hidden: true, inParagraph });
  }
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
