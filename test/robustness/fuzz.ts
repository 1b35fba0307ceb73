import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exercise, rng } from './exercise.js';
import { mutate, randomBytesText, randomString, reportArbitrary } from './generators.js';
import { CORPUS, FIXTURES, ROOT } from '../helpers.js';
import { TestClient } from '../protocol/lspClient.js';
import { assertRangesInside } from './ranges.js';

/*
 * The fuzzer: random bytes, random Markdown-ish characters, generated reports and
 * structure-aware mutations of real reports, fed to the model, every check and every service
 * request (in-process), and to the language server over stdio (every request it advertises,
 * at random positions, after random incremental edits). Asserts no exception, no hang (a
 * time bound per call) and every range inside the document. A failing input is saved under
 * test-results/fuzz/ with its seed.
 */

export interface FuzzStats {
  cases: number;
  bytes: number;
  sources: Record<string, number>;
  requests?: number;
}

function seeds(): string[] {
  const files: string[] = [];
  for (const dir of ['corpus', 'raw', 'synthetic']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir))) files.push(fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8'));
  }
  // Published reports as plain text, when the shared corpus is present (a few, for variety).
  const archive = path.join(CORPUS, 'ofsted-archive');
  if (fs.existsSync(archive)) {
    for (const f of fs.readdirSync(archive).filter((n) => n.endsWith('.txt')).sort().filter((_, i) => i % 40 === 0)) {
      files.push(fs.readFileSync(path.join(archive, f), 'utf8'));
    }
  }
  return files;
}

function save(seed: number, text: string, error: unknown): string {
  const dir = path.join(ROOT, 'test-results', 'fuzz');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `case-${seed}.md`);
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.error.txt`, error instanceof Error ? `${error.stack}` : String(error));
  return file;
}

/** One input from the seed: which kind, and the text. */
export function input(seed: number, corpus: string[]): { source: string; text: string } {
  const random = rng(seed);
  const kind = Math.floor(random() * 5);
  switch (kind) {
    case 0:
      return { source: 'random bytes', text: randomBytesText(random, Math.floor(random() * 4000)) };
    case 1:
      return { source: 'random characters', text: randomString(random, Math.floor(random() * 4000)) };
    case 2:
      return { source: 'generated report', text: fc.sample(reportArbitrary, { numRuns: 1, seed })[0] };
    default: {
      const base = corpus[Math.floor(random() * corpus.length)];
      return { source: 'mutated report', text: mutate(base, random) };
    }
  }
}

/** In-process fuzzing of the model, the checks and the service, for `budgetMs`. */
export function fuzzService(budgetMs: number, firstSeed: number, log: (s: string) => void = () => {}): FuzzStats {
  const corpus = seeds();
  const stats: FuzzStats = { cases: 0, bytes: 0, sources: {} };
  const end = Date.now() + budgetMs;
  for (let seed = firstSeed; Date.now() < end; seed++) {
    const { source, text } = input(seed, corpus);
    const random = rng(seed ^ 0x5bd1e995);
    const offsets = Array.from({ length: 4 }, () => Math.floor(random() * (text.length + 1)));
    try {
      exercise(text, { offsets, fixAll: random() < 0.25 });
    } catch (error) {
      const file = save(seed, text, error);
      throw new Error(`fuzz case ${seed} (${source}) failed; input saved to ${file}: ${error instanceof Error ? error.message : error}`);
    }
    stats.cases++;
    stats.bytes += text.length;
    stats.sources[source] = (stats.sources[source] ?? 0) + 1;
    if (stats.cases % 200 === 0) log(`  ${stats.cases} cases, ${Math.round(stats.bytes / 1024)} KB`);
  }
  return stats;
}

const CALL_MS = 10_000;

async function within<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${CALL_MS} ms`)), CALL_MS)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Fuzzing over the protocol: one server, many documents, random edits and requests. */
export async function fuzzProtocol(budgetMs: number, firstSeed: number, log: (s: string) => void = () => {}): Promise<FuzzStats> {
  const corpus = seeds();
  const client = new TestClient();
  const stats: FuzzStats = { cases: 0, bytes: 0, sources: {}, requests: 0 };
  try {
    const { capabilities } = await client.initialize();
    const end = Date.now() + budgetMs;
    for (let seed = firstSeed; Date.now() < end; seed++) {
      const { source, text } = input(seed, corpus);
      const random = rng(seed ^ 0x1b873593);
      const uri = `file:///tmp/fuzz-${seed}.report.md`;
      let doc = TextDocument.create(uri, 'inspection-report', 1, text);
      await client.open(uri, text, 1);
      const rounds = 1 + Math.floor(random() * 3);
      for (let round = 0; round < rounds; round++) {
        if (round > 0) {
          // An incremental edit at a random place: the server's copy must follow.
          const a = Math.floor(random() * (doc.getText().length + 1));
          const b = Math.min(doc.getText().length, a + Math.floor(random() * 50));
          const range = { start: doc.positionAt(a), end: doc.positionAt(b) };
          const insert = randomString(random, Math.floor(random() * 20));
          doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
          await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: insert }] });
        }
        const current = doc.getText();
        const lines = doc.lineCount;
        const position = () =>
          random() < 0.1
            ? { line: lines + Math.floor(random() * 5), character: Math.floor(random() * 100) }
            : doc.positionAt(Math.floor(random() * (current.length + 1)));
        const textDocument = { uri };
        const p = position();
        const q = position();
        const range = doc.offsetAt(p) <= doc.offsetAt(q) ? { start: p, end: q } : { start: q, end: p };
        const calls: [string, string, unknown][] = [
          ['documentSymbolProvider', 'textDocument/documentSymbol', { textDocument }],
          ['hoverProvider', 'textDocument/hover', { textDocument, position: p }],
          ['completionProvider', 'textDocument/completion', { textDocument, position: p }],
          ['definitionProvider', 'textDocument/definition', { textDocument, position: p }],
          ['referencesProvider', 'textDocument/references', { textDocument, position: p, context: { includeDeclaration: true } }],
          ['codeActionProvider', 'textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
          ['codeLensProvider', 'textDocument/codeLens', { textDocument }],
          ['foldingRangeProvider', 'textDocument/foldingRange', { textDocument }],
          ['selectionRangeProvider', 'textDocument/selectionRange', { textDocument, positions: [p, q] }],
          ['documentOnTypeFormattingProvider', 'textDocument/onTypeFormatting', { textDocument, position: p, ch: '\n', options: { tabSize: 2, insertSpaces: true } }],
        ];
        for (const [capability, method, params] of calls) {
          if (!capabilities[capability]) continue; // skip methods the server does not advertise
          stats.requests!++;
          try {
            const result = await within(method, client.connection.sendRequest(method, params));
            assertRangesInside(current, result, method);
          } catch (error) {
            const file = save(seed, current, error);
            throw new Error(`protocol fuzz case ${seed} (${source}), ${method}: ${error instanceof Error ? error.message : error}; input saved to ${file}; server stderr: ${client.stderr.slice(-2000)}`);
          }
        }
        const published = await within('publishDiagnostics', client.diagnostics(uri, (x) => x.version === doc.version));
        assertRangesInside(current, published.diagnostics, 'diagnostics');
      }
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      assert.equal(client.process.exitCode, null, 'the server exited');
      stats.cases++;
      stats.bytes += text.length;
      stats.sources[source] = (stats.sources[source] ?? 0) + 1;
      if (stats.cases % 50 === 0) log(`  ${stats.cases} documents, ${stats.requests} requests`);
    }
    assert.doesNotMatch(client.stderr, /Uncaught|RangeError|TypeError/, client.stderr);
    assert.equal(await client.shutdown(), 0);
    return stats;
  } finally {
    if (client.process.exitCode === null) client.process.kill();
  }
}
