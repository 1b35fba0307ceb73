import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../protocol/lspClient.js';
import { assertRangesInside } from './ranges.js';

/*
 * The server over stdio under a misbehaving client: unknown documents, positions past the
 * end, versions out of order, stale fixes, a client that disconnects, shutdown and exit.
 */
const URI = 'file:///tmp/robust.report.md';
type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type TextEdit = { range: Range; newText: string };
type Action = { title: string; kind?: string; edit?: { documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[]; changes?: Record<string, TextEdit[]> } };

/** What a careful client does with a versioned edit: refuse it if the document moved on. */
function applyVersioned(doc: TextDocument, action: Action): string {
  const change = action.edit!.documentChanges![0];
  if (change.textDocument.version !== doc.version) throw new Error(`stale edit: for version ${change.textDocument.version}, document at ${doc.version}`);
  return TextDocument.applyEdits(doc, change.edits);
}

describe('robustness: language server protocol', function () {
  this.timeout(60_000);
  let client: TestClient;
  beforeEach(() => {
    client = new TestClient();
  });
  afterEach(() => {
    if (client.process.exitCode === null) client.process.kill();
  });

  const request = (method: string, params: unknown) => client.connection.sendRequest(method, params);

  it('requests for a document that was never opened (or was closed) answer empty, not an error', async () => {
    const { capabilities } = await client.initialize();
    const textDocument = { uri: 'file:///tmp/never-opened.report.md' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    const calls: [string, string, unknown][] = [
      ['documentSymbolProvider', 'textDocument/documentSymbol', { textDocument }],
      ['hoverProvider', 'textDocument/hover', { textDocument, position }],
      ['completionProvider', 'textDocument/completion', { textDocument, position }],
      ['definitionProvider', 'textDocument/definition', { textDocument, position }],
      ['referencesProvider', 'textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['codeActionProvider', 'textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
      ['codeLensProvider', 'textDocument/codeLens', { textDocument }],
      ['foldingRangeProvider', 'textDocument/foldingRange', { textDocument }],
      ['selectionRangeProvider', 'textDocument/selectionRange', { textDocument, positions: [position] }],
      ['documentOnTypeFormattingProvider', 'textDocument/onTypeFormatting', { textDocument, position, ch: '\n', options: { tabSize: 2, insertSpaces: true } }],
    ];
    let asked = 0;
    for (const [capability, method, params] of calls) {
      if (!capabilities[capability]) continue;
      asked++;
      const result = await request(method, params);
      assert.ok(result === null || (Array.isArray(result) && result.length === 0), `${method}: ${JSON.stringify(result)}`);
    }
    assert.ok(asked >= 5);
    // Closed documents too.
    await client.open(URI, '1. a\n3. b\n');
    await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    const cleared = await client.diagnostics(URI, (p) => p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
    assert.deepEqual(await request('textDocument/documentSymbol', { textDocument: { uri: URI } }), []);
    assert.equal(await client.shutdown(), 0);
  });

  it('positions and ranges past the end, or huge, are clamped: answers stay inside the document', async () => {
    const { capabilities } = await client.initialize();
    const text = '# Summary\n\n1. The effectiveness of leaders is good.\n3. b (paragraph 9)\n| Area | Grade |\n|---|---|\n| Leadership | good |';
    await client.open(URI, text);
    await client.diagnostics(URI);
    const textDocument = { uri: URI };
    const positions = [
      { line: 0, character: 500 },
      { line: 3, character: 10_000 },
      { line: 99, character: 0 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ];
    for (const position of positions) {
      const range = { start: { line: 0, character: 0 }, end: position };
      const results = await Promise.all([
        request('textDocument/hover', { textDocument, position }),
        request('textDocument/completion', { textDocument, position }),
        capabilities.definitionProvider ? request('textDocument/definition', { textDocument, position }) : null,
        request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }),
        request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }),
        capabilities.selectionRangeProvider ? request('textDocument/selectionRange', { textDocument, positions: [position] }) : null,
        capabilities.documentOnTypeFormattingProvider ? request('textDocument/onTypeFormatting', { textDocument, position, ch: '\n', options: { tabSize: 2, insertSpaces: true } }) : null,
      ]);
      assertRangesInside(text, results, `at ${JSON.stringify(position)}`);
    }
    await client.shutdown();
  });

  it('versions out of order, and the same version resent with other text: the latest text wins', async () => {
    await client.initialize();
    await client.open(URI, '1. a\n2. b\n', 5);
    await client.diagnostics(URI, (p) => p.version === 5);
    const change = (version: number, text: string) =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ text }] });
    await change(3, '1. a\n3. b\n'); // lower than the open version
    let p = await client.diagnostics(URI, (x) => x.version === 3);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['numbering/gap']);
    // The same version number again, with different text (a buggy client): not served from a cache.
    await change(3, '# Title\n\nfree text only\n');
    const symbols = (await request('textDocument/documentSymbol', { textDocument: { uri: URI } })) as { name: string }[];
    assert.deepEqual(symbols.map((s) => s.name), ['Title']);
    const hover = await request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 0 } });
    assertRangesInside('# Title\n\nfree text only\n', hover, 'hover');
    await change(4, '1. x\n');
    p = await client.diagnostics(URI, (x) => x.version === 4);
    assert.deepEqual(p.diagnostics, []);
    await client.shutdown();
  });

  it('a burst of changes: diagnostics are published for the last version, every range inside its text', async () => {
    await client.initialize({ diagnosticsDelay: 50 });
    let text = '1. a\n';
    await client.open(URI, text, 1);
    for (let v = 2; v <= 60; v++) {
      text += `${v % 7 === 0 ? v + 1 : v}. paragraph ${v}\n`;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: v }, contentChanges: [{ text }] });
    }
    const last = await client.diagnostics(URI, (p) => p.version === 60);
    assertRangesInside(text, last.diagnostics, 'diagnostics');
    for (const p of client.published.filter((x) => x.uri === URI)) assert.ok(p.version === 1 || p.version === 60 || (p.version ?? 0) > 1, 'published');
    await client.shutdown();
  });

  it('fixes are computed for the version asked about and carry it; a stale one is refused, not misapplied', async () => {
    await client.initialize();
    const v1 = '1. a (see paragraph 3)\n3. b\n4. c\n';
    await client.open(URI, v1, 1);
    const { diagnostics } = await client.diagnostics(URI, (p) => p.version === 1 && p.diagnostics.length > 0);
    const ask = async (range: Range) =>
      (await request('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics } })) as Action[];
    const stale = (await ask(diagnostics[0].range)).find((a) => a.kind === 'source.fixAll')!;
    assert.equal(stale.edit!.documentChanges![0].textDocument.version, 1);
    // The author types before applying: a line inserted at the top.
    const v2 = '2. new first\n' + v1;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '2. new first\n' }],
    });
    const doc2 = TextDocument.create(URI, 'inspection-report', 2, v2);
    assert.throws(() => applyVersioned(doc2, stale), /stale edit/);
    // Asked again, the fix is for version 2 and renumbers the new text correctly.
    const fresh = (await ask({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })).find((a) => a.kind === 'source.fixAll')!;
    assert.equal(fresh.edit!.documentChanges![0].textDocument.version, 2);
    assert.equal(applyVersioned(doc2, fresh), '1. new first\n2. a (see paragraph 4)\n3. b\n4. c\n'.replace('see paragraph 4', 'see paragraph 3'));
    await client.shutdown();
  });

  it('without documentChanges support, edits are plain changes for the current text', async () => {
    await client.initialize({ diagnosticsDelay: 0 }, {});
    await client.open(URI, '1. a\n3. b\n', 1);
    const { diagnostics } = await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    const actions = (await request('textDocument/codeAction', { textDocument: { uri: URI }, range: diagnostics[0].range, context: { diagnostics } })) as Action[];
    const edits = actions[0].edit!.changes![URI];
    assert.equal(TextDocument.applyEdits(TextDocument.create(URI, 'x', 1, '1. a\n3. b\n'), edits), '1. a\n2. b\n');
    await client.shutdown();
  });

  it('a client that disconnects (stdin closed) makes the server exit', async () => {
    await client.initialize();
    await client.open(URI, '1. a\n');
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    client.process.stdin!.end();
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 10_000))]);
    assert.notEqual(code, 'still running');
    assert.equal(code, 1, 'exit without shutdown is code 1, as LSP specifies');
  });

  it('shutdown then exit: code 0; exit without shutdown: code 1; nothing on stderr', async () => {
    await client.initialize();
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.stderr, '');
    const other = new TestClient();
    await other.initialize();
    const exited = new Promise<number | null>((resolve) => other.process.once('exit', (code) => resolve(code)));
    await other.connection.sendNotification('exit');
    assert.equal(await exited, 1);
    other.connection.dispose();
  });

  it('malformed requests get an error response and the server keeps serving', async () => {
    await client.initialize();
    await client.open(URI, '1. a\n3. b\n');
    await assert.rejects(request('textDocument/hover', { textDocument: { uri: URI } }));
    await assert.rejects(request('textDocument/codeAction', { textDocument: { uri: URI } }));
    await assert.rejects(request('no/such/method', {}));
    const symbols = (await request('textDocument/documentSymbol', { textDocument: { uri: URI } })) as unknown[];
    assert.equal(symbols.length, 2);
    assert.equal(await client.shutdown(), 0);
  });
});
