import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isReport, LANGUAGE_ID, REQUESTS, type DocumentInfo, type ImportResult } from './protocol.js';

const BUILT_IN_FRAMEWORKS = [
  { id: 'ofsted-ilacs-2018', title: "Inspection of local authority children's services (ILACS), 2018 on" },
  { id: 'ofsted-sif-2013', title: 'Single inspection framework (SIF) with LSCB review, 2013–2018' },
  { id: 'ofsted-slac-2009', title: 'Safeguarding and looked after children (SLAC), 2009–2012' },
];

function activeReport(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isReport(editor.document)) return editor;
  void vscode.window.showInformationMessage('Open an inspection report (a *.report.md file) first.');
  return undefined;
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, refreshJudgements: () => void): void {
  const register = (id: string, f: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, f));

  register('inspectionReport.treatAsReport', async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  });

  register('inspectionReport.importReport', async () => {
    const active = vscode.window.activeTextEditor?.document;
    type Choice = vscode.QuickPickItem & { id: 'active' | 'file' };
    const choices: Choice[] = [{ label: 'Choose a file…', description: '.txt pasted from a PDF, .docx or .pdf', id: 'file' }];
    if (active && !isReport(active) && active.getText().trim()) {
      choices.unshift({ label: 'Import the text of the active editor', description: active.fileName, id: 'active' });
    }
    const choice = choices.length === 1 ? choices[0] : await vscode.window.showQuickPick(choices, { title: 'Import report from text' });
    if (!choice) return undefined;
    let params: { text?: string; path?: string };
    if (choice.id === 'active') {
      params = { text: active!.getText() };
    } else {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Reports': ['txt', 'md', 'docx', 'pdf'] }, title: 'Import report from text' });
      if (!picked?.[0]) return undefined;
      params = { path: picked[0].fsPath };
    }
    try {
      const result = await client.sendRequest<ImportResult>(REQUESTS.import, params);
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.markdown });
      await vscode.window.showTextDocument(doc);
      const removed = result.removed.length ? `; removed ${result.removed.length} lines of page furniture (page numbers, running headers, contents)` : '';
      const warnings = result.warnings.length ? ` Check: ${result.warnings.slice(0, 3).join('; ')}` : '';
      void vscode.window.showInformationMessage(`Imported as ${result.framework} (${result.frameworkSource})${removed}.${warnings}`);
      return result;
    } catch (error) {
      void vscode.window.showErrorMessage(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });

  // The code lens above an area for improvement ("supported by ¶50, ¶53") runs this with the
  // document, the lens position and the findings' locations, as plain JSON from the server.
  register('inspectionReport.showFindings', async (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
    const locs = (locations ?? []).map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character)));
    if (locs.length === 0) {
      void vscode.window.showInformationMessage('No finding supports this area for improvement yet: Ctrl+. offers "Cite paragraph N as evidence".');
      return;
    }
    await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character), locs);
  });

  register('inspectionReport.renumberReport', async () => {
    const editor = activeReport();
    if (!editor) return false;
    const doc = editor.document;
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, vscode.CodeActionKind.SourceFixAll.value)) ?? [];
    const fixAll = actions.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind) && a.edit);
    if (!fixAll?.edit) {
      void vscode.window.showInformationMessage('The numbering is already consistent: nothing to renumber.');
      return false;
    }
    return vscode.workspace.applyEdit(fixAll.edit);
  });

  register('inspectionReport.checkWorkspace', async () => {
    const files = await vscode.workspace.findFiles('**/*.report.md', '**/{node_modules,.git}/**', 2000);
    if (!files.length) {
      void vscode.window.showInformationMessage('No *.report.md files in this workspace.');
      return { files: 0, errors: 0, warnings: 0 };
    }
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Checking ${files.length} reports…` }, async () => {
      // Opening a document (without showing it) sends it to the server, which checks it and
      // publishes its diagnostics before it answers any later request about it: one request
      // per report is the signal that Problems is up to date.
      await Promise.all(
        files.map(async (f) => {
          const doc = await vscode.workspace.openTextDocument(f);
          if (!isReport(doc)) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
          await client.sendRequest(REQUESTS.documentInfo, { textDocument: { uri: doc.uri.toString() } }).catch(() => undefined);
        }),
      );
    });
    let errors = 0;
    let warnings = 0;
    for (const f of files) {
      for (const d of vscode.languages.getDiagnostics(f)) {
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(`Checked ${files.length} report${files.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
    return { files: files.length, errors, warnings };
  });

  register('inspectionReport.showJudgements', async () => {
    await vscode.commands.executeCommand('inspectionReport.judgements.focus');
    refreshJudgements();
  });
  register('inspectionReport.refreshJudgements', () => refreshJudgements());

  register('inspectionReport.revealRange', async (uri: string, line: number, character: number) => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const at = new vscode.Position(line, character);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preserveFocus: false });
  });

  register('inspectionReport.newReport', async (framework?: string) => {
    const skeletons = readSkeletons(context);
    let choice = skeletons.find((s) => s.framework === framework || s.name === framework);
    if (!choice) {
      const picked = await vscode.window.showQuickPick(
        skeletons.map((s) => ({ label: s.name, description: s.framework, detail: s.description, skeleton: s })),
        { title: 'New inspection report', placeHolder: 'Framework of the report' },
      );
      choice = picked?.skeleton;
    }
    if (!choice) return undefined;
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(new vscode.SnippetString(choice.body));
    return doc.uri.toString();
  });

  register('inspectionReport.exportActionPlan', async (format?: 'markdown' | 'csv') => {
    const editor = activeReport();
    if (!editor) return undefined;
    if (format !== 'markdown' && format !== 'csv') {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'Markdown table', format: 'markdown' as const, detail: 'One row per recommendation: paragraph, area, heading, text, and columns to fill in' },
          { label: 'CSV', format: 'csv' as const, detail: 'The same columns, for a spreadsheet' },
        ],
        { title: 'Export areas for improvement as an action plan' },
      );
      if (!picked) return undefined;
      format = picked.format;
    }
    const plan = await client.sendRequest<{ count: number; text: string } | null>(REQUESTS.actionPlan, { textDocument: { uri: editor.document.uri.toString() }, format });
    if (!plan) return undefined;
    if (!plan.count) void vscode.window.showWarningMessage('This report has no numbered paragraphs under an areas-for-improvement or priority-action heading.');
    const languages = await vscode.languages.getLanguages();
    const language = format === 'csv' ? (languages.includes('csv') ? 'csv' : 'plaintext') : 'markdown';
    const doc = await vscode.workspace.openTextDocument({ language, content: plan.text });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
    return plan.count;
  });

  register('inspectionReport.pickFramework', async (id?: string) => {
    const doc = vscode.window.activeTextEditor?.document;
    let info: DocumentInfo | null = null;
    if (doc && isReport(doc)) {
      info = await client.sendRequest<DocumentInfo | null>(REQUESTS.documentInfo, { textDocument: { uri: doc.uri.toString() } }).catch(() => null);
    }
    const frameworks = info?.frameworks ?? BUILT_IN_FRAMEWORKS;
    const config = vscode.workspace.getConfiguration('inspectionReport', doc?.uri);
    const current = config.get<string>('framework') ?? '';
    if (id === undefined) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'Detect from each report', description: current ? '' : 'current', id: '' },
          ...frameworks.map((f) => ({ label: f.id, description: f.id === current ? 'current' : '', detail: f.title, id: f.id })),
        ],
        { title: 'Inspection framework (inspectionReport.framework)', placeHolder: info ? `This report: ${info.framework.id}` : undefined },
      );
      if (!picked) return undefined;
      id = picked.id;
    }
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('framework', id || undefined, target);
    return id;
  });
}

interface Skeleton {
  name: string;
  framework: string;
  description: string;
  body: string;
}

/** The whole-report skeletons of snippets/inspection-report.code-snippets (one per framework). */
function readSkeletons(context: vscode.ExtensionContext): Skeleton[] {
  const file = context.asAbsolutePath('snippets/inspection-report.code-snippets');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { description: string; body: string[] }>;
  return Object.entries(snippets)
    .filter(([name]) => name.startsWith('Report skeleton'))
    .map(([name, s]) => ({
      name: name.replace(/^Report skeleton: /, ''),
      framework: /^framework: (\S+)/m.exec(s.body.join('\n'))?.[1] ?? '',
      description: s.description,
      body: s.body.join('\n'),
    }));
}
