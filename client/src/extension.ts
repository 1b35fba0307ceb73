import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';
import { ReportStatusBar } from './statusBar.js';
import { JudgementsView } from './judgementsView.js';

let client: LanguageClient | undefined;

export const LANGUAGE_ID = 'inspection-report';

/** Start the language server for `inspection-report` documents, then the editor features around it. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'inspectionReport' },
    initializationOptions: vscode.workspace.getConfiguration('inspectionReport'),
  };
  client = new LanguageClient('inspectionReport', 'Inspection Report', serverOptions, clientOptions);
  const lc = client;
  const statusBar = new ReportStatusBar(lc);
  const judgements = new JudgementsView(lc);
  context.subscriptions.push(
    statusBar,
    judgements,
    vscode.window.createTreeView('inspectionReport.judgements', { treeDataProvider: judgements, showCollapseAll: true }),
  );
  registerCommands(context, lc, () => judgements.refresh());
  await vscode.commands.executeCommand('setContext', 'inspectionReport.activated', true);
  await client.start();
  statusBar.update();
  judgements.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
