import type { Check } from '../types.js';
import { numberingVerdicts } from '../../model/numbering.js';
import { renumberingFixes } from './paragraphFixes.js';

/** numbering/duplicate: a number already used earlier in the same part (reported on the later). */
export const duplicateCheck: Check = {
  id: 'numbering-duplicate',
  codes: { 'numbering/duplicate': 'error' },
  run(model) {
    return numberingVerdicts(model).flatMap((v, i) => {
      if (v.issue !== 'duplicate') return [];
      const p = model.paragraphs[i];
      const first = model.paragraphs[v.duplicateOf!];
      const line = model.lines.positionAt(first.numberSpan.start).line + 1;
      return [{
        code: 'numbering/duplicate',
        span: p.numberSpan,
        message: `Paragraph number ${p.number} is used twice (first at line ${line}); expected ${v.expected}.`,
        related: [{ span: first.numberSpan, message: `Paragraph ${first.number} first used here` }],
        data: { paragraph: i, expected: v.expected, found: p.number },
      }];
    });
  },
  fixes: renumberingFixes,
};
