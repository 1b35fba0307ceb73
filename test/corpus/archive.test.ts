import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARCHIVE, evaluate, listArchive } from './evalLib.js';

// A fast subset of `npm run eval:corpus`: a dozen archive reports, spread over 2014–2024 and
// both frameworks, imported and checked on every `npm test`.
describe('archive: import and check a dozen published reports', function () {
  this.timeout(120000);
  if (!fs.existsSync(ARCHIVE)) {
    it('is skipped: the shared corpus is absent', function () {
      console.log(`    (skipped: ${ARCHIVE} does not exist; the shared corpus sits beside the repository)`);
      this.skip();
    });
    return;
  }
  const files = listArchive().filter((_, i) => i % 29 === 3);

  it('chooses twelve reports', () => assert.equal(files.length, 12));
  for (const file of files) {
    it(file.replace(/_childrens_services_inspection_-_/, ' ').replace(/\.txt$/, ''), () => {
      const r = evaluate(file, fs.readFileSync(path.join(ARCHIVE, file), 'utf8'));
      assert.equal(r.error, undefined);
      assert.ok(r.paragraphs > 20, `only ${r.paragraphs} numbered paragraphs`);
      assert.equal(r.missingWords, 0, 'words lost');
      assert.deepEqual(r.missingSummaryAreas, [], 'grades of the summary not found');
      assert.ok(r.ok);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => `${d.line} ${d.code} ${d.message}`), []);
    });
  }
});
