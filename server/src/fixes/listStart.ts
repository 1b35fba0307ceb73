import type { Nodes } from 'mdast';
import type { ReportModel, Span } from '../model/types.js';
import type { TextEdit } from '../checks/types.js';
import { parseMarkdown } from '../model/parse.js';
import { perModel } from '../model/perModel.js';
import { applyEdits } from './applyEdits.js';
import { indentOf, isBlank, lineEndOf, lineStartOf, previousLine } from './lines.js';

/*
 * Whether a line written as a numbered paragraph (`N. text`) is read as one. CommonMark lets
 * an ordered list interrupt a paragraph only when it starts at 1, so `N. text` (N ≠ 1, or
 * written with two digits or more) on the line straight after a line of prose is more of that
 * prose; micromark (remark's parser) also reads it as text after top-level indented code,
 * blank lines or not (its indented code leaves the parser "interrupting": an upstream to-do).
 * So a fix that makes a line start with such a number — renumbering a list that starts at 1,
 * unbulleting `- N.`, moving a stray number to the start, numbering a fragment — makes sure
 * the line is read as a numbered paragraph:
 *
 * - after a blank line (not following indented code), a heading, or the first line of a
 *   numbered paragraph with the same delimiter (`.` or `)`; the list goes on), it is;
 * - after a line of a paragraph, or a bullet's first line of text, it would be more of that
 *   text: a blank line goes before it (the same line break as the one before it);
 * - anywhere else (rare: after indented code, inside the tail of a list item) the parser
 *   decides: the document is parsed with the edits, and a line read as text gets a blank line
 *   before it; if even that leaves it text, the fix is not made for that line (`impossible`).
 */

export interface ListLine {
  /** Start of the line (in the text before the edits) that must read as an ordered list item. */
  lineStart: number;
  /** The digits it will be written with. */
  digits: string;
  /**
   * A legacy paragraph (`- N. text`): the line must read as a bullet holding an ordered list,
   * as it did when it read `- 1.` (a bullet's text is read as if it interrupted, right after
   * prose: only `1.` then starts a list in it).
   */
  nested?: boolean;
}

export interface ListStarts {
  /** The edits, with the blank lines that keep the lines list items. */
  edits: TextEdit[];
  /** Lines no edit makes list items: the caller leaves them (and their fix) out. */
  impossible: number[];
}

/** A fix's edits, and the line it makes an ordered list item (if it does). */
export interface LineFix {
  edits: TextEdit[];
  line?: ListLine;
}

const MAX_ROUNDS = 16;

/**
 * The edits of the fixes whose lines are read as ordered list items once all are applied
 * (with the blank lines that takes); a fix whose line cannot be one is left out, and the rest
 * checked again without it.
 */
export function settleFixes(model: ReportModel, fixes: LineFix[]): { edits: TextEdit[]; left: LineFix[] } {
  let kept = fixes;
  const left: LineFix[] = [];
  for (;;) {
    const edits = kept.flatMap((f) => f.edits).sort(byPosition);
    const checked = keepListItems(model, edits, kept.flatMap((f) => (f.line ? [f.line] : [])));
    if (!checked.impossible.length) return { edits: checked.edits, left };
    const out = (f: LineFix) => f.line !== undefined && checked.impossible.includes(f.line.lineStart);
    left.push(...kept.filter(out));
    kept = kept.filter((f) => !out(f));
  }
}

/** Check that each of `lines` reads as an ordered list item once `edits` are applied. */
export function keepListItems(model: ReportModel, edits: TextEdit[], lines: ListLine[]): ListStarts {
  const text = model.text;
  const sorted = [...edits].sort(byPosition);
  const known = knownLines(model);
  const targets = new Set(lines.map((l) => l.lineStart));
  const certain = new Set<number>();
  const blanks: (TextEdit & { line: number })[] = [];
  const doubtful: ListLine[] = [];
  for (const line of [...lines].sort((a, b) => a.lineStart - b.lineStart)) {
    const at = line.lineStart;
    const previous = previousLine(text, at);
    if (line.digits === '1' || !previous) {
      certain.add(at);
      continue;
    }
    if (isBlank(text, previous)) {
      if (afterIndentedCode(text, previous)) doubtful.push(line);
      else certain.add(at);
      continue;
    }
    const before = editedLine(text, sorted, previous);
    const self = editedLine(text, sorted, lineAt(text, at));
    // The next item of the same list: ordered items with the same delimiter, or bullets with
    // the same marker (a new bullet's text is read afresh).
    const same = line.nested
      ? /^ {0,3}([-*+])[ \t]/.exec(before)?.[1] === /^ {0,3}([-*+])[ \t]/.exec(self)?.[1] && known.bullets.has(previous.start) && !targets.has(previous.start)
      : sameOrderedList(before, self) && (targets.has(previous.start) ? certain.has(previous.start) : known.ordered.has(previous.start));
    if (same) {
      certain.add(at);
    } else if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(before)) {
      certain.add(at); // after a heading
    } else if (
      !targets.has(previous.start) &&
      ((known.bullets.has(previous.start) && /^ {0,3}[-*+][ \t]+[\p{L}\p{N}]/u.test(before)) || inParagraph(text, known.paragraphs, previous))
    ) {
      blanks.push({ ...blankLineBefore(text, at), line: at });
      certain.add(at);
    } else doubtful.push(line);
  }
  const fromRules = [...sorted, ...blanks.map(plain)].sort(byPosition);
  if (!doubtful.length) return { edits: fromRules, impossible: [] };
  return byParsing(text, fromRules, doubtful);
}

/**
 * The parser decides: a blank line before the first line read as text usually makes the lines
 * after it items of the list it then starts, so add one at a time, parsing again each time (a
 * few rounds at most in a real report). A line that a blank line does not help, or lines left
 * after too many rounds, are impossible (the caller leaves them out and checks again).
 */
function byParsing(text: string, edits: TextEdit[], lines: ListLine[]): ListStarts {
  let pending = lines;
  const blanks: (TextEdit & { line: number })[] = [];
  for (let round = 0; pending.length; round++) {
    const failing = notListItems(text, [...edits, ...blanks], pending);
    if (!failing.length) break;
    const [first] = failing;
    if (round >= MAX_ROUNDS) return { edits, impossible: failing.map((l) => l.lineStart) };
    if (blanks.length && blanks[blanks.length - 1].line === first.lineStart) return { edits, impossible: [first.lineStart] };
    blanks.push({ ...blankLineBefore(text, first.lineStart), line: first.lineStart });
    pending = failing;
  }
  return { edits: [...edits, ...blanks.map(plain)].sort(byPosition), impossible: [] };
}

/**
 * The lines that, once the edits are applied, are not the start of a top-level ordered list
 * item (or, for a legacy paragraph, of a top-level bullet holding an ordered list).
 */
function notListItems(text: string, edits: TextEdit[], lines: ListLine[]): ListLine[] {
  const after = applyEdits(text, edits);
  const items = new Set<number>();
  const nested = new Set<number>();
  for (const block of parseMarkdown(after).children as Nodes[]) {
    if (block.type !== 'list') continue;
    for (const item of block.children) {
      const start = lineStartOf(after, item.position?.start.offset ?? -1);
      if (block.ordered) items.add(start);
      else if (item.children[0]?.type === 'list' && item.children[0].ordered) nested.add(start);
    }
  }
  const sorted = [...edits].sort(byPosition);
  return lines.filter((line) => {
    let shifted = line.lineStart;
    for (const e of sorted) {
      if (e.span.start >= line.lineStart) break;
      shifted += e.newText.length - (e.span.end - e.span.start);
    }
    return !(line.nested ? nested : items).has(shifted);
  });
}

/** Whether two lines (as edited) start ordered items with the same delimiter. */
function sameOrderedList(before: string, self: string): boolean {
  const a = /^ {0,3}\d{1,9}([.)])(?:[ \t]|$)/.exec(before);
  const b = /^ {0,3}\d{1,9}([.)])/.exec(self);
  return !!a && !!b && a[1] === b[1];
}

interface KnownLines {
  /** Line starts of numbered paragraphs (top-level ordered list items). */
  ordered: Set<number>;
  /** Line starts of top-level bullets (legacy paragraphs included). */
  bullets: Set<number>;
  /** Top-level paragraphs, in order. */
  paragraphs: Span[];
}

const KNOWN = Symbol('listStart.knownLines');

/** What the model knows about the lines that start its top-level blocks (once per model). */
function knownLines(model: ReportModel): KnownLines {
  return perModel(model, KNOWN, () => {
    const text = model.text;
    const ordered = new Set<number>();
    const bullets = new Set<number>();
    for (const p of model.paragraphs) {
      if (p.form === 'ordered') ordered.add(lineStartOf(text, p.numberSpan.start));
      else if (p.form === 'legacy-bullet') bullets.add(lineStartOf(text, p.span.start));
    }
    const paragraphs: Span[] = [];
    for (const b of model.prose) {
      const head = text.slice(b.span.start, b.span.start + 16);
      if (/^[ \t]*[-*+](?:[ \t]|$)/.test(head)) bullets.add(lineStartOf(text, b.span.start));
      else if (!/^[ \t]*\d{1,9}[.)]/.test(head)) paragraphs.push(b.span);
    }
    return { ordered, bullets, paragraphs };
  });
}

/** Whether a line's text lies in a top-level paragraph. */
function inParagraph(text: string, paragraphs: Span[], line: Span): boolean {
  let at = line.start;
  while (text[at] === ' ' || text[at] === '\t') at++;
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && at < paragraphs[lo - 1].end;
}

/** Whether the blank lines ending with `blank` follow a line indented 4 columns or more. */
function afterIndentedCode(text: string, blank: Span): boolean {
  let line: Span | undefined = blank;
  while (line && isBlank(text, line)) line = previousLine(text, line.start);
  return !!line && indentOf(text, line.start) >= 4;
}

/** A line's text once the edits inside it are applied. */
function editedLine(text: string, sorted: TextEdit[], line: Span): string {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].span.start < line.start) lo = mid + 1;
    else hi = mid;
  }
  let out = '';
  let at = line.start;
  for (let i = lo; i < sorted.length && sorted[i].span.end <= line.end; i++) {
    out += text.slice(at, sorted[i].span.start) + sorted[i].newText;
    at = sorted[i].span.end;
  }
  return out + text.slice(at, line.end);
}

/** A line break inserted at the end of the line before, the same as the one that ends it. */
function blankLineBefore(text: string, lineStart: number): TextEdit {
  const previous = previousLine(text, lineStart)!;
  return { span: { start: previous.end, end: previous.end }, newText: text.slice(previous.end, lineStart) };
}

const byPosition = (a: TextEdit, b: TextEdit) => a.span.start - b.span.start || a.span.end - b.span.end;
const plain = ({ span, newText }: TextEdit): TextEdit => ({ span, newText });

function lineAt(text: string, lineStart: number): Span {
  return { start: lineStart, end: lineEndOf(text, lineStart) };
}
