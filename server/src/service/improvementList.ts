import type { ReportModel } from '../model/types.js';
import { traceOf, type TraceLink } from '../trace/trace.js';

export interface ImprovementEntry {
  /** Its paragraph number; null for a bulleted recommendation. */
  paragraph: number | null;
  line: number;
  /** Judgement area of its group heading; else the area of its best finding; else null. */
  area: string | null;
  kind: string;
  text: string;
  supported: boolean;
  /** Body findings, best first. */
  findings: { paragraph: number; score: number; explicit: boolean }[];
  /** Summary findings (key findings and strengths), best first. */
  summaryFindings: { paragraph: number; score: number; explicit: boolean }[];
}

const link = (l: TraceLink) => ({ paragraph: l.number, score: l.score, explicit: l.explicit });

/** Every area for improvement with the findings that support it: the CLI JSON `improvements`. */
export function improvementList(model: ReportModel): ImprovementEntry[] {
  const trace = traceOf(model);
  const sort = (links: TraceLink[]) => [...links].sort((a, b) => b.score - a.score || Number(b.explicit) - Number(a.explicit));
  return trace.improvements.map((imp) => {
    const findings = sort(imp.findings);
    const best = findings[0] && trace.findings.find((f) => f.paragraph === findings[0].paragraph);
    return {
      paragraph: imp.number ?? null,
      line: model.lines.lineAt(imp.span.start) + 1,
      area: imp.area ?? best?.area ?? null,
      kind: imp.kind,
      text: imp.text.replace(/\s+/g, ' ').trim(),
      supported: imp.supported,
      findings: findings.map(link),
      summaryFindings: sort(imp.summaryFindings).map(link),
    };
  });
}
