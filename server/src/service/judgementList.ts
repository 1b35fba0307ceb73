import type { ReportModel } from '../model/types.js';

export interface JudgementEntry {
  area: string;
  areaName: string;
  /** The grade's label, as the profile writes it ("Requires improvement"). */
  grade: string;
  gradeId: string;
  line: number;
  column: number;
  kind: string;
  summary: boolean;
}

/** The judgement statements, as the CLI JSON and the editor's Judgements view list them. */
export function judgementList(model: ReportModel): JudgementEntry[] {
  const profile = model.framework.profile;
  return model.judgements.map((j) => {
    const p = model.lines.positionAt(j.gradeSpan.start);
    return {
      area: j.area,
      areaName: profile.judgements.find((a) => a.id === j.area)?.name ?? j.area,
      grade: profile.grades.find((g) => g.id === j.grade)?.label ?? j.grade,
      gradeId: j.grade,
      line: p.line + 1,
      column: p.character + 1,
      kind: j.kind,
      summary: j.summary,
    };
  });
}
