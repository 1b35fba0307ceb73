import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isReport, REQUESTS, type DocumentInfo, type JudgementEntry, type Recommendation } from './protocol.js';

type Node =
  | { type: 'area'; area: string; label: string; summary?: string; body?: string; disagree: boolean; children: Node[] }
  | { type: 'statement'; label: string; description: string; uri: vscode.Uri; line: number; character: number; icon?: string; tooltip?: string; children?: Node[] };

/**
 * The Judgements view: each area of the active report with its grade in the summary and in
 * the body side by side, a warning icon where they disagree, click to jump. Reads
 * `inspectionReport/judgements`; if the server does not answer it, lists the judgement
 * sections (documentInfo) instead.
 */
export class JudgementsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The report last active: the view keeps showing it while another editor (e.g. an exported plan) has focus. */
  private lastReport: vscode.Uri | undefined;

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && isReport(e.document)) this.refresh();
      }),
      // A language switch ("Treat as report") closes and reopens the document under the new language.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isReport(d) && vscode.window.activeTextEditor?.document.uri.toString() === d.uri.toString()) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.lastReport && d.uri.toString() === this.lastReport.toString()) {
          this.lastReport = undefined;
          this.refresh();
        }
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = this.current()?.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule();
      }),
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 300);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'area') {
      const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      const parts = [node.summary !== undefined ? `summary: ${node.summary}` : undefined, node.body !== undefined ? `body: ${node.body}` : undefined].filter(Boolean);
      item.description = parts.join(' · ');
      item.iconPath = node.disagree ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('law');
      item.tooltip = node.disagree ? `${node.label}: the summary and the body give different grades` : node.label;
      item.contextValue = node.disagree ? 'judgementAreaDisagrees' : 'judgementArea';
      const first = node.children.find((c) => c.type === 'statement');
      if (first && first.type === 'statement') item.command = reveal(first);
      return item;
    }
    const item = new vscode.TreeItem(node.label, node.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon ?? 'symbol-enum-member');
    if (node.tooltip) item.tooltip = node.tooltip;
    item.command = reveal(node);
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return node.children ?? [];
    const uri = this.current();
    if (!uri || !this.client.isRunning()) return [];
    try {
      const answer = await this.client.sendRequest<{ judgements: JudgementEntry[] } | JudgementEntry[] | null>(REQUESTS.judgements, { uri: uri.toString(), textDocument: { uri: uri.toString() } });
      const list = Array.isArray(answer) ? answer : answer?.judgements;
      if (list) {
        const recommendations = await this.client.sendRequest<Recommendation[]>(REQUESTS.improvements, { textDocument: { uri: uri.toString() } }).catch(() => []);
        return withImprovements(byArea(list, uri), recommendations ?? [], uri);
      }
    } catch {
      // Older servers have no judgements request: fall back to the judgement sections.
    }
    const info = await this.client.sendRequest<DocumentInfo | null>(REQUESTS.documentInfo, { textDocument: { uri: uri.toString() } }).catch(() => null);
    return (info?.judgementSections ?? []).map((s) => ({
      type: 'statement' as const,
      label: s.title,
      description: s.areaName ?? '',
      uri,
      line: s.range.start.line,
      character: s.range.start.character,
    }));
  }

  /** The active report, or else the last one that was active and is still open. */
  private current(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && isReport(doc)) this.lastReport = doc.uri;
    return this.lastReport;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function reveal(node: Extract<Node, { type: 'statement' }>): vscode.Command {
  return { command: 'inspectionReport.revealRange', title: 'Go to', arguments: [node.uri.toString(), node.line, node.character] };
}

export function byArea(list: JudgementEntry[], uri: vscode.Uri): Node[] {
  const areas = new Map<string, Extract<Node, { type: 'area' }>>();
  for (const j of list) {
    let area = areas.get(j.area);
    if (!area) {
      area = { type: 'area', area: j.area, label: j.areaName || j.area, disagree: false, children: [] };
      areas.set(j.area, area);
    }
    if (j.summary) area.summary ??= j.grade;
    else area.body ??= j.grade;
    area.children.push({
      type: 'statement',
      label: j.grade,
      description: `${j.summary ? 'summary' : 'body'} · ${j.kind} · line ${j.line}`,
      uri,
      line: Math.max(0, j.line - 1),
      character: Math.max(0, (j.column ?? 1) - 1),
    });
  }
  for (const area of areas.values()) {
    const grades = new Set(list.filter((j) => j.area === area.area).map((j) => j.gradeId ?? j.grade));
    area.disagree = grades.size > 1;
  }
  return [...areas.values()];
}

/** Areas for improvement under their area (traceability), each with the findings it rests on. */
export function withImprovements(areas: Node[], recommendations: Recommendation[], uri: vscode.Uri): Node[] {
  const out = [...areas];
  for (const r of recommendations) {
    const label = `${r.kind === 'priority-action' ? 'Priority action' : 'Area for improvement'} ${r.item ? `${r.number}.${r.item}` : r.number}`;
    const node: Node = {
      type: 'statement',
      label,
      description: r.findings.length ? `supported by ${r.findings.map((f) => `¶${f.number}`).join(', ')}` : 'no supporting finding',
      tooltip: r.text,
      icon: r.findings.length ? 'checklist' : 'question',
      uri,
      line: r.range.start.line,
      character: r.range.start.character,
      children: r.findings.map((f) => ({ type: 'statement' as const, label: `¶${f.number}`, description: 'finding', icon: 'references', uri, line: f.range.start.line, character: f.range.start.character })),
    };
    let area = out.find((a): a is Extract<Node, { type: 'area' }> => a.type === 'area' && !!r.area && a.area === r.area);
    if (!area) {
      const key = r.area ?? '(no area)';
      area = out.find((a): a is Extract<Node, { type: 'area' }> => a.type === 'area' && a.area === key);
      if (!area) {
        area = { type: 'area', area: key, label: r.area ? r.areaName : 'Areas for improvement (no area)', disagree: false, children: [] };
        out.push(area);
      }
    }
    area.children.push(node);
  }
  return out;
}
