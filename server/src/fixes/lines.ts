import type { Span } from '../model/types.js';

/* Lines of a text, as the fixes that must keep the document's structure read them. */

const TAB = 4;

/** Start of the line holding `offset` (after a BOM on the first line: it is not part of the line for the parser). */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i === 0 && text.charCodeAt(0) === 0xfeff ? 1 : i;
}

/** End of the line holding `offset` (before its line break). */
export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Start of the line after the one holding `offset` (the text's length after the last). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndOf(text, offset);
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return Math.min(text.length, end + 1);
}

/** The line before the one starting at `lineStart` (without its line break), if any. */
export function previousLine(text: string, lineStart: number): Span | undefined {
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (lineStart <= first) return undefined;
  let end = lineStart - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  return { start: lineStartOf(text, end), end };
}

export function isBlank(text: string, line: Span): boolean {
  for (let i = line.start; i < line.end; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** Column reached from `column` at `from` to `to`, tabs to the next multiple of 4 (CommonMark). */
export function columnOf(text: string, from: number, to: number, column: number): number {
  for (let i = from; i < to; i++) column = text[i] === '\t' ? column + TAB - (column % TAB) : column + 1;
  return column;
}

/** Indentation of the line starting at `start`, in columns. */
export function indentOf(text: string, start: number): number {
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return columnOf(text, start, end, 0);
}
