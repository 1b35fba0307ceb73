import type { JudgementStatement, ReportModel } from './types.js';
import { perModel } from './perModel.js';

export interface AreaGrades {
  area: string;
  /** The grade the report gives the area: the summary's, else the most stated (first on a tie). */
  reference: string;
  /** The statement the reference grade comes from. */
  referenceStatement: JudgementStatement;
  statements: JudgementStatement[];
}

const GRADES = Symbol('grades by area');

/** Statements grouped by area, with the grade each area is taken to have. */
export function gradesByArea(model: ReportModel): Map<string, AreaGrades> {
  return perModel(model, GRADES, () => group(model));
}

function group(model: ReportModel): Map<string, AreaGrades> {
  const out = new Map<string, AreaGrades>();
  for (const s of model.judgements) {
    const entry = out.get(s.area);
    if (entry) entry.statements.push(s);
    else out.set(s.area, { area: s.area, reference: s.grade, referenceStatement: s, statements: [s] });
  }
  for (const entry of out.values()) {
    const summary = entry.statements.find((s) => s.summary);
    if (summary) {
      entry.reference = summary.grade;
      entry.referenceStatement = summary;
      continue;
    }
    const counts = new Map<string, number>();
    for (const s of entry.statements) counts.set(s.grade, (counts.get(s.grade) ?? 0) + 1);
    let best = entry.statements[0];
    for (const s of entry.statements) if ((counts.get(s.grade) ?? 0) > (counts.get(best.grade) ?? 0)) best = s;
    entry.reference = best.grade;
    entry.referenceStatement = best;
  }
  return out;
}
