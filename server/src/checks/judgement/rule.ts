import type { Check, Finding } from '../types.js';
import type { JudgementRule } from '../../profiles/types.js';
import { gradesByArea } from '../../model/gradeSummary.js';
import { areaName, gradeLabel } from './describe.js';

/**
 * judgement/rule: the profile's rules between judgements. Semantics (ranks: 1 = best), with
 * areas the report does not grade ignored:
 * - if-any-then: any of `areas` graded in `when` ⇒ `target` graded in `then`;
 * - not-better-than: `target` no better than each of `areas`;
 * - not-better-than-all: `target` not better than every one of `areas`;
 * - not-worse-than-all: `target` not worse than every one of `areas`;
 * - requires-at-least: `target` graded in `when` ⇒ each of `areas` graded in `then`.
 */
export const ruleCheck: Check = {
  id: 'judgement-rule',
  codes: { 'judgement/rule': 'warning' },
  run(model) {
    const profile = model.framework.profile;
    const grades = gradesByArea(model);
    const rank = (grade: string) => profile.grades.find((g) => g.id === grade)?.rank ?? 0;
    const out: Finding[] = [];
    for (const rule of profile.rules ?? []) {
      const target = grades.get(rule.target);
      if (!target) continue;
      const others = rule.areas.map((a) => grades.get(a)).filter((g) => g !== undefined);
      if (others.length === 0) continue;
      const t = rank(target.reference);
      const ranks = others.map((o) => rank(o.reference));
      if (!broken(rule, target.reference, t, others.map((o) => o.reference), ranks)) continue;
      const context = others.map((o) => `${areaName(model, o.area)}: ${gradeLabel(model, o.reference)}`).join('; ');
      out.push({
        code: 'judgement/rule',
        span: target.referenceStatement.gradeSpan,
        message: `${rule.description} Here ${areaName(model, rule.target)} is ${gradeLabel(model, target.reference)} (${context}). [${rule.id}; ${rule.source}]`,
        related: others.map((o) => ({ span: o.referenceStatement.gradeSpan, message: `${areaName(model, o.area)}: ${gradeLabel(model, o.reference)}` })),
        data: { rule: rule.id },
      });
    }
    return out;
  },
};

function broken(rule: JudgementRule, targetGrade: string, t: number, grades: string[], ranks: number[]): boolean {
  switch (rule.kind) {
    case 'if-any-then':
      return grades.some((g) => rule.when?.includes(g)) && !rule.then?.includes(targetGrade);
    case 'not-better-than':
      return ranks.some((r) => t < r);
    case 'not-better-than-all':
      return ranks.every((r) => t < r);
    case 'not-worse-than-all':
      return ranks.every((r) => t > r);
    case 'requires-at-least':
      return !!rule.when?.includes(targetGrade) && grades.some((g) => !rule.then?.includes(g));
  }
}
