import type { Check } from '../types.js';
import { traceOf, SUPPORT_THRESHOLD } from '../../trace/trace.js';
import { cosine } from '../../trace/similarity.js';

/**
 * finding/unaddressed (off by default): a key weakness in the summary that no area for
 * improvement addresses (no improvement cites it or scores at the support threshold with it).
 */
export const unaddressedCheck: Check = {
  id: 'finding-unaddressed',
  codes: { 'finding/unaddressed': 'off' },
  run(model) {
    const trace = traceOf(model);
    if (trace.improvements.length === 0) return [];
    return trace.summaryFindings.flatMap((f) => {
      if (!f.weakness) return [];
      const v = trace.vectors.get(f)!;
      const addressed = trace.improvements.some(
        (imp) => imp.summaryFindings.some((l) => l.paragraph === f.paragraph && (l.explicit || l.score >= SUPPORT_THRESHOLD)) || cosine(trace.vectors.get(imp)!, v) >= SUPPORT_THRESHOLD,
      );
      if (addressed) return [];
      const line = model.lines.lineAt(f.span.start);
      return [{
        code: 'finding/unaddressed',
        span: { start: f.span.start, end: Math.min(f.span.end, model.lines.lineContentEnd(line)) },
        message: `Key weakness ${f.number ?? ''} is not addressed by any area for improvement.`.replace('  ', ' '),
      }];
    });
  },
};
