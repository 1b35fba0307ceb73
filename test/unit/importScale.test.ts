import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importText } from '../../server/src/import/index.js';
import { ROOT, readFixture } from '../helpers.js';

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('check at scale: --summary and worker threads', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-scale-'));
    const sources = ['raw/haringey-2014.raw.report.md', 'raw/barnet-2012.raw.report.md', 'synthetic/draft-with-errors.report.md'];
    for (let i = 0; i < 12; i++) {
      const source = sources[i % sources.length];
      const text = source.startsWith('raw/') ? importText(readFixture(source)).markdown : readFixture(source);
      fs.writeFileSync(path.join(dir, `r${String(i).padStart(2, '0')}.report.md`), text);
    }
  });

  it('gives the same output in worker threads as on one thread, in file order', () => {
    for (const format of ['text', 'json']) {
      const one = cli(['check', '--jobs', '1', '--format', format, '.'], dir);
      const many = cli(['check', '--jobs', '4', '--format', format, '.'], dir);
      assert.equal(many.code, one.code);
      assert.equal(many.stdout, one.stdout, format);
      assert.equal(many.stderr, one.stderr);
    }
    const json = JSON.parse(cli(['check', '--jobs', '3', '--format', 'json', '.'], dir).stdout);
    assert.deepEqual(json.files.map((f: { file: string }) => f.file), [...json.files.map((f: { file: string }) => f.file)].sort());
  });

  it('--summary prints reports, paragraphs and diagnostics by code', () => {
    const r = cli(['check', '--summary', '.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^reports\s+12$/m);
    assert.match(r.stdout, /^paragraphs\s+\d+$/m);
    assert.match(r.stdout, /^code\s+error\s+warning\s+information\s+hint\s+reports$/m);
    assert.match(r.stdout, /^numbering\/gap\s+\d+\s+0\s+0\s+0\s+4$/m);
    assert.doesNotMatch(r.stdout, /:\d+:\d+ error/);
    // With JSON on stdout, the summary goes to stderr.
    const j = cli(['check', '--summary', '--format', 'json', '.'], dir);
    assert.ok(JSON.parse(j.stdout).files.length === 12);
    assert.match(j.stderr, /^reports\s+12$/m);
  });

  it('refuses a bad --jobs', () => {
    assert.equal(cli(['check', '--jobs', '0', '.'], dir).code, 2);
  });
});
