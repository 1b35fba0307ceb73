import type { ReportModel } from '../model/types.js';
import type { ReportDiagnostic } from '../checks/types.js';
import { judgementList, type JudgementEntry } from '../service/judgementList.js';
import { effectiveRole } from '../model/roles.js';
import { improvementList, type ImprovementEntry } from '../service/improvementList.js';

/** One checked file, in the shape every output format is made from. */
export interface FileResult {
  file: string;
  framework: string;
  frameworkSource: string;
  diagnostics: {
    code: string;
    severity: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    message: string;
  }[];
  paragraphs: { number: number; line: number; section: string | null; role: string }[];
  judgements: JudgementEntry[];
  improvements: ImprovementEntry[];
}

/** Lines and columns are 1-based; columns count UTF-16 code units, as editors do. */
export function fileResult(file: string, model: ReportModel, diagnostics: ReportDiagnostic[]): FileResult {
  const pos = (offset: number) => model.lines.positionAt(offset);
  return {
    file,
    framework: model.framework.profile.id,
    frameworkSource: model.framework.source,
    diagnostics: diagnostics.map((d) => {
      const s = pos(d.span.start);
      const e = pos(d.span.end);
      return { code: d.code, severity: d.severity, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, message: d.message };
    }),
    paragraphs: model.paragraphs.map((p) => {
      const section = p.section >= 0 ? model.sections[p.section] : undefined;
      return {
        number: p.number,
        line: pos(p.numberSpan.start).line + 1,
        section: section ? section.title.replace(/[*_]+/g, '').trim() : null,
        role: effectiveRole(model, p.section),
      };
    }),
    judgements: judgementList(model),
    improvements: improvementList(model),
  };
}
