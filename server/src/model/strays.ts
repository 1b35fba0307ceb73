import type { Fragment, NumberedParagraph } from './types.js';

/*
 * A stray number is a paragraph number that PDF conversion moved into the text: "as a result
 * of a 62. better application". It is recognised only inside a fragment (an unnumbered block
 * between numbered paragraphs A and B), only when A < n < B, and only when it is the very
 * next number or is followed by a lower-case word (a sentence never starts lower-case, so
 * "Key Stage 4. The" is not taken).
 */
const CANDIDATE = /(^|[\s(])(\d{1,9})\.[ \t]+(\S)/g;

/**
 * Returns the numbered paragraphs with stray-number paragraphs merged in (in document order),
 * and sets `stray`, `previous` and `next` on the fragments to indices of the returned list.
 */
export function findStrays(text: string, paragraphs: NumberedParagraph[], fragments: Fragment[]): NumberedParagraph[] {
  const strays: NumberedParagraph[] = [];
  let runKey = '';
  let low = 0;
  for (const f of fragments) {
    const a = paragraphs[f.previous];
    const b = paragraphs[f.next];
    const key = `${f.previous}:${f.next}`;
    if (key !== runKey) {
      runKey = key;
      low = a.number;
    }
    const source = text.slice(f.textStart, f.span.end);
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(source); m; m = CANDIDATE.exec(source)) {
      const n = Number(m[2]);
      const following = m[3];
      const lowerNext = following.toLowerCase() === following && following.toUpperCase() !== following;
      if (n > low && n < b.number && (n === low + 1 || lowerNext)) {
        const at = f.textStart + m.index + m[1].length;
        f.stray = { number: n, span: { start: at, end: at + m[2].length } };
        strays.push({
          number: n,
          numberSpan: f.stray.span,
          span: f.span,
          form: 'stray',
          section: a.section,
          part: a.part,
          text: f.text,
          textStart: f.textStart,
        });
        low = n;
        break;
      }
    }
  }
  const merged = strays.length === 0 ? paragraphs : [...paragraphs, ...strays].sort((x, y) => x.span.start - y.span.start);
  // Re-point fragments at the merged list: previous = last paragraph starting before the fragment.
  let j = 0;
  for (const f of fragments) {
    while (j < merged.length && merged[j].span.start < f.span.start) j++;
    f.previous = j - 1;
    f.next = f.stray ? j + 1 : j;
  }
  return merged;
}
