import type { JudgementStatement, ReportModel } from '../../model/types.js';

export function areaName(model: ReportModel, area: string): string {
  return model.framework.profile.judgements.find((a) => a.id === area)?.name ?? area;
}

export function gradeLabel(model: ReportModel, grade: string): string {
  return model.framework.profile.grades.find((g) => g.id === grade)?.label ?? grade;
}

/** "in the summary (line 28)", "in the heading at line 179". */
export function where(model: ReportModel, s: JudgementStatement): string {
  const line = model.lines.lineAt(s.span.start) + 1;
  return s.summary ? `in the summary (line ${line})` : `in the ${s.kind} at line ${line}`;
}
