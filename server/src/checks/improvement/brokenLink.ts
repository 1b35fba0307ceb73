import type { Check } from '../types.js';
import { traceOf } from '../../trace/trace.js';
import { improvementLabel } from './label.js';

/** improvement/broken-link: an improvement cites a paragraph that is not a finding, or does not exist. */
export const brokenLinkCheck: Check = {
  id: 'improvement-broken-link',
  codes: { 'improvement/broken-link': 'error' },
  run(model) {
    return traceOf(model).improvements.flatMap((imp) =>
      imp.citations
        .filter((c) => !c.isFinding)
        .map((c) => ({
          code: 'improvement/broken-link',
          span: c.span,
          message: c.target === undefined
            ? `${capitalise(improvementLabel(imp))} cites paragraph ${c.number}, which does not exist.`
            : `${capitalise(improvementLabel(imp))} cites paragraph ${c.number}, which is not a finding (it is not in a judgement section or the summary).`,
        })),
    );
  },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
