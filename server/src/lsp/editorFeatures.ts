import {
  FoldingRangeKind,
  SymbolKind,
  type Connection,
  type FoldingRange,
  type SelectionRange,
  type ServerCapabilities,
  type TextDocuments,
  type WorkspaceSymbol,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportLanguageService } from '../service/languageService.js';
import { continueNumbering } from '../service/editor/onEnter.js';
import { foldingSpans, selectionSpans } from '../service/editor/structure.js';
import { workspaceSymbols } from '../service/editor/navigation.js';
import { formatActionPlan, recommendations } from '../service/editor/actionPlan.js';
import { documentInfo } from '../service/editor/info.js';
import { toRange, toSpan, toTextEdits } from './convert.js';

/*
 * Editor features (issue 5), kept out of server.ts: each handler gets the document, calls the
 * service, converts. Custom requests are documented in docs/editor.md.
 */

/** Capabilities for the features registered below; server.ts spreads them into its result. */
export const EDITOR_CAPABILITIES: ServerCapabilities = {
  documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  workspaceSymbolProvider: true,
};

export interface UriParams {
  textDocument: { uri: string };
}

export const REQUESTS = {
  documentInfo: 'inspectionReport/documentInfo',
  improvements: 'inspectionReport/improvements',
  actionPlan: 'inspectionReport/actionPlan',
} as const;

export function registerEditorFeatures(connection: Connection, documents: TextDocuments<TextDocument>, service: ReportLanguageService): void {
  const withModel = <T>(uri: string, fallback: T, f: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    return doc ? f(doc) : fallback;
  };

  connection.onDocumentOnTypeFormatting((params) =>
    withModel(params.textDocument.uri, [], (doc) => {
      if (params.ch !== '\n') return [];
      const model = service.getModel(doc);
      return toTextEdits(model, continueNumbering(model, toSpan(model, { start: params.position, end: params.position }).start));
    }),
  );

  connection.onFoldingRanges((params) =>
    withModel(params.textDocument.uri, [] as FoldingRange[], (doc) => {
      const model = service.getModel(doc);
      const seen = new Set<string>();
      const out: FoldingRange[] = [];
      for (const f of foldingSpans(model)) {
        const { start, end } = toRange(model, f.span);
        const key = `${start.line}:${end.line}`;
        if (end.line <= start.line || seen.has(key)) continue;
        seen.add(key);
        const kind = f.kind === 'comment' ? FoldingRangeKind.Comment : f.kind === 'imports' ? FoldingRangeKind.Imports : undefined;
        out.push({ startLine: start.line, endLine: end.line, ...(kind ? { kind } : {}) });
      }
      return out;
    }),
  );

  connection.onSelectionRanges((params) =>
    withModel(params.textDocument.uri, [] as SelectionRange[], (doc) => {
      const model = service.getModel(doc);
      return params.positions.map((position) => {
        const spans = selectionSpans(model, toSpan(model, { start: position, end: position }).start);
        let parent: SelectionRange | undefined;
        for (const span of spans.reverse()) parent = { range: toRange(model, span), parent };
        return parent ?? { range: { start: position, end: position } };
      });
    }),
  );

  connection.onWorkspaceSymbol((params): WorkspaceSymbol[] => {
    const models = documents.all().map((d) => service.getModel(d));
    return workspaceSymbols(models, params.query).map((hit) => ({
      name: hit.name,
      kind: hit.kind === 'paragraph' ? SymbolKind.Number : hit.kind === 'judgement' ? SymbolKind.Class : SymbolKind.Namespace,
      containerName: hit.containerName,
      location: { uri: hit.uri, range: toRange(hit.model, hit.span) },
    }));
  });

  connection.onRequest(REQUESTS.documentInfo, (params: UriParams) =>
    withModel(params.textDocument.uri, null, (doc) => {
      const model = service.getModel(doc);
      const info = documentInfo(model, service.registry);
      const errors = service.diagnostics(doc).filter((d) => d.severity === 'error').length;
      return {
        ...info,
        errors,
        judgementSections: info.judgementSections.map(({ span, ...rest }) => ({ ...rest, range: toRange(model, span) })),
      };
    }),
  );

  connection.onRequest(REQUESTS.improvements, (params: UriParams) =>
    withModel(params.textDocument.uri, [], (doc) => {
      const model = service.getModel(doc);
      return recommendations(model).map(({ span, findings, ...rest }) => ({
        ...rest,
        range: toRange(model, span),
        findings: findings.map((f) => ({ number: f.number, range: toRange(model, f.span) })),
      }));
    }),
  );

  connection.onRequest(REQUESTS.actionPlan, (params: UriParams & { format?: string }) =>
    withModel(params.textDocument.uri, null, (doc) => {
      const items = recommendations(service.getModel(doc));
      return { count: items.length, text: formatActionPlan(items, params.format === 'csv' ? 'csv' : 'markdown') };
    }),
  );
}
