import type { Check } from '../types.js';
import { numberingVerdicts } from '../../model/numbering.js';
import { renumberingFixes } from './paragraphFixes.js';

/** numbering/order: a paragraph number goes backwards. */
export const orderCheck: Check = {
  id: 'numbering-order',
  codes: { 'numbering/order': 'error' },
  run(model) {
    return numberingVerdicts(model).flatMap((v, i) => {
      if (v.issue !== 'order') return [];
      const p = model.paragraphs[i];
      const previous = i > 0 ? model.paragraphs[i - 1].number : undefined;
      return [{
        code: 'numbering/order',
        span: p.numberSpan,
        message: `Paragraph numbering goes backwards: ${p.number} comes after ${previous ?? 'the start'}; expected ${v.expected}.`,
        data: { paragraph: i, expected: v.expected, found: p.number },
      }];
    });
  },
  fixes: renumberingFixes,
};
