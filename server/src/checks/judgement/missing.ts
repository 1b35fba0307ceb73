import type { Check, Finding } from '../types.js';
import { areaName } from './describe.js';

/**
 * judgement/missing: an area the profile requires has no grade in the summary, or no
 * section in the body. Only for documents that state at least one grade (a report, not notes).
 */
export const missingCheck: Check = {
  id: 'judgement-missing',
  codes: { 'judgement/missing': 'warning' },
  run(model) {
    if (model.judgements.length === 0) return [];
    const profile = model.framework.profile;
    const summary = model.judgements.filter((j) => j.summary);
    const out: Finding[] = [];
    // Where to point: the summary's grade table (its first row), else its first statement.
    const anchor = (summary.find((j) => j.kind === 'table') ?? summary[0] ?? model.judgements[0]).span;
    for (const area of profile.judgements) {
      // An area graded with a word off the scale is reported as unknown-grade, not as missing.
      const misgraded = model.unknownGrades.some((u) => u.area === area.id);
      if (area.requiredInSummary && summary.length > 0 && !misgraded && !summary.some((j) => j.area === area.id)) {
        out.push({ code: 'judgement/missing', span: anchor, message: `The summary gives no grade for ${areaName(model, area.id)}.`, data: { area: area.id, where: 'summary' } });
      }
      const graded = model.judgements.some((j) => j.area === area.id);
      const hasSection = model.sections.some((s) => s.area === area.id && s.role === 'judgement');
      if (area.requiredInBody && graded && !hasSection) {
        const first = model.judgements.find((j) => j.area === area.id)!;
        out.push({ code: 'judgement/missing', span: first.span, message: `${areaName(model, area.id)} is graded but has no section in the body that discusses it.`, data: { area: area.id, where: 'body' } });
      }
    }
    return out;
  },
};
