import { lastAtOrBefore } from './search.js';
/**
 * Offsets <-> positions, in one place. Offsets are JavaScript string indices (UTF-16 code
 * units), which is also how LSP counts characters by default, so a position's `character`
 * is an offset from its line start. Lines end at \n, \r\n or a lone \r, as LSP defines.
 */
export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line. */
  character: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  /** `lineStarts`, when given, must be those of `text` (see `updated`). */
  constructor(readonly text: string, lineStarts?: number[]) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    scanLineStarts(text, 0, text.length, starts);
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, made from the index of the text it was edited from: `changed` are
   * the edited ranges (disjoint, in order; `start` and `oldEnd` in old offsets, `newEnd` in
   * new offsets, as incremental.ts's ChangedRange). Only the edited ranges are scanned; the
   * other line starts are copied, shifted. Equal to `new LineIndex(text)`.
   */
  static updated(prev: LineIndex, text: string, changed: readonly { start: number; oldEnd: number; newEnd: number }[]): LineIndex {
    const old = prev.lineStarts;
    const out: number[] = [];
    let i = 0; // next old line start to copy
    let delta = 0; // new - old offset, after the ranges handled so far
    for (const c of changed) {
      // Whether p starts a line depends on the characters at p - 1 and p: line starts up
      // to c.start - 1 and from c.oldEnd + 1 are unchanged (shifted); those from c.start to
      // newEnd are scanned again.
      while (i < old.length && old[i] < c.start) out.push(old[i++] + delta);
      const from = c.start + delta;
      if (out.length === 0) out.push(0);
      // From the character before the range (never behind a start already found: ranges may touch).
      scanLineStarts(text, Math.max(from - 1, out[out.length - 1]), c.newEnd, out);
      delta = c.newEnd - c.oldEnd;
      while (i < old.length && old[i] <= c.oldEnd) i++;
    }
    while (i < old.length) out.push(old[i++] + delta);
    return new LineIndex(text, out);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line containing `offset` (binary search). */
  lineAt(offset: number): number {
    return lastAtOrBefore(this.lineStarts, offset);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /** Clamps to the document, and to the end of the line (before its line break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineContentEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset just before the line break that ends `line` (or the text end). */
  lineContentEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineContentEnd(line));
  }
}

/**
 * Push the line starts p with from < p <= to (p a start when the character before it is
 * \n, or a \r not followed by \n).
 */
function scanLineStarts(text: string, from: number, to: number, out: number[]): void {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) out.push(i + 1);
    else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) out.push(i + 1);
  }
}
