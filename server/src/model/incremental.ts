import type { Root } from 'mdast';
import type { Span } from './types.js';
import { analyseNode, type BlockFacts } from './blocks.js';
import { mayHoldGfm, parseMarkdown } from './parse.js';
import { LineIndex } from '../text/lineIndex.js';
import { detach } from '../text/detach.js';
import { lastAtOrBefore } from '../text/search.js';
import { runAtOnce, runInSteps, STEP_BUDGET_MS } from '../util/inSteps.js';
import { continuesList, isBlankChar, isBreak, lineStartCol0, runsIntoEnd, safeEnd, safeStart, tightCut } from './boundaries.js';
import { definitionsIn, mayHoldReference, parseWithDefinitions, type Definitions } from './definitions.js';
import { typedInWord } from './typedInWord.js';

/*
 * Incremental parsing. A document is kept as a sequence of *units*: its top-level blocks,
 * with top-level lists split into one unit per item (the model's assembly reads list items one by
 * one, so how items are grouped into lists does not change the model). On an edit, only the
 * units the edit touches are parsed again, with remark, on a slice of the text cut at *safe
 * boundaries*; the other units are kept as they are. A unit's facts hold offsets relative
 * to its start, and the starts are kept apart (`starts`): moving the units after an edit is
 * a copy of an array of numbers, and an unchanged unit stays the same object from version
 * to version (caches of what is derived from a unit key on it).
 *
 * A boundary at offset P (the start of an existing unit) is safe when
 *   - P starts a line, the line before it is blank, and the line at P starts at column 0
 *     with a character that is not white space: whatever is open before P is then closed by
 *     the blank line or by the column-0 line (paragraphs, tables, block quotes, HTML blocks
 *     of kinds 6 and 7, indented code, list items), or is a list that the line at P continues
 *     with another item (same items either way);
 *   - for the start of the re-parsed slice, the unit before P was closed in the old parse
 *     (it was: a unit started at P and the text before P did not change), and the slice does
 *     not start with `---` (front matter is recognised only at the start of a document);
 *   - for the end of the slice, the slice's last block does not run into the blank lines
 *     that end the slice (an unclosed fence or HTML block would go on past P in the whole
 *     document), and P was a boundary in the old text too: the unit kept at P was parsed
 *     there, and a block that interrupts a paragraph is not parsed as one after a blank line
 *     (micromark reads `- 26. text` under a paragraph line as a bullet holding a paragraph,
 *     after a blank line as a bullet holding a list that starts at 26).
 * Link reference and footnote definitions apply to the whole document: in a document that
 * has any, slices that could hold a reference are parsed with the document's labels appended
 * (definitions.ts), and an edit that touches a definition, or makes one, parses the whole
 * document. So does an edit at the start of a document that opens with `---` (front matter
 * may close anywhere). Every other case falls out of the rules above;
 * when a rule fails, the slice grows to the next boundary, up to the whole document.
 */

/** A document's parse, as units. */
export interface ParsedDocument {
  text: string;
  /** The units, in document order; their offsets are relative to their start. */
  units: BlockFacts[];
  /** Where each unit starts in `text`. */
  starts: number[];
  /** Line starts of `text`, kept up to date from version to version like the units. */
  lines: LineIndex;
  /** Edits re-parse the whole document: inline markup nested too deep, or front matter that never closes. */
  global: boolean;
  /** The document's link reference and footnote definitions, if it has any (definitions.ts). */
  definitions?: Definitions;
  /** remark gave up on inline markup nested thousands deep (see parse.ts). */
  tooComplex?: boolean;
  /**
   * State that what is derived from this version leaves for deriving the next version's
   * incrementally (framework detection: where its phrases were). Carried forward by
   * updateDocument; each entry is self-contained, so it is only ever a shortcut.
   */
  derived: Map<symbol, unknown>;
}

/** A change in old-text offsets: [start, end) of the old text becomes `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * A changed range: [start, oldEnd) of the old text became the new text up to `newEnd` (an
 * offset in the new text). With several ranges (disjoint, in order), range i starts in the
 * new text at `start` plus the shift of the ranges before it (their newEnd - oldEnd).
 */
export interface ChangedRange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export interface UpdateResult {
  doc: ParsedDocument;
  /**
   * Slices of the new text that were parsed again; one slice [0, length) for a full parse;
   * none for letters typed inside a word (typedInWord.ts).
   */
  reparsed: Span[];
  full: boolean;
}

/** Parse a whole document into units: equal to parseWhole's, usually much faster. */
export function parseDocument(text: string): ParsedDocument {
  return parseInSlices(text) ?? parseWhole(text);
}

/**
 * One remark parse of the whole text, with GFM: the reference every other way of parsing
 * must equal, and the way for documents that cannot be cut (see parseInSlices).
 */
export function parseWhole(text: string): ParsedDocument {
  const root = parseMarkdown(text);
  const tooComplex = isTooComplex(root);
  const units: BlockFacts[] = [];
  const starts: number[] = [];
  const found = newFound();
  unitsOf(root, text, 0, units, starts, found);
  return {
    text,
    units,
    starts,
    lines: new LineIndex(text),
    derived: new Map(),
    global: tooComplex || brokenFrontMatter(text, root),
    ...definitionsField(found),
    ...(tooComplex ? { tooComplex } : {}),
  };
}

/** Text parsed by one call to remark in parseInSlices, at most (unless a block is longer). */
const SLICE_TARGET = 8_192;
/** The first slice's length, at most (see sliceSteps). */
const FIRST_SLICE = 1_024;

/**
 * A first parse in slices cut at safe boundaries (the rules updateDocument cuts by), each
 * parsed with GFM only when it could hold GFM syntax (parse.ts): most of a report cannot, and
 * GFM is half of remark's time. Pieces between cuts are taken together up to SLICE_TARGET,
 * those that could hold GFM apart from those that cannot (a call to remark has a fixed cost).
 * A slice whose last block would run on past its end (an unclosed fence or HTML comment, or
 * indented code: see runsIntoEnd), or whose front matter has not closed, takes in more pieces.
 * When definitions turn up, the slices that could hold a reference are parsed again knowing
 * them all. Undefined when the document must be parsed whole: front matter that never
 * closes, inline markup nested too deep, or definitions and a last slice that ends in an
 * unclosed fence or HTML block holding a `[` (definitions.ts).
 */
export function parseInSlices(text: string, target = SLICE_TARGET): ParsedDocument | undefined {
  return runAtOnce(sliceSteps(text, target));
}

/**
 * parseDocument a slice at a time, handing control back (`await pause()`) every few
 * milliseconds (util/inSteps.ts). Undefined as soon as `stale()` says it is no longer wanted.
 */
export async function parseDocumentInSteps(text: string, pause: () => Promise<void>, stale: () => boolean): Promise<ParsedDocument | undefined> {
  const done = await runInSteps(sliceSteps(text, SLICE_TARGET), pause, stale);
  return done && (done.value ?? parseWhole(text));
}

/** Text scanned for cuts between two yields of sliceSteps (a cold server scans ~1 MB in 10 ms). */
const CUT_SCAN_STEP = 65_536;

/** parseInSlices one slice at a time: yields after each slice. */
function* sliceSteps(text: string, target: number): Generator<void, ParsedDocument | undefined> {
  const cuts = [0];
  // Cuts between two items of a tight ordered list (see tightCut), by index in `cuts`.
  const tight = new Set<number>();
  for (let nl = text.indexOf('\n'), scanned = 0; nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    // A BOM counts as the start of a document for micromark: never at the start of a slice.
    if (text.charCodeAt(nl + 1) === 0xfeff) continue;
    if (safeStart(text, nl + 1)) cuts.push(nl + 1);
    else if (tightCut(text, nl + 1)) {
      tight.add(cuts.length);
      cuts.push(nl + 1);
    }
    if (nl - scanned > CUT_SCAN_STEP) {
      scanned = nl;
      yield;
    }
  }
  const n = cuts.length;
  const endOf = (k: number) => (k < n ? cuts[k] : text.length);
  // Whether each piece could hold GFM, found as the slices reach it.
  const gfmOf: (boolean | undefined)[] = [];
  const gfm = (k: number) => (gfmOf[k] ??= mayHoldGfm(text.slice(cuts[k], endOf(k + 1))));
  const pieces: { start: number; end: number; units: BlockFacts[]; starts: number[] }[] = [];
  const found = newFound();
  // The longest slice to parse next. The first is small, and then each is as long as was
  // parsed and read in STEP_BUDGET_MS last time, up to `target`: a server that has just
  // started runs remark uncompiled, several times slower, and one step of it should not block
  // for long; a warm one parses `target` in less than the budget. (How a text is cut does
  // not change its units: every cut is a safe boundary.)
  let limit = Math.min(target, FIRST_SLICE);
  for (let j = 0; j < n; ) {
    let k = j + 1;
    while (k < n && gfm(k) === gfm(j) && endOf(k + 1) - cuts[j] <= limit) k++;
    for (;;) {
      const slice = detach(text.slice(cuts[j], endOf(k)));
      const began = performance.now();
      const root = parseMarkdown(slice, 'auto');
      if (isTooComplex(root)) return undefined;
      const sliceUnits: BlockFacts[] = [];
      const sliceStarts: number[] = [];
      // Definitions are taken from an attempt only once it is kept (a slice that grows is
      // parsed again, and what it read before may not be definitions in the whole text).
      const attempt = newFound();
      unitsOf(root, slice, 0, sliceUnits, sliceStarts, attempt);
      // The step's length is the parse and the reading of its units together.
      const took = performance.now() - began;
      limit = Math.min(target, Math.max(FIRST_SLICE, Math.floor((slice.length * STEP_BUDGET_MS) / Math.max(took, 0.01))));
      const open =
        (j === 0 && brokenFrontMatter(slice, root)) ||
        (k < n && runsIntoEnd(root, slice)) ||
        (tight.has(k) && !continuesList(root, slice, text, cuts[k]));
      if (open) {
        if (k >= n) return undefined;
        // Twice as many pieces each time: a long fence with blank lines stays linear.
        k = Math.min(n, j + 2 * (k - j));
        continue;
      }
      pieces.push({ start: cuts[j], end: endOf(k), units: sliceUnits, starts: sliceStarts });
      for (const label of attempt.labels) found.labels.add(label);
      break;
    }
    j = k;
    yield;
  }
  // With definitions found, the slices that could hold a reference are parsed again knowing
  // them all (definitions.ts), and the units holding definitions taken from that parse.
  let definitions: Definitions | undefined;
  if (found.labels.size > 0) {
    const labels = labelsText(found);
    const again = newFound();
    for (const piece of pieces) {
      const slice = detach(text.slice(piece.start, piece.end));
      if (!mayHoldReference(slice)) continue;
      const root = parseWithDefinitions(slice, labels);
      if (!root || isTooComplex(root)) return undefined;
      piece.units = [];
      piece.starts = [];
      unitsOf(root, slice, 0, piece.units, piece.starts, again);
      yield;
    }
    definitions = { units: again.units, text: labels };
  }
  const units: BlockFacts[] = [];
  const starts: number[] = [];
  for (const piece of pieces) {
    for (let i = 0; i < piece.units.length; i++) {
      units.push(piece.units[i]);
      starts.push(piece.starts[i] + piece.start);
    }
  }
  return { text, units, starts, lines: new LineIndex(text), derived: new Map(), global: false, ...(definitions ? { definitions } : {}) };
}

function isTooComplex(root: Root): boolean {
  return !!(root.data as { tooComplex?: boolean } | undefined)?.tooComplex;
}

/**
 * A document that opens with `---` but whose front matter never closes: remark then reads
 * no list anywhere in the document (a quirk of the front matter extension), so nothing can
 * be parsed apart from the rest.
 */
function brokenFrontMatter(text: string, root: Root): boolean {
  return /^\uFEFF?---/.test(text) && root.children[0]?.type !== 'yaml';
}

/** The units of a parsed slice, with their starts (the slice starts at `base` in the document). */
function unitsOf(root: Root, text: string, base: number, units: BlockFacts[], starts: number[], found?: Found): void {
  const from = starts.length;
  let after = 0;
  for (const node of root.children) {
    const first = units.length;
    analyseNode(node, text, units, starts, after);
    after = node.position?.end.offset ?? after;
    if (found && definitionsIn(node, found.labels)) {
      for (let i = first; i < units.length; i++) found.units.add(units[i]);
    }
  }
  if (base !== 0) for (let i = from; i < starts.length; i++) starts[i] += base;
}

/** The units holding definitions, and the definitions written out, found while parsing. */
interface Found {
  units: Set<BlockFacts>;
  /** Each label once: a report with hundreds of footnotes appends each to a slice once. */
  labels: Set<string>;
}

function newFound(): Found {
  return { units: new Set(), labels: new Set() };
}

function labelsText(found: Found): string {
  return [...found.labels].join('');
}

function definitionsField(found: Found): { definitions?: Definitions } {
  return found.labels.size > 0 ? { definitions: { units: found.units, text: labelsText(found) } } : {};
}

/**
 * Apply changes given in old-text offsets (non-overlapping, any order) to a document's text.
 */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const c of sorted) {
    if (c.start < at) throw new Error(`overlapping changes at ${c.start}`);
    out += text.slice(at, c.start) + c.text;
    at = c.end;
  }
  return out + text.slice(at);
}

/** The one range where two texts differ (common prefix and suffix removed). */
export function diffRange(oldText: string, newText: string): ChangedRange | undefined {
  if (oldText === newText) return undefined;
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  return { start: p, oldEnd: oldText.length - s, newEnd: newText.length - s };
}

/**
 * Accumulates changes given one after another (each in the offsets of the text the previous
 * ones produced, as LSP sends them) into disjoint ranges of the original text.
 */
export class ChangeLog {
  /** Sorted, disjoint; each maps [oldStart, oldEnd) of the original to [newStart, newEnd) now. */
  readonly ranges: { oldStart: number; oldEnd: number; newStart: number; newEnd: number }[] = [];

  add(start: number, end: number, length: number): void {
    const r = this.ranges;
    const delta = length - (end - start);
    // First range touching or after `start`, last range touching `end`.
    let i = 0;
    while (i < r.length && r[i].newEnd < start) i++;
    let j = i;
    while (j < r.length && r[j].newStart <= end) j++;
    // Offset difference (new - old) before range i.
    const before = i > 0 ? r[i - 1].newEnd - r[i - 1].oldEnd : 0;
    let merged;
    if (i === j) {
      merged = { oldStart: start - before, oldEnd: end - before, newStart: start, newEnd: start + length };
    } else {
      const first = r[i];
      const last = r[j - 1];
      const after = last.newEnd - last.oldEnd;
      const newStart = Math.min(start, first.newStart);
      const oldStart = start < first.newStart ? start - before : first.oldStart;
      const curEnd = Math.max(end, last.newEnd);
      const oldEnd = end > last.newEnd ? end - after : last.oldEnd;
      merged = { oldStart, oldEnd, newStart, newEnd: curEnd + delta };
    }
    r.splice(i, j - i, merged);
    for (let k = i + 1; k < r.length; k++) {
      r[k].newStart += delta;
      r[k].newEnd += delta;
    }
  }
}

/**
 * Update a parsed document to `newText`, given the ranges that changed (disjoint, in
 * old-text order; `diffRange` finds one when they are not known). Returns units equal to
 * those of `parseDocument(newText)`.
 */
export function updateDocument(
  prev: ParsedDocument,
  newText: string,
  changed?: readonly ChangedRange[],
  options: { tight?: boolean } = {},
): UpdateResult {
  const tight = options.tight ?? true;
  const full = (): UpdateResult => ({
    doc: { ...parseDocument(newText), derived: new Map(prev.derived) },
    reparsed: [{ start: 0, end: newText.length }],
    full: true,
  });
  if (changed === undefined) {
    const one = diffRange(prev.text, newText);
    changed = one ? [one] : [];
  }
  if (changed.length === 0) {
    return { doc: { ...prev, text: newText, lines: new LineIndex(newText, prev.lines.lineStarts), derived: new Map(prev.derived) }, reparsed: [], full: false };
  }
  if (prev.global) return full();
  const { units, starts, definitions } = prev;
  if (units.length === 0) return full();
  // Letters typed inside a word: the unit's facts follow without a parse (typedInWord.ts).
  const typed = changed.length === 1 && !definitions ? typedInWord(units, starts, prev.text, newText, changed[0]) : undefined;
  if (typed) {
    const doc = { text: newText, ...typed, lines: LineIndex.updated(prev.lines, newText, changed), derived: new Map(prev.derived), global: false };
    return { doc, reparsed: [], full: false };
  }

  // Each change -> the run of old units [k, m) it touches: k the last unit starting at or
  // before the change, m the first unit after k starting at or after its end.
  const runs: { k: number; m: number }[] = [];
  for (const c of changed) {
    const k = lastAtOrBefore(starts, c.start);
    const m = firstStartingAtOrAfter(starts, Math.max(c.oldEnd, starts[k] + 1), k + 1);
    runs.push({ k, m });
  }
  const mapOld = makeMapper(changed);
  // Grow each run to safe boundaries (checked in the new text), merging runs that meet.
  let merged = mergeRuns(runs);
  for (;;) {
    for (const run of merged) {
      while (
        run.k > 0 &&
        (indentedCode(prev, run.k - 1) || !safeStart(newText, mapOld(starts[run.k]))) &&
        !(tight && tightStart(prev, run.k, changed))
      )
        run.k--;
      while (
        run.m < units.length &&
        (indentedCode(prev, run.m - 1) || !safeEnd(newText, mapOld(starts[run.m])) || !safeEnd(prev.text, starts[run.m])) &&
        !(tight && tightEnd(prev, run.m, newText, mapOld))
      )
        run.m++;
    }
    const again = mergeRuns(merged);
    if (again.length === merged.length) break;
    merged = again;
  }

  const out: BlockFacts[] = [];
  const outStarts: number[] = [];
  const reparsed: Span[] = [];
  let next = 0; // next old unit to keep
  // Units between runs are kept as they are; only their starts move (by the shift of the
  // changes before them, the same for the whole stretch).
  const keepUpTo = (limit: number) => {
    if (next >= limit) return;
    const delta = mapOld(starts[next]) - starts[next];
    for (; next < limit; next++) {
      out.push(units[next]);
      outStarts.push(starts[next] + delta);
    }
  };
  for (const run of merged) {
    keepUpTo(run.k);
    // An edit of a definition may change which references resolve anywhere.
    if (definitions) for (let u = run.k; u < run.m; u++) if (definitions.units.has(units[u])) return full();
    const start = run.k === 0 ? 0 : mapOld(starts[run.k]);
    const end = run.m >= units.length ? newText.length : mapOld(starts[run.m]);
    const slice = detach(newText.slice(start, end));
    if (start > 0 && (slice.startsWith('---') || slice.charCodeAt(0) === 0xfeff)) return full();
    const root = parseWithDefinitions(slice, definitions?.text);
    if (!root || definitionsIn(root) || isTooComplex(root)) return full();
    // Front matter may close anywhere: it must have closed inside the slice.
    if (start === 0 && brokenFrontMatter(slice, root)) return full();
    if (end < newText.length) {
      if (safeEnd(newText, end)) {
        if (runsIntoEnd(root, slice)) return full();
      } else if (!continuesList(root, slice, newText, end)) {
        // The slice no longer ends in the list the next item belongs to: cut at blank lines only.
        return tight ? updateDocument(prev, newText, changed, { tight: false }) : full();
      }
    }
    unitsOf(root, slice, start, out, outStarts);
    reparsed.push({ start, end });
    next = run.m;
  }
  keepUpTo(units.length);
  return {
    doc: {
      text: newText,
      units: out,
      starts: outStarts,
      lines: LineIndex.updated(prev.lines, newText, changed),
      derived: new Map(prev.derived),
      global: false,
      ...(definitions ? { definitions } : {}),
    },
    reparsed,
    full: false,
  };
}

function mergeRuns(runs: { k: number; m: number }[]): { k: number; m: number }[] {
  const merged: { k: number; m: number }[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && run.k <= last.m) last.m = Math.max(last.m, run.m);
    else merged.push({ ...run });
  }
  return merged;
}

function firstStartingAtOrAfter(starts: number[], offset: number, from: number): number {
  let lo = from;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * old offset -> new offset, for offsets not inside a changed range. An insertion at the
 * offset itself counts as after it (the offset is where the inserted text begins).
 */
function makeMapper(changed: readonly ChangedRange[]): (offset: number) => number {
  // newEnd is an offset in the new text: newEnd - oldEnd is the shift after the range.
  const deltas = changed.map((c) => c.newEnd - c.oldEnd);
  return (offset) => {
    // Number of changes lying before the offset.
    let lo = 0;
    let hi = changed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = changed[mid];
      if (c.oldEnd < offset || (c.oldEnd === offset && c.start < offset)) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? offset : offset + deltas[lo - 1];
  };
}

/**
 * Indented code (a block starting with white space that is not a list or a paragraph): after
 * it and blank lines, micromark parses the next line as if it interrupted the code (an
 * ordered list must then start at 1), so what follows it depends on it.
 */
function indentedCode(doc: ParsedDocument, i: number): boolean {
  const unit = doc.units[i];
  if (!unit || unit.kind !== 'other') return false;
  const c = doc.text.charCodeAt(doc.starts[i]);
  return isBlankChar(c);
}

/* Tight lists: items with no blank line between them. Each item is a unit of its own, and
 * a line at column 0 with the list's marker always starts the next item of an open list
 * (micromark tries the list's continuation, a sibling item, before anything else), so an
 * edit inside one item of a long tight list re-parses that item only:
 *   - start of a slice, between two items: the item's line is unchanged up to and including
 *     the first character of its text (so it starts an item just as it did);
 *   - end of a slice, before an item at column 0: after parsing, the slice must end inside a
 *     top-level list whose marker is the next item's (checked by `continuesList`).
 */

function tightStart(prev: ParsedDocument, k: number, changed: readonly ChangedRange[]): boolean {
  const unit = prev.units[k];
  const before = prev.units[k - 1];
  if (unit.kind !== 'item' || before?.kind !== 'item') return false;
  const p = prev.starts[k];
  if (!lineStartCol0(prev.text, p)) return false;
  // First character of the item's text, on the marker's line, not white space.
  const item = unit.item;
  let t = p + (item.kind === 'ordered' ? (item.numberSpan?.end ?? 0) + 1 : (item.bulletSpan?.end ?? 0));
  while (t < prev.text.length && isBlankChar(prev.text.charCodeAt(t))) t++;
  if (t >= prev.text.length || isBreak(prev.text.charCodeAt(t))) return false;
  // No change before or at that character.
  for (const c of changed) {
    if (c.oldEnd < p && c.start < p) continue;
    return c.start > t;
  }
  return true;
}

function tightEnd(prev: ParsedDocument, m: number, newText: string, mapOld: (o: number) => number): boolean {
  const unit = prev.units[m];
  const before = prev.units[m - 1];
  if (unit.kind !== 'item' || before?.kind !== 'item') return false;
  return lineStartCol0(newText, mapOld(prev.starts[m]));
}
