import type { NumberedParagraph, ReportModel } from '../model/types.js';
import type { TextEdit } from '../checks/types.js';
import { buildModel } from '../model/buildModel.js';
import { ProfileRegistry } from '../profiles/registry.js';
import { applyEdits } from './applyEdits.js';

type Plan = (model: ReportModel, numbers: Map<number, number>) => { edits: TextEdit[]; numbers: Map<number, number> };

/**
 * A renumber must not change which numbers in the text are paragraph numbers. It can: a
 * number inside unnumbered text is read as a stray paragraph number only between numbered
 * paragraphs A < n < B (model/strays.ts), so new numbers around it can make one of it (1, a
 * paragraph that must keep "1", "More text\n2. Text", 1 → renumbered 3: "2." is now a stray
 * between 1 and 3), or stop reading one as such — and renumbering again would then change
 * more. With numbers 1, 2, 3 … in a part no number fits between two neighbours, so that
 * happens only where the new numbers skip (beside a paragraph that keeps its number) or where
 * a part ends just after a stray: only then is the edited text read again, and the paragraphs
 * around the first place it is read differently keep their numbers, until it reads the same.
 */
export function keepingStrays(model: ReportModel, wanted: Map<number, number>, plan: Plan): TextEdit[] {
  let numbers = wanted;
  for (;;) {
    const planned = plan(model, numbers);
    if (!mayMoveStrays(model, planned.numbers)) return planned.edits;
    const after = rebuild(model, applyEdits(model.text, planned.edits));
    const at = firstDifference(model.paragraphs, after.paragraphs, planned.edits);
    if (at === undefined) return planned.edits;
    const keep = [at - 1, at, at + 1].filter((i) => planned.numbers.has(i) && planned.numbers.get(i) !== model.paragraphs[i]?.number);
    // Nothing left to keep there (a cross-reference's new digits made the difference): the
    // renumber stands as it is.
    if (!keep.length) return planned.edits;
    numbers = new Map([...planned.numbers].filter(([i]) => !keep.includes(i)));
  }
}

/** Whether the new numbers leave room for a stray to appear or go: see keepingStrays. */
function mayMoveStrays(model: ReportModel, numbers: Map<number, number>): boolean {
  const ps = model.paragraphs;
  const numberOf = (i: number) => numbers.get(i) ?? ps[i].number;
  for (let i = 1; i < ps.length; i++) {
    // Text between two paragraphs whose numbers both stay is read as it was.
    if (numberOf(i) === ps[i].number && numberOf(i - 1) === ps[i - 1].number) continue;
    if (ps[i].part === ps[i - 1].part ? numberOf(i) !== numberOf(i - 1) + 1 : ps[i - 1].form === 'stray') return true;
  }
  return false;
}

/** The model of the renumbered text, read with the same profile. */
function rebuild(model: ReportModel, text: string): ReportModel {
  const { profile } = model.framework;
  const registry = new ProfileRegistry([{ file: profile.id, data: profile }]);
  return buildModel(model.uri, model.version, text, { registry, frameworkOverride: profile.id });
}

/** Index of the first paragraph that is not where the edits moved it, or not of the same form. */
function firstDifference(before: NumberedParagraph[], after: NumberedParagraph[], edits: TextEdit[]): number | undefined {
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const b = before[i];
    const a = after[i];
    if (!a || !b || a.form !== b.form || a.span.start !== moved(b.span.start, edits)) return i;
  }
  return undefined;
}

/** Where an offset of the text before the edits is after them (an offset no edit spans). */
function moved(offset: number, edits: TextEdit[]): number {
  let shift = 0;
  for (const e of edits) {
    if (e.span.end > offset) break;
    shift += e.newText.length - (e.span.end - e.span.start);
  }
  return offset + shift;
}
