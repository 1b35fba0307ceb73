/*
 * Where a document can be cut and its pieces parsed apart with the same result as parsing it
 * whole (see incremental.ts for how these rules are used and why they hold).
 */
import type { Root } from 'mdast';

export const isBlankChar = (c: number) => c === 32 || c === 9;
export const isBreak = (c: number) => c === 10 || c === 13;

/**
 * P starts a line at column 0 with a non-space character, and the line before it is blank.
 */
export function boundaryAt(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return false;
  const c = text.charCodeAt(p);
  if (isBlankChar(c) || isBreak(c)) return false;
  // Line break just before p.
  let q = p - 1;
  const prev = text.charCodeAt(q);
  if (prev === 10) {
    q--;
    if (q >= 0 && text.charCodeAt(q) === 13) q--;
  } else if (prev === 13) {
    q--;
  } else {
    return false;
  }
  // The line before: blank, and itself preceded by a line break (or the document start).
  while (q >= 0 && isBlankChar(text.charCodeAt(q))) q--;
  return q < 0 || isBreak(text.charCodeAt(q));
}

export function safeStart(text: string, p: number): boolean {
  return boundaryAt(text, p) && !text.startsWith('---', p);
}

export function safeEnd(text: string, p: number): boolean {
  return boundaryAt(text, p);
}

export function lineStartCol0(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return false;
  const c = text.charCodeAt(p);
  if (isBlankChar(c) || isBreak(c)) return false;
  const prev = text.charCodeAt(p - 1);
  return prev === 10 || (prev === 13 && c !== 10);
}

const ORDERED_ITEM_LINE = /\d{1,9}[.)][ \t]+\S/y;

/**
 * A line at column 0, under a line that is not blank, that starts an ordered item with text
 * ("44. The number of families…"): reports pasted from PDF number their paragraphs as one
 * long tight list, which blank lines alone would leave as one piece. A slice may end before
 * such a line only if, parsed, it ends inside a top-level list with that line's marker
 * (`continuesList`): micromark then reads the line as the list's next item, and a slice that
 * starts there reads it as an item too. A cut, with an ordered marker, so never a thematic break.
 * (Asked only where safeStart failed: a line at column 0 then has a line above that is not blank.)
 */
export function tightCut(text: string, p: number): boolean {
  if (!lineStartCol0(text, p)) return false;
  ORDERED_ITEM_LINE.lastIndex = p;
  return ORDERED_ITEM_LINE.test(text);
}

const LIST_MARKER = /^(?:(\d{1,9})([.)])|([-*+]))(?=[ \t]|\r|\n|$)/;

/** The slice ends inside a top-level list that the line at `end` continues with an item. */
export function continuesList(root: Root, slice: string, text: string, end: number): boolean {
  const last = root.children[root.children.length - 1];
  if (!last || last.type !== 'list') return false;
  // The slice's last line belongs to the list.
  let lineStart = slice.length;
  if (lineStart > 0 && slice.charCodeAt(lineStart - 1) === 10) lineStart--;
  if (lineStart > 0 && slice.charCodeAt(lineStart - 1) === 13) lineStart--;
  while (lineStart > 0 && !isBreak(slice.charCodeAt(lineStart - 1))) lineStart--;
  if ((last.position?.end.offset ?? 0) <= lineStart && lineStart < slice.length) return false;
  const item = last.children[last.children.length - 1];
  const mine = LIST_MARKER.exec(slice.slice(item?.position?.start.offset ?? 0, (item?.position?.start.offset ?? 0) + 12));
  const next = LIST_MARKER.exec(text.slice(end, end + 12));
  if (!mine || !next) return false;
  return !!last.ordered === !!next[1] && (mine[2] ?? mine[3]) === (next[2] ?? next[3]);
}

/**
 * Does the slice's last block run on into the blank lines that end the slice (an unclosed
 * fence or HTML block), so that in the whole document it would go on past the slice?
 */
export function runsIntoEnd(root: Root, slice: string): boolean {
  const last = root.children[root.children.length - 1];
  if (!last) return false;
  // The end of the last line that is not blank (trailing spaces included: a block's end
  // takes in its last line's spaces, as pasted text often has).
  let contentEnd = slice.length;
  for (let lineEnd = slice.length; lineEnd > 0; ) {
    let p = lineEnd;
    while (p > 0 && !isBreak(slice.charCodeAt(p - 1))) p--;
    let q = p;
    while (q < lineEnd && isBlankChar(slice.charCodeAt(q))) q++;
    if (q < lineEnd) {
      contentEnd = lineEnd;
      break;
    }
    // Blank line: step over its line break to the line before.
    contentEnd = p;
    lineEnd = p > 0 && slice.charCodeAt(p - 1) === 10 && p > 1 && slice.charCodeAt(p - 2) === 13 ? p - 2 : Math.max(0, p - 1);
  }
  const end = last.position?.end.offset ?? slice.length;
  if (end > contentEnd) return true;
  if (last.type === 'code') {
    const start = last.position?.start.offset ?? 0;
    const raw = slice.slice(start, end);
    // Indented code: see indentedCode.
    if (!/^ {0,3}(`{3,}|~{3,})/.test(raw)) return true;
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (open) {
      const lines = raw.split(/\r\n|\r|\n/);
      const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(lines[lines.length - 1]);
      if (lines.length < 2 || !close || close[1][0] !== open[1][0] || close[1].length < open[1].length) return true;
    }
  }
  if (last.type === 'html') {
    const raw = slice.slice(last.position?.start.offset ?? 0, end);
    const lines = raw.split(/\r\n|\r|\n/);
    const lastLine = lines[lines.length - 1];
    const first = lines[0].trimStart();
    const closers: [RegExp, RegExp][] = [
      [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
      [/^<!--/, /-->/],
      [/^<\?/, /\?>/],
      [/^<![A-Za-z]/, />/],
      [/^<!\[CDATA\[/, /\]\]>/],
    ];
    for (const [opener, closer] of closers) {
      if (opener.test(first)) return !closer.test(lines.length === 1 ? first.slice(1) : lastLine);
    }
  }
  return false;
}
