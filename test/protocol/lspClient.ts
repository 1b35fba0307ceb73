import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers.js';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code: string; severity: number; message: string; data?: unknown }[];
}

/**
 * A real client for tests: spawns the bundled server (`dist/server.cjs --stdio`) and speaks
 * JSON-RPC over its stdin/stdout, as editors do. Waits on notifications, never on sleeps.
 */
export class TestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly waiters: { uri: string; predicate: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  readonly published: PublishedDiagnostics[] = [];
  stderr = '';

  constructor(args: string[] = ['--stdio']) {
    this.process = spawn(process.execPath, [...(process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : []), path.join(ROOT, 'dist', 'server.cjs'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && w.predicate(p)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/logMessage', () => {});
    this.connection.onNotification('window/showMessage', () => {});
    this.connection.onRequest('workspace/configuration', () => [null]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(initializationOptions: unknown = { diagnosticsDelay: 0 }, capabilities: unknown = { workspace: { workspaceEdit: { documentChanges: true } } }) {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  /** Resolves with the first publication for `uri` that satisfies `predicate` (already seen or to come). */
  diagnostics(uri: string, predicate: (p: PublishedDiagnostics) => boolean = () => true): Promise<PublishedDiagnostics> {
    const seen = this.published.find((p) => p.uri === uri && predicate(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve }));
  }

  open(uri: string, text: string, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'inspection-report', version, text } });
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
