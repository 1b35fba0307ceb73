import type { Check, Fix } from '../types.js';
import type { ReportModel } from '../../model/types.js';
import { settleFixes, type LineFix } from '../../fixes/listStart.js';
import { lineStartOf } from '../../fixes/lines.js';

/**
 * numbering/legacy-bullet: `- 26. text`, a bullet whose text starts with a number (pasted
 * PDFs). It counts as paragraph 26; the fix removes the bullet so it is written `26. text`.
 */
export const legacyBulletCheck: Check = {
  id: 'numbering-legacy-bullet',
  codes: { 'numbering/legacy-bullet': 'warning' },
  run(model) {
    return model.paragraphs.flatMap((p, i) =>
      p.form === 'legacy-bullet' && p.bulletSpan
        ? [{
            code: 'numbering/legacy-bullet',
            span: { start: p.bulletSpan.start, end: p.numberSpan.end + 1 },
            message: `Paragraph ${p.number} is written as a bullet ("- ${p.number}."); write it as a numbered paragraph ("${p.number}. ").`,
            data: { paragraph: i },
          }]
        : [],
    );
  },
  fixes(model, diagnostic) {
    const index = diagnostic.data?.paragraph;
    if (typeof index !== 'number') return [];
    const fixes: Fix[] = [];
    const one = legacyFix(model, index);
    const settled = one ? settleFixes(model, [one]) : undefined;
    if (settled && !settled.left.length) {
      fixes.push({ title: `Write paragraph ${model.paragraphs[index].number} as a numbered paragraph`, edits: settled.edits, isPreferred: true, safe: true });
    }
    const every = legacyFixes(model);
    const all = settleFixes(model, every);
    if (every.length - all.left.length > 1) fixes.push({ title: 'Write every bulleted paragraph number as a numbered paragraph', edits: all.edits, safe: true });
    return fixes;
  },
};

/**
 * Deleting the bullet marker (and its spaces) is the edit; the line must then read as a
 * numbered paragraph (`N. text` right after a line of prose is more of that prose unless N is
 * 1: then a blank line goes before it; see fixes/listStart.ts).
 */
function legacyFix(model: ReportModel, index: number): LineFix | undefined {
  const p = model.paragraphs[index];
  if (p?.form !== 'legacy-bullet' || !p.bulletSpan) return undefined;
  return {
    edits: [{ span: p.bulletSpan, newText: '' }],
    line: { lineStart: lineStartOf(model.text, p.bulletSpan.start), digits: model.text.slice(p.numberSpan.start, p.numberSpan.end) },
  };
}

/** The unbulleting of every legacy paragraph, unchecked (settleFixes checks them together with other fixes). */
export function legacyFixes(model: ReportModel): LineFix[] {
  return model.paragraphs.flatMap((_, i) => legacyFix(model, i) ?? []);
}
