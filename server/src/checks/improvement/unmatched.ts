import type { Check, Fix } from '../types.js';
import { traceOf, SUPPORT_THRESHOLD } from '../../trace/trace.js';
import { citeEdit, type CitationStyle } from '../../trace/cite.js';
import { improvementLabel } from './label.js';

/**
 * improvement/unmatched: an area for improvement with no explicit citation of a finding and
 * no inferred finding at or above the support threshold. The message names the best
 * candidates with their scores; each is offered as "Cite paragraph N as evidence".
 */
export const unmatchedCheck: Check = {
  id: 'improvement-unmatched',
  codes: { 'improvement/unmatched': 'warning' },
  run(model) {
    return traceOf(model).improvements.flatMap((imp, i) => {
      if (imp.supported) return [];
      const best = imp.findings.slice(0, 3).map((l) => `paragraph ${l.number} (${l.score.toFixed(3)})`);
      const line = model.lines.lineAt(imp.span.start);
      return [{
        code: 'improvement/unmatched',
        span: { start: imp.span.start, end: Math.min(imp.span.end, model.lines.lineContentEnd(line)) },
        message: `No finding in the body supports ${improvementLabel(imp)} (threshold ${SUPPORT_THRESHOLD}). ${best.length ? `Best candidates: ${best.join(', ')}.` : 'No candidate shares its words.'}`,
        data: { improvement: i },
      }];
    });
  },
  fixes(model, diagnostic, context) {
    const index = diagnostic.data?.improvement;
    const imp = typeof index === 'number' ? traceOf(model).improvements[index] : undefined;
    if (!imp) return [];
    const style: CitationStyle = context.settings.citationStyle === 'comment' ? 'comment' : 'visible';
    return imp.findings.slice(0, 3).map((l, k): Fix => ({
      title: `Cite paragraph ${l.number} as evidence (score ${l.score.toFixed(3)})`,
      edits: [citeEdit(model, imp, l.number, style)],
      isPreferred: k === 0,
    }));
  },
};
