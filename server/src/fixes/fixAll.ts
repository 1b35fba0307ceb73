import type { ReportModel } from '../model/types.js';
import type { TextEdit } from '../checks/types.js';
import { applyEdits, diffEdits } from './applyEdits.js';
import { allLegacyEdits } from '../checks/numbering/legacyBullet.js';
import { strayCheck } from '../checks/numbering/stray.js';
import { renumberAll } from './renumber.js';

/**
 * Every safe fix, applied in rounds because each changes what the next sees: first the
 * structural ones (stray numbers moved to the start, bulleted numbers unbulleted), then
 * renumbering the whole report with its cross-references. Returns the final text and the
 * minimal edits from the original.
 */
export function fixAll(text: string, build: (text: string) => ReportModel): { text: string; edits: TextEdit[] } {
  let current = text;
  const rounds: ((m: ReportModel) => TextEdit[])[] = [structuralEdits, renumberAll];
  for (const round of rounds) {
    const model = build(current);
    const edits = round(model);
    if (edits.length) current = applyEdits(current, edits);
  }
  return { text: current, edits: diffEdits(text, current) };
}

function structuralEdits(model: ReportModel): TextEdit[] {
  const strays = model.fragments.flatMap((f, i) =>
    f.stray ? (strayCheck.fixes!(model, { code: 'numbering/stray', severity: 'warning', span: f.stray.span, message: '', data: { fragment: i } }, { settings: {} })[0]?.edits ?? []) : [],
  );
  return [...strays, ...allLegacyEdits(model)];
}
