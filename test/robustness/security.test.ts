import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers.js';
import { loadProfileFolders } from '../../server/src/profiles/loadFolders.js';
import { ProfileRegistry } from '../../server/src/profiles/registry.js';
import { ReportLanguageService } from '../../server/src/service/languageService.js';
import { escapeMarkdown } from '../../server/src/service/hover.js';
import { TestClient } from '../protocol/lspClient.js';

/*
 * Nothing from a workspace is executed; profile folders stay inside the workspace; files read
 * are size-limited; hovers escape user and profile text; an untrusted workspace gets the same
 * checks.
 */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Where a pattern is allowed, and why. Paths relative to server/src. */
const ALLOWED: Record<string, string> = {
  // `inspection-report import report.pdf`: runs pdftotext with an argument array (no shell) on
  // a file the user named on the command line; not reachable from the language server.
  'import/readInput.ts': 'CLI import of .pdf (pdftotext, no shell) and .docx (mammoth, a fixed module name)',
};

const profile = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/profiles/ofsted-sif-2013.json'), 'utf8'));

describe('robustness: security', function () {
  this.timeout(60_000);

  it('no eval, Function, vm, shell, child_process, require() or dynamic import() in server/src', () => {
    const forbidden: [RegExp, string][] = [
      [/\beval\s*\(/, 'eval'],
      [/\bnew\s+Function\b|\bFunction\s*\(/, 'Function'],
      [/['"]node:vm['"]|['"]vm['"]/, 'vm'],
      [/child_process/, 'child_process'],
      [/\brequire\s*\(/, 'require()'],
      [/\bimport\s*\(/, 'dynamic import()'],
      [/shell\s*:\s*true/, 'shell: true'],
      [/\bexecSync\b|(?<![.\w])exec\s*\(/, 'exec'],
    ];
    const root = path.join(ROOT, 'server', 'src');
    const found: string[] = [];
    for (const file of sources(root)) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (ALLOWED[rel]) continue;
      const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [re, what] of forbidden) if (re.test(text)) found.push(`${rel}: ${what}`);
    }
    assert.deepEqual(found, []);
  });

  it('the one program the server may run (pdftotext) is reached only from the explicit import request, without a shell', () => {
    // `inspectionReport/import` with a path: the user picked the file in the import command.
    const lsp = path.join(ROOT, 'server', 'src', 'lsp');
    const users = sources(lsp).filter((f) => /readInput\(/.test(fs.readFileSync(f, 'utf8')));
    for (const file of users) {
      const text = fs.readFileSync(file, 'utf8');
      const calls = text.split('\n').filter((l) => /readInput\(/.test(l));
      for (const line of calls) assert.ok(text.indexOf("onRequest('inspectionReport/import'") >= 0 && text.indexOf("onRequest('inspectionReport/import'") < text.indexOf(line), `${file}: readInput outside the import request: ${line}`);
    }
    const readInput = fs.readFileSync(path.join(ROOT, 'server', 'src', 'import', 'readInput.ts'), 'utf8');
    assert.match(readInput, /spawnSync\('pdftotext', \[/, 'a fixed program with an argument array');
    assert.doesNotMatch(readInput, /shell\s*:/);
  });

  it('profiles are JSON data validated by the shipped schema: code-looking values stay strings', () => {
    const reg = new ProfileRegistry([{ file: 'x.json', data: { ...profile, id: 'evil', title: '${process.exit(1)}', detection: { phrases: ['require("fs")'] } } }]);
    assert.equal(reg.get('evil')!.title, '${process.exit(1)}');
    const bad = new ProfileRegistry([{ file: 'y.json', data: { ...profile, id: 'y', grades: 'function () {}' } }]);
    assert.equal(bad.get('y'), undefined);
    assert.equal(bad.problems.length, 1);
  });

  describe('profile folders are confined to the workspace', () => {
    const setup = () => {
      const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-sec-'));
      const workspace = path.join(base, 'workspace');
      const outside = path.join(base, 'outside');
      fs.mkdirSync(path.join(workspace, 'profiles'), { recursive: true });
      fs.mkdirSync(outside);
      fs.writeFileSync(path.join(outside, 'stolen.json'), JSON.stringify({ ...profile, id: 'outside' }));
      fs.writeFileSync(path.join(workspace, 'profiles', 'ok.json'), JSON.stringify({ ...profile, id: 'inside' }));
      return { base, workspace, outside };
    };

    it('`..` out of the workspace is refused', () => {
      const { workspace } = setup();
      const r = loadProfileFolders(['../outside', 'profiles/../../outside'], workspace, [workspace]);
      assert.equal(r.files.length, 0);
      assert.equal(r.problems.length, 2);
      for (const p of r.problems) assert.match(p.message, /outside the workspace/);
    });

    it('an absolute path outside is refused', () => {
      const { workspace, outside } = setup();
      const r = loadProfileFolders([outside], workspace, [workspace]);
      assert.equal(r.files.length, 0);
      assert.match(r.problems[0].message, /outside the workspace/);
    });

    it('a symlinked folder or file that leads outside is refused; inside ones are read', () => {
      const { workspace, outside } = setup();
      fs.symlinkSync(outside, path.join(workspace, 'linked'));
      fs.symlinkSync(path.join(outside, 'stolen.json'), path.join(workspace, 'profiles', 'link.json'));
      const r = loadProfileFolders(['linked', 'profiles'], workspace, [workspace]);
      assert.deepEqual(r.files.map((f) => (f.data as { id: string }).id), ['inside']);
      assert.equal(r.problems.length, 2);
      for (const p of r.problems) assert.match(p.message, /outside the workspace/);
    });

    it('a workspace root that is itself a symlink still works', () => {
      const { base, workspace } = setup();
      const alias = path.join(base, 'alias');
      fs.symlinkSync(workspace, alias);
      const r = loadProfileFolders(['profiles'], alias, [alias]);
      assert.deepEqual(r.files.map((f) => (f.data as { id: string }).id), ['inside']);
    });

    it('over the protocol: an escaping folder and a broken profile are each reported once (file and reason); built-ins still work', async () => {
      const { workspace } = setup();
      fs.writeFileSync(path.join(workspace, 'profiles', 'broken.json'), '{ not json');
      const client = new TestClient();
      const messages: string[] = [];
      client.connection.onNotification('window/showMessage', (m: { message: string }) => {
        messages.push(m.message);
      });
      const settings = { diagnosticsDelay: 0, profileFolders: ['profiles', '../outside'] };
      client.connection.onRequest('workspace/configuration', () => [settings]);
      try {
        await client.connection.sendRequest('initialize', {
          processId: process.pid,
          rootUri: pathToFileURL(workspace).href,
          workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'w' }],
          capabilities: { workspace: { configuration: true } },
          initializationOptions: settings,
        });
        await client.connection.sendNotification('initialized', {});
        const uri = pathToFileURL(path.join(workspace, 'a.report.md')).href;
        await client.open(uri, '---\nframework: inside\n---\n1. a\n3. b\n');
        const p = await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
        assert.deepEqual(p.diagnostics.map((d) => d.code), ['numbering/gap'], 'the workspace profile inside is used');
        await client.open(`${uri}2`, '---\nframework: outside\n---\n1. a\n');
        const q = await client.diagnostics(`${uri}2`, (x) => x.diagnostics.length > 0);
        assert.deepEqual(q.diagnostics.map((d) => d.code), ['framework/unknown']);
        await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }); // settle
        const broken = messages.filter((m) => m.includes('broken.json'));
        const escaping = messages.filter((m) => m.includes('outside'));
        assert.equal(broken.length, 1, messages.join('\n'));
        assert.match(broken[0], /not valid JSON/);
        assert.equal(escaping.length, 1, messages.join('\n'));
        assert.match(escaping[0], /outside the workspace/);
        await client.shutdown();
      } finally {
        if (client.process.exitCode === null) client.process.kill();
      }
    });
  });

  describe('hovers escape report and profile text', () => {
    const injections = ['<img src=x onerror=alert(1)>', '[click](command:workbench.action.terminal.new)', '![x](http://evil/x.png)', '**bold** _em_ `code`', '<script>alert(1)</script>', '&lt;', '# heading', '| table |'];

    it('escapeMarkdown leaves no active Markdown or HTML', () => {
      for (const s of injections) {
        const e = escapeMarkdown(s);
        assert.doesNotMatch(e, /(?<!\\)[<>[\]()*_`!#|&]/, `${s} -> ${e}`);
      }
    });

    it('a hover over a heading and over a grade shows a malicious profile title, area and grade escaped', () => {
      const evil = '<img src=x onerror=alert(1)>[click](command:x)';
      const data = { ...profile, id: 'evil', title: evil, grades: profile.grades.map((g: { description?: string }) => ({ ...g, description: evil })) };
      const reg = new ProfileRegistry([{ file: 'evil.json', data }]);
      assert.deepEqual(reg.problems, []);
      const service = new ReportLanguageService({ registry: reg });
      const text = `---\nframework: evil\n---\n# Report ${evil}\n\n| Judgement | Grade |\n|---|---|\n| Overall effectiveness | Good |\n\n1. a\n`;
      const doc = { uri: 'file:///evil.report.md', version: 1, getText: () => text };
      const hovers = [text.indexOf('# Report') + 3, text.indexOf('Good') + 1].map((o) => service.hover(doc, o)).filter((h) => h);
      assert.ok(hovers.length >= 1);
      for (const h of hovers) {
        assert.doesNotMatch(h!.markdown, /(?<!\\)<img|(?<!\\)\[click(?<!\\)\]/, h!.markdown);
      }
    });
  });

  it('a webview, if the client ever has one, sets a Content-Security-Policy', () => {
    for (const file of sources(path.join(ROOT, 'client', 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      if (/createWebviewPanel|registerWebviewViewProvider/.test(text)) assert.match(text, /Content-Security-Policy/, `${file}: a webview without a CSP`);
    }
  });

  it('untrusted workspaces: declared supported, and the client passes nothing that changes the checks', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, true);
    // The server has no notion of trust; the client must not switch checks off in untrusted mode.
    for (const file of sources(path.join(ROOT, 'client', 'src'))) {
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /isTrusted|onDidGrantWorkspaceTrust/, file);
    }
  });
});
