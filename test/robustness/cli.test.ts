import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers.js';
import { readReport, writeReportAtomically } from '../../server/src/cli/readReport.js';

/*
 * The CLI under bad input: one line on stderr per bad argument or file, exit 2, the other
 * files still checked; --fix atomic, keeping line endings, BOM and mode, and never writing a
 * file that changed while it was checked.
 */
const CLI = path.join(ROOT, 'dist', 'cli.cjs');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ir-robust-'));
}

const GAP = '1. a\n3. b\n';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('robustness: command line', function () {
  this.timeout(120_000);

  it('each bad input gets one line on stderr and exit 2; the good files are still checked', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ok.report.md'), GAP);
    fs.writeFileSync(path.join(dir, 'zero.report.md'), Buffer.from([0x31, 0x2e, 0x20, 0x00, 0x61]));
    fs.writeFileSync(path.join(dir, 'latin1.report.md'), Buffer.from('1. caf\xe9\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'utf16.report.md'), Buffer.from('\ufeff1. a\n', 'utf16le'));
    fs.mkdirSync(path.join(dir, 'no-reports'));
    fs.writeFileSync(path.join(dir, 'no-reports', 'notes.txt'), 'x');
    fs.symlinkSync(path.join(dir, 'gone.report.md'), path.join(dir, 'dangling.report.md'));
    const args = ['check', 'ok.report.md', 'missing.report.md', 'zero.report.md', 'latin1.report.md', 'utf16.report.md', 'no-reports', 'nothing-*.report.md', 'dangling.report.md'];
    const r = cli(args, dir);
    assert.equal(r.code, 2, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 7, r.stderr);
    for (const [name, reason] of [
      ['missing.report.md', /no such file/],
      ['zero.report.md', /binary/],
      ['latin1.report.md', /not valid UTF-8/],
      ['utf16.report.md', /binary|UTF-8/],
      ['no-reports', /no report files/],
      ['nothing-\*.report.md', /no files match/],
      ['dangling.report.md', /no such file/],
    ] as const) {
      assert.ok(lines.some((l) => l.includes(name.replace('\\', '')) && reason.test(l)), `${name}: ${r.stderr}`);
    }
    for (const l of lines) assert.match(l, /^inspection-report: /);
    assert.match(r.stdout, /^ok\.report\.md:2:1 error numbering\/gap/m);
  });

  it('a FIFO or a folder named like a report is refused without blocking', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'folder.report.md'));
    fs.writeFileSync(path.join(dir, 'folder.report.md', 'inner.report.md'), GAP);
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.report.md')]);
    const r = cli(['check', 'pipe.report.md', '*.report.md'], dir);
    if (fifo.status === 0) assert.match(r.stderr, /pipe\.report\.md: not a file/);
    else console.log('      (mkfifo unavailable: only the folder case ran)');
    assert.equal(r.code, 2, r.stdout + r.stderr);
  });

  it('an unreadable file: one line, exit 2, others checked', function () {
    if (isRoot) {
      // chmod 000 does not stop root from reading. Say so; this is not a pass.
      console.log('      (skipped: running as root, which reads chmod 000 files; unreadability is covered by the dangling-link and FIFO cases)');
      this.skip();
    }
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ok.report.md'), GAP);
    fs.writeFileSync(path.join(dir, 'secret.report.md'), GAP);
    fs.chmodSync(path.join(dir, 'secret.report.md'), 0o000);
    const r = cli(['check', 'ok.report.md', 'secret.report.md'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /secret\.report\.md: .*(EACCES|permission)/i);
    assert.match(r.stdout, /ok\.report\.md:2:1/);
  });

  it('--fix keeps CRLF, lone CR, mixed endings, BOM, tabs, trailing spaces and mode; no temporary file left', () => {
    const dir = tempDir();
    const cases: [string, string, string][] = [
      ['crlf.report.md', '\uFEFF1. a\r\n3. b (paragraph 3)  \r\n', '\uFEFF1. a\r\n2. b (paragraph 2)  \r\n'],
      ['cr.report.md', '1. a\r3. b\r', '1. a\r2. b\r'],
      ['mixed.report.md', '1.\ta\r\n\n3.\tb\r- 4. c\n', '1.\ta\r\n\n2.\tb\r3. c\n'],
      ['nofinal.report.md', '1. a\n3. b', '1. a\n2. b'],
    ];
    for (const [name, text] of cases) {
      fs.writeFileSync(path.join(dir, name), text);
      fs.chmodSync(path.join(dir, name), 0o604);
    }
    const r = cli(['check', '--fix', ...cases.map((c) => c[0])], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    for (const [name, , fixed] of cases) {
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), fixed, name);
      assert.equal(fs.statSync(path.join(dir, name)).mode & 0o777, 0o604, name);
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), cases.map((c) => c[0]).sort());
  });

  it('--fix through a symbolic link rewrites the target and keeps the link (before: the link was replaced by a copy)', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'draft.md');
    fs.writeFileSync(target, GAP);
    fs.symlinkSync(target, path.join(dir, 'draft.report.md'));
    const r = cli(['check', '--fix', 'draft.report.md'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'draft.report.md')).isSymbolicLink(), 'still a link');
    assert.equal(fs.readFileSync(target, 'utf8'), '1. a\n2. b\n');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['draft.md']);
  });

  it('--fix never writes a file that changed on disk after it was read', () => {
    const dir = tempDir();
    const file = path.join(dir, 'draft.report.md');
    const original = readReportText(GAP, file);
    fs.appendFileSync(file, '4. added by the author\n');
    assert.throws(() => writeReportAtomically(file, original, '1. a\n2. b\n'), /changed on disk/);
    assert.equal(fs.readFileSync(file, 'utf8'), GAP + '4. added by the author\n');
    assert.deepEqual(fs.readdirSync(dir), ['draft.report.md']);
  });

  it('--fix on a file edited while the CLI checks it: one line, exit 2, the edit kept, the other file fixed', async () => {
    const dir = tempDir();
    // Big enough that checking and fixing take a while (three parses of 8,000 paragraphs).
    const big = Array.from({ length: 8_000 }, (_, i) => `${i + 2}. Paragraph.`).join('\n') + '\n';
    fs.writeFileSync(path.join(dir, 'a-small.report.md'), GAP);
    fs.writeFileSync(path.join(dir, 'b-big.report.md'), big);
    const child = spawn(process.execPath, [CLI, 'check', '--fix', 'a-small.report.md', 'b-big.report.md'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Wait until the big file has been read (its access time is not reliable: poll the small
    // file, which is fixed first), then edit the big one.
    const deadline = Date.now() + 30_000;
    while (fs.readFileSync(path.join(dir, 'a-small.report.md'), 'utf8') === GAP && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    fs.appendFileSync(path.join(dir, 'b-big.report.md'), 'Edited meanwhile.\n');
    const code = await exited;
    assert.equal(fs.readFileSync(path.join(dir, 'a-small.report.md'), 'utf8'), '1. a\n2. b\n');
    assert.equal(fs.readFileSync(path.join(dir, 'b-big.report.md'), 'utf8'), big + 'Edited meanwhile.\n', 'the author\'s edit survives');
    assert.equal(code, 2, stderr);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, /b-big\.report\.md: changed on disk while being checked; not written/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a-small.report.md', 'b-big.report.md']);
  });

  it('check (without --fix) on a file edited while it is checked: one line, exit 2, the other file still reported', async function () {
    const dir = tempDir();
    // ~3 s of checking here (25,000 paragraphs had come down to ~1.3 s, too close to the edit at
    // 1.2 s: the edit could land after the CLI's last look at the file).
    const big = Array.from({ length: 60_000 }, (_, i) => `${i + 1}. Paragraph.`).join('\n') + '\n';
    fs.writeFileSync(path.join(dir, 'a.report.md'), GAP);
    fs.writeFileSync(path.join(dir, 'b-big.report.md'), big);
    const child = spawn(process.execPath, [CLI, 'check', 'a.report.md', 'b-big.report.md'], { cwd: dir });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (d) => (stdout += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The file is read in the first few hundred ms.
    await new Promise((r) => setTimeout(r, 1200));
    const stillRunning = child.exitCode === null;
    fs.appendFileSync(path.join(dir, 'b-big.report.md'), 'Edited meanwhile.\n');
    const code = await exited;
    if (!stillRunning) {
      console.log('      (skipped: the check finished before the edit could be made on this machine)');
      this.skip();
    }
    assert.equal(code, 2, stderr);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, /b-big\.report\.md: changed on disk while being checked/);
    assert.match(stdout, /a\.report\.md:2:1 error numbering\/gap/);
  });

  it('--fix leaves a file it cannot read untouched and still fixes the others', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ok.report.md'), GAP);
    const bad = Buffer.from([0x31, 0x2e, 0x20, 0xff, 0x0a, 0x33, 0x2e, 0x20, 0x62, 0x0a]);
    fs.writeFileSync(path.join(dir, 'bad.report.md'), bad);
    const r = cli(['check', '--fix', 'bad.report.md', 'ok.report.md'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'bad.report.md')), bad);
    assert.equal(fs.readFileSync(path.join(dir, 'ok.report.md'), 'utf8'), '1. a\n2. b\n');
  });

  it('the BOM is stripped for checking and positions count from after it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'bom.report.md'), '\uFEFF1. a\n3. b\n');
    const r = cli(['check', 'bom.report.md'], dir);
    assert.match(r.stdout, /^bom\.report\.md:2:1 error numbering\/gap/m);
  });
});

function readReportText(text: string, file: string) {
  fs.writeFileSync(file, text);
  return readReport(file);
}
