import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  SymbolKind,
  CompletionItemKind,
  MarkupKind,
  type CodeAction,
  type DocumentSymbol,
  type InitializeParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { ReportLanguageService } from '../service/languageService.js';
import { ProfileRegistry } from '../profiles/registry.js';
import { loadProfileFolders } from '../profiles/loadFolders.js';
import type { ReportSymbol } from '../service/symbols.js';
import { readSettings, type ServerSettings } from './settings.js';
import { toDiagnostic, toRange, toSpan, toTextEdits } from './convert.js';
import { EDITOR_CAPABILITIES, registerEditorFeatures } from './editorFeatures.js';
import { judgementList } from '../service/judgementList.js';
import { importText } from '../import/index.js';
import { readInput } from '../import/readInput.js';
import { makeCheckThrow } from '../checks/registry.js';

/*
 * The LSP layer: get the document, call the service, convert. Nothing here knows what a
 * paragraph is.
 */
const connection = createConnection(ProposedFeatures.all);
const service = new ReportLanguageService();
// Documents as the editor syncs them (incrementally); each batch of changes is also handed to
// the service, which then re-parses only what changed.
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update(doc, changes, version) {
    const from = doc.version;
    const edits = [];
    for (const change of changes) {
      edits.push('range' in change
        ? { start: doc.offsetAt(change.range.start), end: doc.offsetAt(change.range.end), text: change.text }
        : { start: 0, end: doc.getText().length, text: change.text });
      doc = TextDocument.update(doc, [change], version);
    }
    service.noteChanges(doc.uri, from, version, edits);
    return doc;
  },
});
service.onCheckError = (id, error) => connection.console.error(`check ${id} failed: ${error instanceof Error ? error.stack : String(error)}`);
// Test hook, read once here (docs/robustness.md): INSPECTION_REPORT_TEST_THROWING_CHECK=<check id>.
const throwingCheck = process.env.INSPECTION_REPORT_TEST_THROWING_CHECK;
if (throwingCheck && !makeCheckThrow(throwingCheck)) process.stderr.write(`INSPECTION_REPORT_TEST_THROWING_CHECK: no check ${throwingCheck}\n`);

let settings: ServerSettings = readSettings({});
let workspaceRoots: string[] = [];
let canPullConfiguration = false;
let versionedEdits = false;
/** Pending diagnostics work per document: how to cancel it. */
const timers = new Map<string, () => void>();

connection.onInitialize((params: InitializeParams) => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  versionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
  workspaceRoots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (workspaceRoots.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) workspaceRoots.push(root);
  }
  applySettings(readSettings(params.initializationOptions));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      documentSymbolProvider: true,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: ['|', ' '] },
      ...EDITOR_CAPABILITIES,
    },
    serverInfo: { name: 'inspection-report-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) void pullConfiguration();
  // On a later turn: the reply to `initialized` is not held up by it.
  setImmediate(() => service.warmUpParser());
});

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) void pullConfiguration();
  else applySettings(readSettings(change.settings));
});

async function pullConfiguration(): Promise<void> {
  try {
    const [config] = await connection.workspace.getConfiguration([{ section: 'inspectionReport' }]);
    applySettings(readSettings(config));
  } catch (error) {
    connection.console.warn(`could not read settings: ${String(error)}`);
  }
}

const reportedProfileProblems = new Set<string>();

function applySettings(next: ServerSettings): void {
  settings = next;
  const loaded = loadProfileFolders(next.profileFolders, workspaceRoots[0] ?? process.cwd(), workspaceRoots.length ? workspaceRoots : undefined);
  const registry = new ProfileRegistry(loaded.files);
  // Each problem once (settings are applied at start and again when pulled or changed), as
  // a notification: showWarningMessage is a request, and a client that does not handle it
  // rejected the promise, which crashed the server (unhandled rejection).
  for (const p of [...loaded.problems, ...registry.problems]) {
    const message = `Inspection report profile ${p.file}: ${p.message}`;
    if (reportedProfileProblems.has(message)) continue;
    reportedProfileProblems.add(message);
    void connection.sendNotification('window/showMessage', { type: 2 /* Warning */, message });
  }
  service.reconfigure({
    registry,
    settings: { frameworkOverride: next.framework, severities: next.severity, settings: { citationStyle: next.citationStyle } },
  });
  for (const doc of documents.all()) schedule(doc, 0);
}

function schedule(doc: TextDocument, delay = settings.diagnosticsDelay): void {
  timers.get(doc.uri)?.();
  const run = () => {
    timers.delete(doc.uri);
    const current = documents.get(doc.uri);
    // A newer version arrived (or the document closed): this work is stale. (The document
    // object is updated in place, so its version is read now.)
    if (!current || current.version !== doc.version) return;
    const version = current.version;
    const stale = () => documents.get(doc.uri) !== current || current.version !== version;
    // A document opened: parsed in steps, so that the server answers meanwhile (a no-op for
    // a document already parsed).
    service.prepare(current, nextTurn, stale).then(
      () => stale() || publish(current),
      (error) => {
        connection.console.error(`preparing ${doc.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!stale()) publish(current);
      },
    );
  };
  if (delay <= 0) {
    // Even undelayed, run after the messages already queued, so that a newer version makes
    // this one stale: vscode-jsonrpc handles one queued message per setImmediate turn, so two
    // turns let a queued change land first. (setTimeout(0) would wait 1 ms, a fifth of a
    // keystroke's budget.)
    const first = setImmediate(() => {
      const second = setImmediate(run);
      timers.set(doc.uri, () => clearImmediate(second));
    });
    timers.set(doc.uri, () => clearImmediate(first));
  } else {
    const timer = setTimeout(run, delay);
    timers.set(doc.uri, () => clearTimeout(timer));
  }
}

/** Resolves on a later turn of the event loop, after the messages already queued. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function publish(doc: TextDocument): void {
  const model = service.getModel(doc);
  const diagnostics = service.diagnostics(doc).map((d) => toDiagnostic(model, d));
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  timers.get(e.document.uri)?.();
  timers.delete(e.document.uri);
  service.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || token.isCancellationRequested) return [];
  const model = service.getModel(doc);
  const span = toSpan(model, params.range);
  const actions: CodeAction[] = [];
  for (const { diagnostic, fix } of service.codeActions(doc, span, params.context.only)) {
    const edit: WorkspaceEdit = versionedEdits
      ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: toTextEdits(model, fix.edits) }] }
      : { changes: { [doc.uri]: toTextEdits(model, fix.edits) } };
    actions.push({
      title: fix.title,
      kind: fix.kind === 'source.fixAll' ? CodeActionKind.SourceFixAll : CodeActionKind.QuickFix,
      isPreferred: fix.isPreferred,
      diagnostics: diagnostic ? [toDiagnostic(model, diagnostic)] : undefined,
      edit,
    });
  }
  return actions;
});

const SYMBOL_KIND: Record<ReportSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  judgement: SymbolKind.Class,
  paragraph: SymbolKind.Number,
};

connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const model = service.getModel(doc);
  const convert = (s: ReportSymbol): DocumentSymbol => ({
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: toRange(model, s.span),
    selectionRange: toRange(model, s.selectionSpan),
    children: s.children.map(convert),
  });
  return service.symbols(doc).map(convert);
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const model = service.getModel(doc);
  const result = service.hover(doc, model.lines.offsetAt(params.position));
  return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(model, result.span) } : null;
});

connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const model = service.getModel(doc);
  return service.completions(doc, model.lines.offsetAt(params.position)).map((c) => ({
    label: c.label,
    kind: c.kind === 'grade' ? CompletionItemKind.EnumMember : CompletionItemKind.Class,
    detail: c.detail,
    insertText: c.insertText,
  }));
});

connection.onDefinition((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const model = service.getModel(doc);
  return service.definition(doc, model.lines.offsetAt(params.position)).map((span) => ({ uri: doc.uri, range: toRange(model, span) }));
});

connection.onReferences((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const model = service.getModel(doc);
  return service.references(doc, model.lines.offsetAt(params.position)).map((span) => ({ uri: doc.uri, range: toRange(model, span) }));
});

/**
 * Code lenses above improvements. The command `inspectionReport.showFindings` (the client's)
 * receives the document URI, the lens position and the findings' locations.
 */
connection.onCodeLens((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const model = service.getModel(doc);
  return service.codeLenses(doc).map((lens) => {
    const range = toRange(model, lens.span);
    return {
      range,
      command: {
        title: lens.title,
        command: 'inspectionReport.showFindings',
        arguments: [doc.uri, range.start, lens.targets.map((t) => ({ uri: doc.uri, range: toRange(model, t) }))],
      },
    };
  });
});

/** Custom request for the editor's Judgements view and other clients: the grade statements. */
connection.onRequest('inspectionReport/judgements', (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const model = service.getModel(doc);
  return { framework: model.framework.profile.id, judgements: judgementList(model) };
});

/**
 * Custom request behind the editor command "Import report from text…": plain text (pasted
 * from a PDF), or a file the user chose (.txt, .docx, .pdf), turned into Report Markdown.
 */
connection.onRequest('inspectionReport/import', async (params: { text?: string; path?: string; framework?: string }) => {
  const input = typeof params.text === 'string' ? params.text : params.path ? (await readInput(params.path)).text : '';
  return importText(input, { framework: params.framework, registry: service.registry });
});

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

registerEditorFeatures(connection, documents, service);
documents.listen(connection);
connection.listen();
