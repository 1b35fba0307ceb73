import type { ReportModel, Span } from '../model/types.js';
import { escapeMarkdown } from '../service/hover.js';
import { traceOf, SUPPORT_THRESHOLD, type TracedImprovement, type TraceLink } from './trace.js';
import { stripHtmlComments } from '../text/normalise.js';

/*
 * Editor navigation over the traceability links: definition (improvement → its findings),
 * references (finding → the improvements resting on it), hover and code lenses.
 */

const at = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

/** The links an improvement rests on: explicit ones and inferred ones at the threshold. */
export function supportingLinks(imp: TracedImprovement): TraceLink[] {
  return imp.findings.filter((l) => l.explicit || l.score >= SUPPORT_THRESHOLD);
}

export function improvementAt(model: ReportModel, offset: number): TracedImprovement | undefined {
  return traceOf(model).improvements.find((imp) => at(imp.span, offset));
}

/** Definition on an improvement: its supporting findings (or, if none, its best candidates). */
export function findingsOf(model: ReportModel, offset: number): Span[] {
  const imp = improvementAt(model, offset);
  if (!imp) return [];
  const links = supportingLinks(imp);
  return (links.length ? links : imp.findings.slice(0, 3)).map((l) => model.paragraphs[l.paragraph].span);
}

/** References on a finding: the improvements that cite it or rest on it. */
export function improvementsResting(model: ReportModel, offset: number): Span[] {
  const trace = traceOf(model);
  const finding = [...trace.findings, ...trace.summaryFindings].find((f) => at(f.span, offset));
  if (!finding) return [];
  return trace.improvements
    .filter((imp) => [...supportingLinks(imp), ...imp.summaryFindings.filter((l) => l.explicit || l.score >= SUPPORT_THRESHOLD)].some((l) => l.paragraph === finding.paragraph))
    .map((imp) => imp.span);
}

function excerpt(text: string, words = 40): string {
  const list = stripHtmlComments(text, ' ').split(/\s+/).filter(Boolean);
  return list.slice(0, words).join(' ') + (list.length > words ? '…' : '');
}

/** Hover on an improvement: its findings' text; on a finding: the improvements resting on it. */
export function traceHover(model: ReportModel, offset: number): { markdown: string; span: Span } | undefined {
  const imp = improvementAt(model, offset);
  const trace = traceOf(model);
  if (imp) {
    const links = supportingLinks(imp);
    const shown = links.length ? links : imp.findings.slice(0, 2);
    const lines = [links.length ? '**Supported by**' : '**No supporting finding.** Best candidates:'];
    for (const l of shown) {
      const p = model.paragraphs[l.paragraph];
      lines.push('', `¶${l.number} (${l.explicit ? 'cited' : `score ${l.score.toFixed(2)}`}): ${escapeMarkdown(excerpt(model.text.slice(p.textStart, p.span.end)))}`);
    }
    return { markdown: lines.join('\n'), span: imp.span };
  }
  const finding = trace.findings.find((f) => at(f.span, offset));
  if (finding) {
    const resting = trace.improvements.filter((i) => supportingLinks(i).some((l) => l.paragraph === finding.paragraph));
    if (resting.length === 0) return undefined;
    const lines = ['**Evidence for**'];
    for (const i of resting) lines.push('', `${i.number !== undefined ? `¶${i.number}` : `line ${model.lines.lineAt(i.span.start) + 1}`}: ${escapeMarkdown(excerpt(i.text, 30))}`);
    return { markdown: lines.join('\n'), span: finding.span };
  }
  return undefined;
}

export interface Lens {
  span: Span;
  title: string;
  /** Spans of the findings, for a "show references" command. */
  targets: Span[];
}

/** "supported by ¶50, ¶53" or "no supporting finding", above each improvement. */
export function codeLenses(model: ReportModel): Lens[] {
  return traceOf(model).improvements.map((imp) => {
    const links = supportingLinks(imp);
    const line = model.lines.lineAt(imp.span.start);
    return {
      span: { start: imp.span.start, end: model.lines.lineContentEnd(line) },
      title: links.length ? `supported by ${links.map((l) => `¶${l.number}`).join(', ')}` : 'no supporting finding',
      targets: links.map((l) => model.paragraphs[l.paragraph].span),
    };
  });
}
