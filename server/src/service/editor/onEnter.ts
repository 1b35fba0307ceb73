import type { ReportModel, Span } from '../../model/types.js';
import type { TextEdit } from '../../checks/types.js';

const EMPTY_ITEM = /^([ ]{0,3})(\d{1,4})([.)])[ \t]*$/;
const NUMBERED_LINE = /^([ ]{0,3})(?:[-*+][ \t]+)?(\d{1,4})([.)])[ \t]+\S/;

/**
 * Enter after a numbered paragraph starts the next one: `28. ` on the new line, with the
 * delimiter the previous paragraph used (a legacy `- 27.` bullet continues as `28. `).
 * Enter on an empty `28. ` line ends the numbering (the marker is removed), as list
 * continuation does elsewhere. `offset` is where the cursor is after the line break.
 */
export function continueNumbering(model: ReportModel, offset: number): TextEdit[] {
  const { lines, text } = model;
  const line = lines.lineAt(offset);
  if (line === 0) return [];
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineContentEnd(line);
  // Only on a fresh line: whitespace before the cursor, nothing after it.
  if (text.slice(lineStart, offset).trim() !== '' || text.slice(offset, lineEnd).trim() !== '') return [];

  const previous = line - 1;
  const prevText = lines.lineText(previous);
  const prevStart = lines.lineStarts[previous];
  const empty = EMPTY_ITEM.exec(prevText);
  if (empty) {
    // Enter on an empty numbered line: end the list instead of numbering another.
    const paragraph = model.paragraphs.find((p) => p.span.start <= prevStart + empty[1].length && p.span.end >= prevStart + empty[0].trimEnd().length);
    if (!paragraph && !/^\d+[.)]$/.test(prevText.trim())) return [];
    return [{ span: { start: prevStart, end: prevStart + prevText.length }, newText: '' }];
  }
  if (prevText.trim() === '') return [];

  // The numbered paragraph the previous line belongs to (its first line or a continuation).
  const prevEnd = prevStart + prevText.length;
  const paragraph = [...model.paragraphs]
    .reverse()
    .find((p) => p.form !== 'stray' && p.span.start <= prevStart + 3 && p.span.end >= prevEnd - 1 && p.span.end <= offset);
  let number: number | undefined;
  let delimiter = '.';
  if (paragraph) {
    number = paragraph.number;
    const after = text.charAt(paragraph.numberSpan.end);
    if (paragraph.form === 'ordered' && (after === '.' || after === ')')) delimiter = after;
  } else {
    // Not (yet) a numbered paragraph in the model (e.g. a list the model reads as a grade
    // table): fall back to the line itself.
    const m = NUMBERED_LINE.exec(prevText);
    if (!m || !looksLikeParagraphLine(model, prevStart)) return [];
    number = Number(m[2]);
    delimiter = m[3];
  }
  const replace: Span = { start: lineStart, end: offset };
  return [{ span: replace, newText: `${number + 1}${delimiter} ` }];
}

/** A line the model did not read as a paragraph only because it is the first of its kind. */
function looksLikeParagraphLine(model: ReportModel, lineStart: number): boolean {
  // Not inside a table or a grade row, which also start with digits.
  if (model.tables.some((t) => t.span.start <= lineStart && lineStart < t.span.end)) return false;
  if (model.gradeRows.some((r) => r.span.start <= lineStart && lineStart < r.span.end)) return false;
  return true;
}
