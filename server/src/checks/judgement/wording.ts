import type { Check, Finding } from '../types.js';
import type { ReportModel } from '../../model/types.js';
import { alternation, mask } from '../../model/phrases.js';
import { areaName, gradeLabel } from './describe.js';

/**
 * judgement/wording: a standard sentence that belongs to one grade ("There are no widespread
 * or serious failures…" goes with requires improvement) follows a statement of another grade.
 * The phrase is matched to the nearest statement before it in the same section (of the rule's
 * area, when the rule names one); prose with no statement before it in its section, such as
 * "What the inspection judgements mean", is not checked.
 */
export const wordingCheck: Check = {
  id: 'judgement-wording',
  codes: { 'judgement/wording': 'warning' },
  run(model) {
    const rules = model.framework.profile.wording ?? [];
    if (rules.length === 0 || model.judgements.length === 0) return [];
    const out: Finding[] = [];
    // Each block's text is masked once, not once per rule (this check ran in O(rules × text)
    // of masking: the slowest part of a keystroke on a long report).
    const blocks = [...model.prose.map((p) => ({ span: p.span, section: p.section })), ...model.paragraphs.map((p) => ({ span: p.span, section: p.section }))].map(
      (b) => ({ ...b, source: mask(model.text.slice(b.span.start, b.span.end)) }),
    );
    for (const rule of rules) {
      const re = new RegExp(`(?<![\\w-])(?:${alternation([rule.phrase])})(?![\\w-])`, 'gi');
      for (const block of blocks) {
        const source = block.source;
        re.lastIndex = 0;
        for (let m = re.exec(source); m; m = re.exec(source)) {
          const at = block.span.start + m.index;
          const statement = statementBefore(model, at, block.section, rule.area);
          if (!statement || rule.grades.includes(statement.grade)) continue;
          out.push({
            code: 'judgement/wording',
            span: { start: at, end: at + m[0].length },
            message: `"${m[0]}" is the wording for ${rule.grades.map((g) => gradeLabel(model, g)).join(' or ')}, but ${areaName(model, statement.area)} is graded ${gradeLabel(model, statement.grade)} at line ${model.lines.lineAt(statement.span.start) + 1}.${rule.source ? ` [${rule.source}]` : ''}`,
            related: [{ span: statement.gradeSpan, message: `graded ${gradeLabel(model, statement.grade)} here` }],
          });
        }
      }
    }
    return out;
  },
};

function statementBefore(model: ReportModel, offset: number, section: number, area: string | undefined) {
  let found;
  for (const j of model.judgements) {
    if (j.span.start >= offset) break;
    if (j.section !== section) continue;
    if (area && j.area !== area) continue;
    found = j;
  }
  return found;
}
