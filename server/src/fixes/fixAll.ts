import type { ReportModel } from '../model/types.js';
import type { TextEdit } from '../checks/types.js';
import { applyEdits, diffEdits } from './applyEdits.js';
import { legacyFixes } from '../checks/numbering/legacyBullet.js';
import { strayFix } from '../checks/numbering/stray.js';
import { settleFixes } from './listStart.js';
import { renumberAll } from './renumber.js';

/**
 * Every safe fix, applied in rounds because each changes what the next sees: first the
 * structural ones (stray numbers moved to the start, bulleted numbers unbulleted), then
 * renumbering the whole report with its cross-references; and again while a pass changes
 * something (at most three passes), since renumbering can make a fix possible that was not
 * (a bullet `- 0.` after indented code cannot be unbulleted, `- 1.` can). Returns the final
 * text and the minimal edits from the original.
 */
export function fixAll(text: string, build: (text: string) => ReportModel): { text: string; edits: TextEdit[] } {
  let current = text;
  for (let pass = 0; pass < 3; pass++) {
    const structural = structuralEdits(build(current));
    if (structural.length) current = applyEdits(current, structural);
    const model = build(current);
    const renumbered = renumberAll(model);
    if (renumbered.length) current = applyEdits(current, renumbered);
    if (!structural.length && !renumbered.length) break;
    // Renumbering moves only numbers, so it makes no new bullets or strays: a further pass
    // can find something only when this one left a bulleted number or a stray unfixed. (Not
    // checking would parse the renumbered report once more: on a long report, most of the
    // time a fix-all takes.)
    if (!model.paragraphs.some((p) => p.form === 'legacy-bullet' || p.form === 'stray')) break;
  }
  return { text: current, edits: diffEdits(text, current) };
}

/** Stray numbers moved and bullets removed, checked together (fixes/listStart.ts). */
function structuralEdits(model: ReportModel): TextEdit[] {
  const strays = model.fragments.flatMap((_, i) => strayFix(model, i) ?? []);
  return settleFixes(model, [...strays, ...legacyFixes(model)]).edits;
}
