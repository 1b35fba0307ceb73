import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyse } from '../../server/src/service/analyse.js';
import { CHECKS } from '../../server/src/checks/registry.js';
import type { Check } from '../../server/src/checks/types.js';
import { ReportLanguageService } from '../../server/src/service/languageService.js';
import { runCli } from '../../server/src/cli/main.js';
import { model, registry } from '../helpers.js';
import { TestClient } from '../protocol/lspClient.js';

/*
 * Every check runs isolated: one that throws is reported with its id, and the others'
 * diagnostics still come through — in analyse, in the language service (diagnostics and
 * code actions), in the CLI, where --fix then does not write the file, and in the server
 * over JSON-RPC stdio (a check made to throw with the INSPECTION_REPORT_TEST_THROWING_CHECK
 * test hook, read when the server starts).
 */
const throwing: Check = {
  id: 'test-throwing-check',
  codes: { 'test/never': 'error' },
  run() {
    throw new Error('boom');
  },
};
const throwingFixes: Check = {
  id: 'test-throwing-fixes',
  codes: { 'test/fixes-throw': 'warning' },
  run: () => [{ code: 'test/fixes-throw', span: { start: 0, end: 1 }, message: 'x' }],
  fixes() {
    throw new Error('fix boom');
  },
};

/** Add checks to the registry for one test (the service and CLI read CHECKS). */
function withChecks<T>(extra: Check[], f: () => T): T {
  const list = CHECKS as Check[];
  list.push(...extra);
  try {
    return f();
  } finally {
    for (const c of extra) list.splice(list.indexOf(c), 1);
  }
}

const TEXT = '1. a (paragraph 9)\n3. b\n';

describe('robustness: checks run isolated', () => {
  it('analyse: a throwing check is reported with its id; the other checks still report', () => {
    const errors: [string, unknown][] = [];
    const diagnostics = analyse(model(TEXT), { checks: [throwing, ...CHECKS, throwing], onCheckError: (id, e) => errors.push([id, e]) });
    assert.deepEqual(errors.map(([id]) => id), ['test-throwing-check', 'test-throwing-check']);
    assert.equal((errors[0][1] as Error).message, 'boom');
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['numbering/gap', 'reference/broken']);
  });

  it('analyse: a check run in steps that throws midway is reported the same way', () => {
    const errors: [string, unknown][] = [];
    const stepped: Check = {
      id: 'test-stepped-throwing',
      codes: { 'test/never': 'error' },
      run: () => [],
      *steps() {
        yield;
        throw new Error('step boom');
      },
    };
    const diagnostics = analyse(model(TEXT), { checks: [stepped, ...CHECKS], onCheckError: (id, e) => errors.push([id, e]) });
    assert.deepEqual(errors.map(([id]) => id), ['test-stepped-throwing']);
    assert.equal((errors[0][1] as Error).message, 'step boom', 'analyse runs the steps, not run');
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['numbering/gap', 'reference/broken']);
  });

  it('analyse: a check whose every code is off is not run at all; one with a code on is', () => {
    let runs = 0;
    const counting: Check = { id: 'test-counting', codes: { 'test/a': 'off', 'test/b': 'warning' }, run: () => (runs++, [{ code: 'test/b', span: { start: 0, end: 1 }, message: 'b' }]) };
    const m = model('# Report\n\n1. One.\n');
    analyse(m, { checks: [counting], severities: { 'test/b': 'off' } });
    assert.equal(runs, 0);
    const out = analyse(m, { checks: [counting], severities: { 'test/a': 'error', 'test/b': 'off' } });
    assert.equal(runs, 1);
    assert.deepEqual(out, [], 'test/b is still dropped');
    assert.equal(analyse(m, { checks: [counting] }).length, 1);
  });
  it('the language service: diagnostics and code actions survive a throwing check and throwing fixes', () => {
    withChecks([throwing, throwingFixes], () => {
      const service = new ReportLanguageService({ registry });
      const errors: string[] = [];
      service.onCheckError = (id) => errors.push(id);
      const doc = { uri: 'file:///iso.report.md', version: 1, getText: () => TEXT };
      const codes = service.diagnostics(doc).map((d) => d.code).sort();
      assert.deepEqual(codes, ['numbering/gap', 'reference/broken', 'test/fixes-throw']);
      assert.ok(errors.includes('test-throwing-check'));
      const actions = service.codeActions(doc, { start: 0, end: TEXT.length });
      assert.ok(actions.some((a) => a.fix.title.startsWith('Renumber')), 'the other fixes are still offered');
      assert.ok(errors.includes('test-throwing-fixes'));
    });
  });

  it('the CLI: the failing check is named on stderr, the others print, and --fix does not write', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-iso-'));
    const file = path.join(dir, 'draft.report.md');
    fs.writeFileSync(file, TEXT);
    let stdout = '';
    let stderr = '';
    const code = withChecks([throwing], () =>
      runCli(['check', '--fix', 'draft.report.md'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir }),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), TEXT, 'a file that could not be fully checked is not written');
    assert.match(stderr, /draft\.report\.md: check test-throwing-check failed: boom/);
    assert.match(stdout, /numbering\/gap/);
    assert.notEqual(code, 0);
  });

  it('the server over stdio: a check that throws is logged with its id, and the other checks are still published', async function () {
    this.timeout(60_000);
    // The test hook is read once, when the server starts (docs/robustness.md).
    const start = (throwingCheck?: string) => {
      if (throwingCheck) process.env.INSPECTION_REPORT_TEST_THROWING_CHECK = throwingCheck;
      try {
        return new TestClient();
      } finally {
        delete process.env.INSPECTION_REPORT_TEST_THROWING_CHECK;
      }
    };
    const uri = 'file:///tmp/isolation.report.md';
    const publish = async (client: TestClient) => {
      const logs: { type: number; message: string }[] = [];
      client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
        logs.push(p);
      });
      await client.initialize();
      await client.open(uri, TEXT);
      const published = await client.diagnostics(uri);
      // A request after the failure is still answered: the server is alive.
      const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols));
      assert.equal(await client.shutdown(), 0);
      return { codes: published.diagnostics.map((d) => d.code).sort(), logs, stderr: client.stderr };
    };
    const normal = await publish(start());
    assert.deepEqual(normal.codes, ['numbering/gap', 'reference/broken']);
    assert.deepEqual(normal.logs.filter((l) => l.type === 1), []);

    const failing = await publish(start('numbering-gap'));
    assert.deepEqual(failing.codes, ['reference/broken'], 'the other checks are published');
    const errors = failing.logs.filter((l) => l.type === 1).map((l) => l.message);
    assert.ok(errors.some((m) => m.startsWith('check numbering-gap failed:') && m.includes('made to throw')), `logged with its id: ${JSON.stringify(errors)}`);
    assert.equal(failing.stderr, '');
  });
});
