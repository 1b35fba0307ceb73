import type { ReportModel } from '../model/types.js';
import { idealNumbers, numberingVerdicts } from '../model/numbering.js';
import type { TextEdit } from '../checks/types.js';
import { numberEdits } from './markerWidth.js';
import { lineStartOf } from './lines.js';
import { keepListItems, type ListLine } from './listStart.js';
import { perModel } from '../model/perModel.js';
import { keepingStrays } from './keepStrays.js';

/**
 * Edits that give paragraphs new numbers and keep every cross-reference pointing at the same
 * paragraph. Only the digits change, except where the document would otherwise be read
 * differently: a marker gaining or losing a digit moves the column the lines under it are read
 * against (markerWidth.ts: then the spaces after that marker, a leading zero, or the
 * indentation of that paragraph's lines change), and a list that starts at 1 right after a
 * line of prose needs a blank line before it to start at any other number (listStart.ts; a
 * paragraph that no edit can keep a list item, after top-level indented code, keeps its
 * number). `numbers` maps paragraph index -> new number (absent: unchanged).
 */
export function renumberEdits(model: ReportModel, numbers: Map<number, number>): TextEdit[] {
  return renumberPlan(model, numbers).edits;
}

/** renumberEdits, with the numbers it gives (without the paragraphs that keep theirs). */
export function renumberPlan(model: ReportModel, numbers: Map<number, number>): { edits: TextEdit[]; numbers: Map<number, number> } {
  const edits: TextEdit[] = [];
  const starts: (ListLine & { index: number })[] = [];
  for (const [index, value] of numbers) {
    const p = model.paragraphs[index];
    if (p.number === value) continue;
    edits.push(...numberEdits(model.text, p, value));
    // A list that starts at 1 may be one only because 1 may interrupt the line before it (and
    // a legacy `- 1.` may hold a list only because 1 may start one where its text is read).
    if (p.form !== 'stray' && model.text.slice(p.numberSpan.start, p.numberSpan.end) === '1') {
      const nested = p.form === 'legacy-bullet';
      starts.push({ lineStart: lineStartOf(model.text, nested ? p.span.start : p.numberSpan.start), digits: String(value), index, ...(nested ? { nested } : {}) });
    }
  }
  const targets = referenceTargets(model);
  // A number can be both a paragraph's and a reference's ("paragraph 49 - 119. The Board…",
  // where 119 is a stray paragraph number): edit it once, as the paragraph's.
  const numberStarts = new Set(model.paragraphs.map((p) => p.numberSpan.start));
  for (const ref of model.references) {
    for (const n of ref.numbers) {
      if (numberStarts.has(n.span.start)) continue;
      const target = targets.resolve(n.value, ref.inParagraph);
      if (target === undefined) continue;
      const value = numbers.get(target);
      if (value !== undefined && value !== n.value) edits.push({ span: n.span, newText: String(value) });
    }
  }
  edits.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  if (!starts.length) return { edits, numbers };
  const checked = keepListItems(model, edits, starts);
  if (!checked.impossible.length) return { edits: checked.edits, numbers };
  // Where no edit keeps it a list item, the paragraph keeps its number (and its references).
  const keep = new Set(starts.filter((s) => checked.impossible.includes(s.lineStart)).map((s) => s.index));
  return renumberPlan(model, new Map([...numbers].filter(([index]) => !keep.has(index))));
}

/** Renumber every paragraph 1, 2, 3 … (per part). */
export function renumberAll(model: ReportModel): TextEdit[] {
  const ideal = idealNumbers(model.paragraphs);
  return keepingStrays(model, new Map(ideal.map((n, i) => [i, n])), renumberPlan);
}

/** Renumber paragraph `from` to its expected number, and every later one after it. */
export function renumberFrom(model: ReportModel, from: number): TextEdit[] {
  const verdicts = numberingVerdicts(model);
  const numbers = new Map<number, number>();
  let n = verdicts[from].expected - 1;
  let part = model.paragraphs[from].part;
  for (let i = from; i < model.paragraphs.length; i++) {
    const p = model.paragraphs[i];
    if (p.part !== part) {
      part = p.part;
      n = 0;
    }
    numbers.set(i, ++n);
  }
  return keepingStrays(model, numbers, renumberPlan);
}

/** Renumber only paragraph `index`, to the number the paragraphs before it lead to expect. */
export function renumberOne(model: ReportModel, index: number): TextEdit[] {
  return renumberEdits(model, new Map([[index, numberingVerdicts(model)[index].expected]]));
}

/**
 * Which paragraph a cited number means: the first paragraph carrying it in the citing
 * paragraph's part, else the first anywhere. (With duplicates, the earlier one: the later is
 * the one reported as the duplicate.)
 */
export interface ReferenceTargets {
  /** The paragraph a reference to `value` inside paragraph `inParagraph` (-1: outside any) points to. */
  resolve(value: number, inParagraph: number): number | undefined;
}

const TARGETS = Symbol('referenceTargets');

/**
 * The model's ReferenceTargets, made once per model (the trace and the broken-reference check
 * both ask on every keystroke), keyed by numbers rather than strings built per paragraph.
 */
export function referenceTargets(model: ReportModel): ReferenceTargets {
  return perModel(model, TARGETS, () => {
    // Made on the first reference resolved: most keystrokes' models resolve none.
    let byPart: Map<number, Map<number, number>> | undefined;
    const any = new Map<number, number>();
    const index = () => {
      byPart = new Map();
      model.paragraphs.forEach((p, i) => {
        let inPart = byPart!.get(p.part);
        if (!inPart) byPart!.set(p.part, (inPart = new Map()));
        if (!inPart.has(p.number)) inPart.set(p.number, i);
        if (!any.has(p.number)) any.set(p.number, i);
      });
      return byPart;
    };
    return {
      resolve(value: number, inParagraph: number): number | undefined {
        const part = inParagraph >= 0 ? model.paragraphs[inParagraph].part : 0;
        return (byPart ?? index()).get(part)?.get(value) ?? any.get(value);
      },
    };
  });
}
