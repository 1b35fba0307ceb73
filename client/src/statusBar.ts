import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isReport, REQUESTS, type DocumentInfo } from './protocol.js';

/** Framework in use, paragraph count and error count of the active report; click: framework picker. */
export class ReportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('inspectionReport.status', vscode.StatusBarAlignment.Left, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Inspection Report';
    this.item.command = 'inspectionReport.pickFramework';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('inspectionReport') && this.schedule()),
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 100);
  }

  async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const generation = ++this.generation;
    if (!doc || !isReport(doc) || !this.client.isRunning()) {
      this.item.hide();
      return;
    }
    let info: DocumentInfo | null = null;
    try {
      info = await this.client.sendRequest<DocumentInfo | null>(REQUESTS.documentInfo, { textDocument: { uri: doc.uri.toString() } });
    } catch {
      info = null;
    }
    if (generation !== this.generation) return;
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const framework = info?.framework.id ?? '?';
    const paragraphs = info?.paragraphs ?? 0;
    this.item.text = `$(law) ${framework}  $(list-ordered) ${paragraphs}  $(error) ${errors}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${info?.framework.title ?? 'Inspection report'}**\n\n`);
    if (info) tooltip.appendMarkdown(`Framework \`${info.framework.id}\` (${describeSource(info.framework.source)})  \n`);
    tooltip.appendMarkdown(`${paragraphs} numbered paragraphs, ${errors} error${errors === 1 ? '' : 's'}\n\nClick to choose the framework.`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Inspection report: framework ${framework}, ${paragraphs} paragraphs, ${errors} errors` };
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function describeSource(source: string): string {
  switch (source) {
    case 'front-matter':
      return 'from the front matter';
    case 'setting':
      return 'from the inspectionReport.framework setting';
    case 'detected':
      return 'detected from the text';
    default:
      return 'default';
  }
}
