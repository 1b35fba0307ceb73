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
      return [{
        code: 'numbering/gap',
        span: p.numberSpan,
        message: `Paragraph numbering skips: expected ${v.expected}, found ${p.number} (${missing}).`,
        data: { paragraph: i, expected: v.expected, found: p.number },
      }];
    });
  },
  fixes: renumberingFixes,
};
