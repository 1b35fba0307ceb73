import * as assert from 'node:assert/strict';
import { TestClient } from './lspClient.js';
import { readFixture } from '../helpers.js';

const URI = 'file:///tmp/editor.report.md';

describe('language server: editor features over stdio', function () {
  let client: TestClient;
  beforeEach(() => {
    client = new TestClient();
  });
  afterEach(async () => {
    if (client.process.exitCode === null) client.process.kill();
  });

  it('declares on-type formatting on Enter, folding, selection ranges and workspace symbols', async () => {
    const { capabilities } = await client.initialize();
    assert.deepEqual(capabilities.documentOnTypeFormattingProvider, { firstTriggerCharacter: '\n' });
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(capabilities.selectionRangeProvider, true);
    assert.equal(capabilities.workspaceSymbolProvider, true);
    assert.equal(await client.shutdown(), 0);
  });

  it('Enter after paragraph 2 inserts "3. "', async () => {
    await client.initialize();
    await client.open(URI, '# R\n\n1. a\n2. b\n\n');
    const edits = (await client.connection.sendRequest('textDocument/onTypeFormatting', {
      textDocument: { uri: URI },
      position: { line: 4, character: 0 },
      ch: '\n',
      options: { tabSize: 4, insertSpaces: true },
    })) as { range: { start: { line: number; character: number } }; newText: string }[];
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.start.character, e.newText]), [[4, 0, '3. ']]);
    await client.shutdown();
  });

  it('answers folding ranges, selection ranges, workspace symbols and the custom requests', async () => {
    await client.initialize();
    await client.open(URI, readFixture('synthetic/draft-with-errors.report.md'));
    const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } })) as { startLine: number; endLine: number; kind?: string }[];
    assert.ok(folds.some((f) => f.startLine === 0 && f.kind === 'imports'), 'front matter folds');
    assert.ok(folds.length > 5);
    const selection = (await client.connection.sendRequest('textDocument/selectionRange', { textDocument: { uri: URI }, positions: [{ line: 10, character: 3 }] })) as { range: unknown; parent?: unknown }[];
    let depth = 0;
    for (let s: { parent?: unknown } | undefined = selection[0]; s; s = s.parent as typeof s) depth++;
    assert.ok(depth >= 2);
    const symbols = (await client.connection.sendRequest('workspace/symbol', { query: '#27' })) as { name: string; location: { uri: string; range: { start: { line: number } } } }[];
    assert.equal(symbols.length, 1);
    assert.match(symbols[0].name, /^27\. Reviews of looked after children/);
    assert.equal(symbols[0].location.uri, URI);
    const info = (await client.connection.sendRequest('inspectionReport/documentInfo', { textDocument: { uri: URI } })) as { framework: { id: string }; paragraphs: number; errors: number };
    assert.equal(info.framework.id, 'ofsted-sif-2013');
    assert.ok(info.errors > 0);
    const plan = (await client.connection.sendRequest('inspectionReport/actionPlan', { textDocument: { uri: URI }, format: 'csv' })) as { count: number; text: string };
    assert.equal(plan.count, 6);
    assert.match(plan.text, /^Paragraph,Area,Heading,Recommendation/);
    const improvements = (await client.connection.sendRequest('inspectionReport/improvements', { textDocument: { uri: URI } })) as { number: number; range: { start: { line: number } } }[];
    assert.deepEqual(improvements.map((i) => i.number), [9, 10, 11, 12, 13, 14]);
    await client.shutdown();
  });
});
