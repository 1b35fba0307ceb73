import type { Check } from '../types.js';
import { referenceTargets } from '../../fixes/renumber.js';

/** reference/broken: a cross-reference to a paragraph number that does not exist. */
export const brokenReferenceCheck: Check = {
  id: 'reference-broken',
  codes: { 'reference/broken': 'error' },
  run(model) {
    if (model.paragraphs.length === 0) return [];
    const targets = referenceTargets(model);
    return model.references.flatMap((ref) =>
      ref.numbers.flatMap((n) =>
        targets.resolve(n.value, ref.inParagraph) === undefined
          ? [{
              code: 'reference/broken',
              span: n.span,
              message: `Paragraph ${n.value} is cited but the report has no paragraph ${n.value}.`,
            }]
          : [],
      ),
    );
  },
};
