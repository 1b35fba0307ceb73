import type { Check, Fix, TextEdit } from '../types.js';
import type { ReportModel } from '../../model/types.js';

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
    const all = allLegacyEdits(model);
    const fixes: Fix[] = [];
    const one = legacyEdit(model, index);
    if (one) fixes.push({ title: `Write paragraph ${model.paragraphs[index].number} as a numbered paragraph`, edits: [one], isPreferred: true, safe: true });
    if (all.length > 1) fixes.push({ title: 'Write every bulleted paragraph number as a numbered paragraph', edits: all, safe: true });
    return fixes;
  },
};

/** Deleting the bullet marker (and its spaces) is the whole edit. */
function legacyEdit(model: ReportModel, index: number): TextEdit | undefined {
  const p = model.paragraphs[index];
  if (p?.form !== 'legacy-bullet' || !p.bulletSpan) return undefined;
  return { span: p.bulletSpan, newText: '' };
}

export function allLegacyEdits(model: ReportModel): TextEdit[] {
  return model.paragraphs.flatMap((_, i) => {
    const e = legacyEdit(model, i);
    return e ? [e] : [];
  });
}
