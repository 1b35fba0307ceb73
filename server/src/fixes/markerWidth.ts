import type { NumberedParagraph } from '../model/types.js';
import type { TextEdit } from '../checks/types.js';
import { columnOf, lineEndOf, lineStartOf, nextLineStart } from './lines.js';

/*
 * A list item's content column is its marker's width plus the spaces after it (CommonMark
 * §5.2): `10. text` has content at column 4, `9. text` at column 3. The lines after the first
 * are read against that column, so giving a paragraph a number with fewer or more digits can
 * change what they are: after `10. text`, a line `   - a bullet` (3 spaces) is a list of its
 * own, after `9. text` a list nested in the paragraph; after `9. text`, a paragraph indented
 * 3 spaces belongs to it, after `10. text` it is a separate (unnumbered) paragraph.
 *
 * `numberEdits` gives the edits that write a new number and keep every line meaning what it
 * meant. Only when the column would move and a line depends on it does it edit more than the
 * digits, and then the fewest characters:
 *
 * 1. the spaces after the marker, so the content column stays where it was (`10. text` →
 *    `9.  text`, `9.  text` → `10. text`), when that leaves 1 to 4 columns of spaces;
 * 2. else, for a number that gets shorter, a leading zero (`10.` → `09.`: CommonMark reads it
 *    as 9, and the marker keeps its width);
 * 3. else (a number that gets longer: `9. text` → `10. text`), the indentation of each line of
 *    the paragraph that is read against its content column grows by as many columns.
 *
 * A line depends on the column when it is indented at least as far as the nearer of the two
 * content columns (a line indented less is read the same way under both), unless it is a
 * line of the paragraph's first block of text, which a line starting with a letter, a digit
 * that is not a list marker, or a bracket or quotation mark cannot end, whatever its
 * indentation. The first non-blank line after the paragraph counts too (a shorter marker can
 * take it in). A stray number that is the marker of a list nested in its fragment is treated
 * the same way; one in running text is just digits.
 */

/** Edits that write `value` as paragraph `p`'s number without changing the document's structure. */
export function numberEdits(text: string, p: NumberedParagraph, value: number): TextEdit[] {
  const digits = String(value);
  const oldLength = p.numberSpan.end - p.numberSpan.start;
  const delta = digits.length - oldLength;
  const plain = [{ span: p.numberSpan, newText: digits }];
  if (delta === 0) return plain;
  const delimiter = text.charAt(p.numberSpan.end);
  if (delimiter !== '.' && delimiter !== ')') return plain;
  // A stray number is text, unless it is the marker of a list nested in its fragment (the
  // parse says: model/blocks.ts nestedItems). At the start of a line of a bullet's paragraph,
  // `9. more` is text: only a list starting at 1 can interrupt a paragraph.
  if (p.form === 'stray' && p.numberedEnd === undefined) return plain;
  const lineStart = lineStartOf(text, p.numberSpan.start);

  const markerEnd = p.numberSpan.end + 1;
  const column = columnOf(text, lineStart, markerEnd, 0);
  let wsEnd = markerEnd;
  while (text[wsEnd] === ' ' || text[wsEnd] === '\t') wsEnd++;
  const blank = wsEnd >= text.length || text[wsEnd] === '\n' || text[wsEnd] === '\r';
  // Columns of space after the marker, as it is and once the marker is `delta` wider.
  const spaces = columnOf(text, markerEnd, wsEnd, column) - column;
  const spacesAfter = columnOf(text, markerEnd, wsEnd, column + delta) - column - delta;
  const before = firstLine(column, spaces, blank);
  const after = firstLine(column + delta, spacesAfter, blank);
  // The first line reads the same when it stays text, or stays code indented as far.
  const firstSame = before.kind === after.kind && (before.kind !== 'code' || spaces === spacesAfter);
  if (before.content === after.content && firstSame) return plain;

  const ws = text.slice(markerEnd, wsEnd);
  /** The spaces after the marker rewritten as `n` columns of spaces (tabs only when they must be). */
  const spacesEdit = (n: number): TextEdit =>
    /^ *$/.test(ws)
      ? n > ws.length
        ? { span: { start: markerEnd, end: markerEnd }, newText: ' '.repeat(n - ws.length) }
        : { span: { start: markerEnd, end: markerEnd + ws.length - n }, newText: '' }
      : { span: { start: markerEnd, end: wsEnd }, newText: ' '.repeat(n) };

  const first = before.kind === 'text' ? text.slice(wsEnd, lineEndOf(text, wsEnd)) : undefined;
  // A legacy bullet's or nested stray's numbered item may end before the block holding it:
  // the lines after it are that block's.
  const itemEnd = p.numberedEnd ?? p.span.end;
  const linesAgainst = (column: number) => dependentLines(text, itemEnd, lineEndOf(text, markerEnd), Math.min(before.content, column), first);
  // 0. Digits only, when the first line reads the same and no line depends on the column.
  if (firstSame && !linesAgainst(after.content).length) return plain;
  // 1. Keep the content column with the spaces after the marker.
  if (before.kind === 'text' && spaces - delta >= 1 && spaces - delta <= 4) return [...plain, spacesEdit(spaces - delta)];
  // 2. A shorter number keeps the marker's width with leading zeros.
  if (delta < 0) return [{ span: p.numberSpan, newText: digits.padStart(oldLength, '0') }];
  // 3. A longer number: the first line keeps its spaces (written as spaces), so the content
  // column moves as far as the marker grew, and so do the lines of the paragraph read
  // against it.
  const keep = blank || /^ *$/.test(ws) ? [] : [spacesEdit(spaces)];
  const moved = linesAgainst(before.content + delta).filter((l) => l.inItem && l.indent >= before.content);
  return [...plain, ...keep, ...moved.map((l) => indentEdit(text, l, delta))];
}

/**
 * How a list item's first line reads when its marker ends at `column` and `spaces` columns of
 * space follow it: blank, text, or indented code (5 columns or more); and where its content
 * column is (CommonMark §5.2).
 */
function firstLine(column: number, spaces: number, blank: boolean): { kind: 'blank' | 'text' | 'code'; content: number } {
  if (blank) return { kind: 'blank', content: column + 1 };
  return spaces <= 4 ? { kind: 'text', content: column + spaces } : { kind: 'code', content: column + 1 };
}

interface Line {
  start: number;
  /** Offset of the first character that is not a space or tab. */
  contentStart: number;
  /** Indentation in columns (tabs to the next multiple of 4). */
  indent: number;
  /** Whether it is a line of the paragraph (else the first line after it). */
  inItem?: boolean;
}

/**
 * The lines after the marker line that are read against the content column: those of the
 * paragraph (up to `itemEnd`) and the first non-blank line after it, indented at least `least`
 * columns, except the continuation lines of the paragraph's first block of text (`first`: the
 * text on the marker line, when it is text).
 */
function dependentLines(text: string, itemEnd: number, markerLineEnd: number, least: number, first: string | undefined): Line[] {
  const out: Line[] = [];
  let prose = first !== undefined && continuesProse(first);
  let at = nextLineStart(text, markerLineEnd);
  while (at < text.length) {
    const line = readLine(text, at);
    const blankLine = line.contentStart >= text.length || text[line.contentStart] === '\n' || text[line.contentStart] === '\r';
    if (at >= itemEnd) {
      // The first non-blank line after the paragraph: a shorter marker could take it in.
      if (blankLine) {
        at = nextLineStart(text, line.contentStart);
        continue;
      }
      if (line.indent >= least) out.push(line);
      break;
    }
    if (blankLine) prose = false;
    else if (line.indent >= least) {
      const exempt = prose && continuesProse(text.slice(line.contentStart, lineEndOf(text, line.contentStart)));
      if (!exempt) {
        out.push({ ...line, inItem: true });
        prose = false;
      }
    }
    at = nextLineStart(text, line.contentStart);
  }
  return out;
}

/**
 * Whether a line of a paragraph stays a line of it however far it is indented: it cannot
 * start any block that interrupts a paragraph (heading, list, quote, fence, HTML, thematic
 * break, setext underline, table delimiter row).
 */
function continuesProse(content: string): boolean {
  if (/^\p{L}/u.test(content)) return true;
  if (/^\d/.test(content)) return !/^\d{1,9}[.)](?:[ \t]|$)/.test(content);
  return /^[("'\u201C\u2018\u00AB]/.test(content);
}

function indentEdit(text: string, line: Line, shift: number): TextEdit {
  const ws = text.slice(line.start, line.contentStart);
  return /^ *$/.test(ws)
    ? { span: { start: line.start, end: line.start }, newText: ' '.repeat(shift) }
    : { span: { start: line.start, end: line.contentStart }, newText: ' '.repeat(line.indent + shift) };
}

function readLine(text: string, start: number): Line {
  let contentStart = start;
  while (text[contentStart] === ' ' || text[contentStart] === '\t') contentStart++;
  return { start, contentStart, indent: columnOf(text, start, contentStart, 0) };
}
