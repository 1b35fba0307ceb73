import type { Check, Fix } from '../types.js';
import type { JudgementStatement, ReportModel } from '../../model/types.js';
import { gradesByArea } from '../../model/gradeSummary.js';
import { gradeWording } from '../../model/gradeWording.js';
import { areaName, gradeLabel, where } from './describe.js';

/**
 * judgement/mismatch: statements give one area different grades. The summary's grade is the
 * reference (else the grade stated most); each statement that disagrees is reported, with
 * the other statements as related information.
 */
export const mismatchCheck: Check = {
  id: 'judgement-mismatch',
  codes: { 'judgement/mismatch': 'error' },
  run(model) {
    const out = [];
    for (const entry of gradesByArea(model).values()) {
      if (entry.statements.every((s) => s.grade === entry.reference)) continue;
      for (const s of entry.statements) {
        if (s.grade === entry.reference && s.summary === entry.referenceStatement.summary) continue;
        if (s.grade === entry.reference) continue;
        out.push({
          code: 'judgement/mismatch',
          span: s.gradeSpan,
          message: `${areaName(model, s.area)} is graded ${gradeLabel(model, s.grade)} here but ${gradeLabel(model, entry.reference)} ${where(model, entry.referenceStatement)}.`,
          related: entry.statements
            .filter((o) => o !== s)
            .map((o) => ({ span: o.gradeSpan, message: `${gradeLabel(model, o.grade)} (${o.summary ? 'summary' : o.kind})` })),
          data: { statement: model.judgements.indexOf(s), target: entry.reference },
        });
      }
    }
    return out;
  },
  actions: (model, span) => summaryActions(model, span),
  fixes(model, diagnostic) {
    const index = diagnostic.data?.statement;
    const target = diagnostic.data?.target;
    if (typeof index !== 'number' || typeof target !== 'string') return [];
    const s = model.judgements[index];
    if (!s) return [];
    const fixes: Fix[] = [];
    const edit = rewrite(model, s, target);
    if (edit) fixes.push({ title: `Change to "${edit.newText}" to agree with the ${gradesByArea(model).get(s.area)?.referenceStatement.summary ? 'summary' : 'other statements'}`, edits: [edit], isPreferred: true });
    // From the summary's side: make every body statement of the area agree with it.
    const entry = gradesByArea(model).get(s.area);
    if (entry && !s.summary) {
      const others = entry.statements.filter((o) => !o.summary && o.grade !== entry.reference).map((o) => rewrite(model, o, entry.reference)).filter((e) => !!e);
      if (others.length > 1 || (others.length === 1 && others[0].span.start !== s.gradeSpan.start)) fixes.push({ title: `Make the body agree with the summary (${gradeLabel(model, entry.reference)})`, edits: others });
    }
    return fixes;
  },
};

/** On a summary statement whose area the body grades otherwise: "Make the body agree with the summary". */
export function summaryActions(model: ReportModel, span: { start: number; end: number }): Fix[] {
  const out: Fix[] = [];
  for (const entry of gradesByArea(model).values()) {
    const ref = entry.referenceStatement;
    if (!ref.summary || ref.span.end < span.start || ref.span.start > span.end) continue;
    const edits = entry.statements.filter((o) => !o.summary && o.grade !== entry.reference).map((o) => rewrite(model, o, entry.reference)).filter((e) => !!e);
    if (edits.length) out.push({ title: `Make the body agree with the summary (${areaName(model, entry.area)}: ${gradeLabel(model, entry.reference)})`, edits });
  }
  return out;
}

export function rewrite(model: ReportModel, s: JudgementStatement, target: string) {
  const before = model.text.slice(Math.max(s.span.start, s.gradeSpan.start - 40), s.gradeSpan.start);
  const profile = model.framework.profile;
  const to = profile.grades.find((g) => g.id === target);
  // "… are good" → "… require improvement": a verbal grade takes the place of the verb too.
  const are = /\b(are|were)([ \t]+)$/i.exec(before);
  if (to && are && s.kind !== 'table' && /^requires?\s/i.test(to.singularForm ?? to.label)) {
    const start = s.gradeSpan.start - are[0].length;
    return { span: { start, end: s.gradeSpan.end }, newText: to.pluralForm ?? (to.singularForm ?? to.label.toLowerCase()) };
  }
  const words = gradeWording(profile, s, target, before);
  return words === undefined ? undefined : { span: s.gradeSpan, newText: words };
}
