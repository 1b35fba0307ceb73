import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actualMarkers, check, expectedMarkers, FIXTURES, lineOf, listFixtures, model, readFixture } from '../helpers.js';
import { fixAll } from '../../server/src/fixes/fixAll.js';
import { analyse } from '../../server/src/service/analyse.js';

/*
 * Fixture tests in markdownlint's manner: every synthetic fixture marks the diagnostics it
 * must produce inline; nothing else may be reported. Each is then fixed (every safe fix), the
 * fixed text compared with a snapshot, and checked again.
 */
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const FIXABLE = new Set(['numbering/gap', 'numbering/duplicate', 'numbering/order', 'numbering/legacy-bullet', 'numbering/stray']);

describe('fixtures with inline expectations', () => {
  for (const file of listFixtures('synthetic')) {
    describe(file, () => {
      const text = readFixture(file);
      it('reports exactly the marked diagnostics', () => {
        assert.deepEqual(actualMarkers(text, check(text)), expectedMarkers(text));
      });
      it('fixes to the snapshot, and the fixed text has no fixable diagnostics left', () => {
        const fixed = fixAll(text, (t) => model(t)).text;
        const snapshot = path.join(FIXTURES, file.replace(/\.report\.md$/, '.fixed.md'));
        if (UPDATE || !fs.existsSync(snapshot)) fs.writeFileSync(snapshot, fixed);
        assert.equal(fixed, fs.readFileSync(snapshot, 'utf8'));
        const again = analyse(model(fixed)).filter((d) => FIXABLE.has(d.code));
        assert.deepEqual(again.map((d) => d.message), []);
        assert.equal(fixAll(fixed, (t) => model(t)).text, fixed, 'fixing twice changes nothing more');
      });
    });
  }
});

describe('converted corpus reports are clean', () => {
  for (const file of listFixtures('corpus')) {
    it(`${file} has no numbering or reference diagnostics`, () => {
      const text = readFixture(file);
      const ds = check(text).filter((d) => d.code.startsWith('numbering/') || d.code.startsWith('reference/'));
      assert.deepEqual(ds.map((d) => `${d.code} ${d.message}`), []);
    });
  }
});

describe('raw pastes keep their artefacts, and only those', () => {
  for (const file of listFixtures('raw')) {
    it(`${file}: diagnostics match the snapshot`, () => {
      const text = readFixture(file);
      const actual = check(text).map((d) => `${lineOf(text, d.span.start)} ${d.code}`);
      const snapshot = path.join(FIXTURES, file.replace(/\.report\.md$/, '.diagnostics.txt'));
      if (UPDATE || !fs.existsSync(snapshot)) fs.writeFileSync(snapshot, actual.join('\n') + '\n');
      assert.deepEqual(actual, fs.readFileSync(snapshot, 'utf8').trimEnd().split('\n'));
    });
  }
  it('Haringey 2014 raw: the errors are exactly the lost paragraphs 67 and 69', () => {
    const text = readFixture('raw/haringey-2014.raw.report.md');
    const errors = check(text).filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => [d.code, d.data?.expected]), [['numbering/gap', 67], ['numbering/gap', 69]]);
    const m = model(text);
    assert.deepEqual(m.paragraphs.filter((p) => p.form === 'stray').map((p) => p.number), [62, 68]);
    assert.equal(m.paragraphs.filter((p) => p.form === 'legacy-bullet').length, (text.match(/^- \d+\. /gm) ?? []).length);
  });
});
