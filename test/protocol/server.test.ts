import * as assert from 'node:assert/strict';
import { TestClient } from './lspClient.js';
import * as path from 'node:path';
import { FIXTURES, readFixture } from '../helpers.js';

const URI = 'file:///tmp/draft.report.md';

describe('language server over stdio', function () {
  let client: TestClient;
  beforeEach(() => {
    client = new TestClient();
  });
  afterEach(async () => {
    if (client.process.exitCode === null) client.process.kill();
  });

  it('initializes with the capabilities it implements', async () => {
    const { capabilities } = await client.initialize();
    assert.ok(capabilities.codeActionProvider);
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(await client.shutdown(), 0);
  });

  it('publishes diagnostics for an opened report, with its version', async () => {
    await client.initialize();
    const text = readFixture('synthetic/draft-with-errors.report.md');
    await client.open(URI, text, 7);
    const published = await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    assert.equal(published.version, 7);
    const codes = new Set(published.diagnostics.map((d) => d.code));
    for (const code of ['numbering/gap', 'numbering/duplicate', 'numbering/order', 'numbering/legacy-bullet', 'numbering/unnumbered', 'numbering/stray', 'reference/broken']) {
      assert.ok(codes.has(code), `missing ${code}`);
    }
    await client.shutdown();
  });

  it('re-publishes after an incremental change', async () => {
    await client.initialize();
    await client.open(URI, '1. a\n2. b\n');
    await client.diagnostics(URI, (p) => p.version === 1);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '3' }],
    });
    const p = await client.diagnostics(URI, (x) => x.version === 2);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['numbering/gap', 1, 0]]);
    await client.shutdown();
  });

  it('offers renumbering code actions whose edits touch only digits, versioned', async () => {
    await client.initialize();
    const text = '1. a (see paragraph 3)\n2. b\n3. c\n5. d\n';
    await client.open(URI, text, 3);
    const { diagnostics } = await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    const gap = diagnostics.find((d) => d.code === 'numbering/gap')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: gap.range,
      context: { diagnostics: [gap] },
    })) as { title: string; kind: string; edit: { documentChanges: { textDocument: { version: number }; edits: { newText: string }[] }[] } }[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Renumber this paragraph')));
    assert.ok(titles.includes('Renumber from here to the end'));
    const fixAll = actions.find((a) => a.kind === 'source.fixAll');
    assert.ok(fixAll, 'fix-all offered');
    const one = actions[0];
    assert.equal(one.edit.documentChanges[0].textDocument.version, 3);
    for (const e of one.edit.documentChanges[0].edits) assert.match(e.newText, /^\d+$/);
    await client.shutdown();
  });

  it('answers document symbols: sections nested by level, paragraphs as children', async () => {
    await client.initialize();
    await client.open(URI, '# Report\n\n## Findings\n\n1. The first finding is long enough to be cut after eight words here.\n2. Second.\n');
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as { name: string; children: { name: string; children: { name: string }[] }[] }[];
    assert.equal(symbols[0].name, 'Report');
    assert.equal(symbols[0].children[0].name, 'Findings');
    assert.deepEqual(symbols[0].children[0].children.map((c) => c.name), ['1. The first finding is long enough to be…', '2. Second.']);
    await client.shutdown();
  });

  it('treats an empty configuration as defaults', async () => {
    await client.initialize({});
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.open(URI, '1. a\n3. b\n');
    const p = await client.diagnostics(URI, (x) => x.diagnostics.length > 0);
    assert.equal(p.diagnostics[0].code, 'numbering/gap');
    await client.shutdown();
  });

  it('honours severity settings, including off', async () => {
    await client.initialize({ diagnosticsDelay: 0, severity: { 'numbering/gap': 'off', 'numbering/legacy-bullet': 'error' } });
    await client.open(URI, '- 1. a\n3. b\n');
    const p = await client.diagnostics(URI, (x) => x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['numbering/legacy-bullet', 1]]);
    await client.shutdown();
  });

  it('hover, definition, references and code lenses over the traceability links', async () => {
    const { capabilities } = await client.initialize();
    assert.ok(capabilities.definitionProvider && capabilities.referencesProvider && capabilities.codeLensProvider && capabilities.hoverProvider);
    const text = readFixture('corpus/haringey-2014.report.md');
    await client.open(URI, text);
    const lines = text.split('\n');
    const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    const p27 = { line: lineOf('27. '), character: 5 };
    const defs = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: URI }, position: p27 })) as { range: { start: { line: number } } }[];
    assert.equal(defs[0].range.start.line, lineOf('50. '));
    const refs = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri: URI }, position: { line: lineOf('50. '), character: 5 }, context: { includeDeclaration: false } })) as { range: { start: { line: number } } }[];
    assert.ok(refs.some((r) => r.range.start.line === lineOf('27. ')));
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } })) as { range: { start: { line: number } }; command: { title: string; command: string } }[];
    const lens27 = lenses.find((l) => l.range.start.line === lineOf('27. '))!;
    assert.match(lens27.command.title, /^supported by ¶50/);
    assert.equal(lens27.command.command, 'inspectionReport.showFindings');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: p27 })) as { contents: { value: string } };
    assert.match(hover.contents.value, /¶50/);
    await client.shutdown();
  });

  it('hover on a grade, and the judgements request', async () => {
    await client.initialize();
    const text = readFixture('corpus/haringey-2014.report.md');
    await client.open(URI, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('#### Leadership, management and governance'));
    const character = text.split('\n')[line].indexOf('require improvement') + 3;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line, character } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /Requires improvement/);
    const result = (await client.connection.sendRequest('inspectionReport/judgements', { uri: URI })) as { framework: string; judgements: { area: string; grade: string; line: number; kind: string }[] };
    assert.equal(result.framework, 'ofsted-sif-2013');
    assert.ok(result.judgements.some((j) => j.area === 'leadership' && j.kind === 'heading' && j.line === line + 1 && j.grade === 'Requires improvement'));
    await client.shutdown();
  });

  it('imports pasted text and files into Report Markdown (the editor command "Import report from text…")', async () => {
    await client.initialize();
    const raw = readFixture('raw/haringey-2014.raw.report.md');
    const fromText = (await client.connection.sendRequest('inspectionReport/import', { text: raw })) as { markdown: string; framework: string; removed: unknown[] };
    assert.equal(fromText.framework, 'ofsted-sif-2013');
    assert.match(fromText.markdown, /^---\nframework: ofsted-sif-2013\n/);
    assert.match(fromText.markdown, /^26\. Accelerate plans/m);
    const fromFile = (await client.connection.sendRequest('inspectionReport/import', { path: path.join(FIXTURES, 'raw', 'haringey-2014.raw.report.md') })) as { markdown: string };
    assert.equal(fromFile.markdown, fromText.markdown);
    await assert.rejects(client.connection.sendRequest('inspectionReport/import', { text: raw, framework: 'no-such-framework' }));
    await client.shutdown();
  });
});
