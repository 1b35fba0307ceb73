import type { Check } from '../types.js';
import { numberingVerdicts } from '../../model/numbering.js';
import { renumberingFixes } from './paragraphFixes.js';

/** numbering/gap: a paragraph number skips ahead (expected 27, found 29). */
export const gapCheck: Check = {
  id: 'numbering-gap',
  codes: { 'numbering/gap': 'error' },
  run(model) {
    return numberingVerdicts(model).flatMap((v, i) => {
      if (v.issue !== 'gap') return [];
      const p = model.paragraphs[i];
      const missing = p.number - v.expected === 1 ? `${v.expected} is missing` : `${v.expected} to ${p.number - 1} are missing`;
      // Unnumbered paragraphs just before it are the likely missing ones: say where.
      const lost = model.fragments.filter((f) => f.next === i && !f.stray);
      const hint = lost.length
        ? `; the unnumbered ${lost.length === 1 ? 'paragraph' : 'paragraphs'} at line ${lost.map((f) => model.lines.lineAt(f.span.start) + 1).join(', ')} may have lost ${lost.length === 1 ? 'it' : 'them'}`
        : '';
      return [{
        code: 'numbering/gap',
        span: p.numberSpan,
        message: `Paragraph numbering skips: expected ${v.expected}, found ${p.number} (${missing}${hint}).`,
        data: { paragraph: i, expected: v.expected, found: p.number },
      }];
    });
  },
  fixes: renumberingFixes,
};
