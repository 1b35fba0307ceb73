import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, readFixture } from '../helpers.js';

/** Runs the bundled CLI as a user would. */
function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ir-cli-'));
}

describe('inspection-report check', () => {
  it('prints file:line:col severity code message and exits 1 on errors', () => {
    const r = cli(['check', 'examples/draft-with-errors.report.md']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^examples\/draft-with-errors\.report\.md:\d+:\d+ error numbering\/gap /m);
    assert.match(r.stdout, / warning numbering\/legacy-bullet /);
  });

  it('exits 0 on a clean report found in a folder', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.report.md'), '1. a\n2. b\n');
    fs.writeFileSync(path.join(dir, 'notes.md'), '1. a\n3. b\n');
    const r = cli(['check', dir]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 file checked: 0 errors/);
  });

  it('checks a plain .md named explicitly, and globs', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.md'), '1. a\n3. b\n');
    assert.equal(cli(['check', 'notes.md'], dir).code, 1);
    assert.equal(cli(['check', '*.md'], dir).code, 1);
  });

  it('prints the documented JSON shape', () => {
    const r = cli(['check', '--format', 'json', 'examples/draft-with-errors.report.md']);
    const json = JSON.parse(r.stdout);
    const [file] = json.files;
    assert.deepEqual(Object.keys(file).filter((k) => ['file', 'framework', 'diagnostics', 'paragraphs', 'judgements', 'improvements'].includes(k)).length, 6);
    assert.equal(file.framework, 'ofsted-sif-2013');
    const d = file.diagnostics[0];
    for (const k of ['code', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message']) assert.ok(k in d, k);
    assert.ok(d.line >= 1 && d.column >= 1);
    const p = file.paragraphs[0];
    for (const k of ['number', 'line', 'section', 'role']) assert.ok(k in p, k);
  });

  it('prints SARIF 2.1.0', () => {
    const r = cli(['check', '--format=sarif', 'examples/draft-with-errors.report.md']);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results[0];
    assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === result.ruleId));
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
  });

  it('exits 2 with one line per unreadable input, still checking the rest', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ok.report.md'), '1. a\n3. b\n');
    fs.writeFileSync(path.join(dir, 'bin.report.md'), Buffer.from([0x31, 0x2e, 0x00, 0xff]));
    fs.mkdirSync(path.join(dir, 'empty'));
    const r = cli(['check', 'ok.report.md', 'missing.report.md', 'bin.report.md', 'empty', 'nothing-*.md'], dir);
    assert.equal(r.code, 2);
    const errors = r.stderr.trim().split('\n');
    assert.equal(errors.length, 4, r.stderr);
    assert.match(r.stdout, /ok\.report\.md:2:1 error numbering\/gap/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(cli(['check']).code, 2);
    assert.equal(cli(['check', '--format', 'xml', 'x']).code, 2);
    assert.equal(cli(['frobnicate']).code, 2);
    assert.equal(cli(['check', '--framework', 'nope', 'examples']).code, 2);
  });

  it('--fix rewrites in place keeping CRLF, BOM and file mode, and checks again', () => {
    const dir = tempDir();
    const file = path.join(dir, 'draft.report.md');
    fs.writeFileSync(file, '\uFEFF- 1. a\r\n- 3. b (paragraph 3)\t\r\n');
    fs.chmodSync(file, 0o640);
    const r = cli(['check', '--fix', file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFF1. a\r\n2. b (paragraph 2)\t\r\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['draft.report.md'], 'no temporary file left behind');
  });

  it('--fix leaves a clean fixture byte-for-byte unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'h.report.md');
    const text = readFixture('corpus/haringey-2014.report.md');
    fs.writeFileSync(file, text);
    cli(['check', '--fix', file]);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
  });
});

describe('inspection-report check with workspace profiles', () => {
  it('--profiles adds a framework from a folder of JSON profiles', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'home.report.md'), '---\nframework: cqc-2024\n---\n\n| Key question | Rating |\n|---|---|\n| Safe | Inadequate |\n| Well-led | Good |\n| Overall rating | Good |\n');
    const r = cli(['check', '--format', 'json', '--profiles', path.join(ROOT, 'test', 'fixtures', 'profiles'), 'home.report.md'], dir);
    const file = JSON.parse(r.stdout).files[0];
    assert.equal(file.framework, 'cqc-2024');
    assert.deepEqual(file.judgements.map((j: { area: string; grade: string }) => `${j.area} ${j.grade}`), ['safe Inadequate', 'well-led Good', 'overall Good']);
    assert.deepEqual(file.diagnostics.map((d: { code: string }) => d.code), ['judgement/rule']);
  });
  it('an invalid profile is reported once, with the file and the reason, and the built-ins still work', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'profiles'));
    fs.writeFileSync(path.join(dir, 'profiles', 'broken.json'), '{"id": "x"');
    fs.writeFileSync(path.join(dir, 'profiles', 'wrong.json'), '{"id": "Bad Id", "title": 3}');
    fs.writeFileSync(path.join(dir, 'a.report.md'), '---\nframework: ofsted-sif-2013\n---\n1. a\n');
    const r = cli(['check', '--profiles', 'profiles', 'a.report.md'], dir);
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines.join('\n'), /broken\.json: not valid JSON/);
    assert.match(lines.join('\n'), /wrong\.json: invalid profile/);
    assert.match(r.stdout, /1 file checked: 0 errors/);
  });
  it('--format json lists judgement statements', () => {
    const r = cli(['check', '--format', 'json', 'examples/haringey-2014.report.md']);
    const file = JSON.parse(r.stdout).files[0];
    const j = file.judgements.find((x: { area: string; kind: string }) => x.area === 'leadership' && x.kind === 'heading');
    assert.deepEqual(Object.keys(j).slice(0, 6), ['area', 'areaName', 'grade', 'gradeId', 'line', 'column']);
    assert.equal(j.grade, 'Requires improvement');
    assert.equal(file.improvements.length, 21);
    assert.equal(file.improvements[1].findings[0].paragraph, 50);
  });
});
