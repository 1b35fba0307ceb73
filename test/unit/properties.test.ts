import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, model, readFixture } from '../helpers.js';
import { renumberAll } from '../../server/src/fixes/renumber.js';
import { applyEdits } from '../../server/src/fixes/applyEdits.js';

/*
 * Properties of renumbering, over random reports and real ones: afterwards no numbering
 * diagnostics; doing it again changes nothing; and only digits changed.
 */
const NUMBERING = new Set(['numbering/gap', 'numbering/duplicate', 'numbering/order']);
const withoutDigits = (s: string) => s.replace(/\d+/g, '#');

const block = fc.oneof(
  fc.record({ kind: fc.constant('p'), n: fc.integer({ min: 0, max: 60 }), ref: fc.option(fc.integer({ min: 1, max: 60 })) }),
  fc.record({ kind: fc.constant('legacy'), n: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('heading'), level: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('prose') }),
  fc.record({ kind: fc.constant('table') }),
);
const eol = fc.constantFrom('\n', '\r\n');

function render(blocks: { kind: string; n?: number; ref?: number | null; level?: number }[], nl: string): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'p': return `${b.n}. Text${b.ref ? ` (see paragraph ${b.ref})` : ''}.`;
        case 'legacy': return `- ${b.n}. Bulleted text.`;
        case 'heading': return `${'#'.repeat(b.level!)} Heading`;
        case 'prose': return 'Prose between.';
        default: return `| a | b |${nl}|---|---|${nl}| 1 | 2 |`;
      }
    })
    .join(nl + nl) + nl;
}

function renumbered(text: string): string {
  return applyEdits(text, renumberAll(model(text)));
}

describe('renumbering properties', () => {
  it('random reports: renumbered text has no numbering diagnostics, is stable, and differs only in digits', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 40 }), eol, (blocks, nl) => {
        const text = render(blocks, nl);
        const once = renumbered(text);
        assert.deepEqual(check(once).filter((d) => NUMBERING.has(d.code)), []);
        assert.equal(renumbered(once), once);
        assert.equal(withoutDigits(once), withoutDigits(text));
      }),
      { numRuns: 150 },
    );
  });
  for (const file of ['raw/haringey-2014.raw.report.md', 'raw/barnet-2012.raw.report.md', 'synthetic/draft-with-errors.report.md']) {
    it(`${file}: the same properties hold`, () => {
      const text = readFixture(file);
      const once = renumbered(text);
      assert.deepEqual(check(once).filter((d) => NUMBERING.has(d.code)).map((d) => d.message), []);
      assert.equal(renumbered(once), once);
      assert.equal(withoutDigits(once), withoutDigits(text));
    });
  }
});
