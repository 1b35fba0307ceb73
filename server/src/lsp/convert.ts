import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver';
import type { ReportModel, Span } from '../model/types.js';
import type { ReportDiagnostic, Severity, TextEdit } from '../checks/types.js';

/** Span <-> LSP range: the only place offsets become positions for the protocol. */
export function toRange(model: ReportModel, span: Span): Range {
  return { start: model.lines.positionAt(span.start), end: model.lines.positionAt(span.end) };
}

export function toSpan(model: ReportModel, range: Range): Span {
  return { start: model.lines.offsetAt(range.start), end: model.lines.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export const SOURCE = 'inspection-report';

export function toDiagnostic(model: ReportModel, d: ReportDiagnostic): Diagnostic {
  return {
    range: toRange(model, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri: model.uri, range: toRange(model, r.span) }, message: r.message })),
    data: { version: model.version, ...(d.data ?? {}) },
  };
}

export function toTextEdits(model: ReportModel, edits: TextEdit[]) {
  return edits.map((e) => ({ range: toRange(model, e.span), newText: e.newText }));
}
