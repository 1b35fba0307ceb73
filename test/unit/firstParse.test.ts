import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument, parseInSlices, parseWhole } from '../../server/src/model/incremental.js';
import { mayHoldGfm, parseMarkdown } from '../../server/src/model/parse.js';
import { importText } from '../../server/src/import/index.js';
import { ARCHIVE, listArchive } from '../corpus/evalLib.js';
import { listFixtures, readFixture, registry } from '../helpers.js';
import { INSERTS, syntheticDoc, fraction } from './markdownArbs.js';

/*
 * A document's first parse is done in slices, each without GFM when it cannot hold any
 * (model/incremental.ts parseInSlices, model/parse.ts mayHoldGfm). It must give exactly the
 * units of one remark parse of the whole text with GFM.
 */

function assertSlicedEqualsWhole(text: string, context: string): void {
  const whole = parseWhole(text);
  for (const target of [1, 300, undefined]) {
    const sliced = parseInSlices(text, target) ?? parseWhole(text);
    assert.deepEqual(sliced.units, whole.units, `${context} (slices of ${target ?? 'default'})`);
    assert.deepEqual(sliced.starts, whole.starts, `${context} (slices of ${target ?? 'default'})`);
    assert.equal(sliced.global, whole.global, context);
    assert.equal(sliced.tooComplex, whole.tooComplex, context);
  }
  assert.deepEqual(parseDocument(text).units, whole.units, context);
  // Units follow one another without overlapping.
  for (let i = 1; i < whole.units.length; i++) assert.ok(whole.starts[i - 1] + whole.units[i - 1].span.end <= whole.starts[i], `${context}: unit ${i} overlaps the one before`);
}

const corpus = [...listFixtures('corpus'), ...listFixtures('raw')].map((f) => ({ name: f, text: readFixture(f) }));

describe('first parse in slices', function () {
  this.timeout(180_000);

  for (const { name, text } of corpus) {
    it(`equals one parse of the whole text: ${name}`, () => {
      // Slicing really happens on a report (nothing in it forces a whole parse).
      assert.ok(parseInSlices(text), 'parsed whole');
      assertSlicedEqualsWhole(text, name);
    });
  }

  it('equals one parse of the whole text: synthetic documents', () => {
    fc.assert(fc.property(syntheticDoc, (text) => assertSlicedEqualsWhole(text, JSON.stringify(text))), { numRuns: 400 });
  });

  it('equals one parse of the whole text: reports with random insertions', () => {
    const pieces = fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(fc.tuple(fraction, pieces), { minLength: 1, maxLength: 6 }), ({ text }, inserts) => {
        let t = text;
        for (const [where, piece] of inserts) {
          const at = Math.floor(where * t.length);
          t = t.slice(0, at) + piece + t.slice(at);
        }
        assertSlicedEqualsWhole(t, JSON.stringify(inserts));
      }),
      { numRuns: 25 },
    );
  });

  it('equals one parse of the whole text: archive reports, as extracted and as imported', function () {
    if (!fs.existsSync(ARCHIVE)) {
      console.log(`    (skipped: ${ARCHIVE} does not exist)`);
      this.skip();
    }
    const files = listArchive().filter((_, i) => i % 12 === 5);
    assert.ok(files.length >= 25);
    for (const file of files) {
      const raw = fs.readFileSync(path.join(ARCHIVE, file), 'utf8');
      assertSlicedEqualsWhole(raw, file);
      assertSlicedEqualsWhole(importText(raw, { registry }).markdown, `${file} imported`);
    }
  });

  it('cuts a document with definitions, the references before and after them resolved', () => {
    const body = 'Intro.\n\n1. First.\n\n2. Second [link][x].\n\n';
    for (const text of [`${body}[x]: https://example.org\n`, `[x]: https://example.org\n\n${body}`, `${body}3. Text[^1] [x].\n\n[^1]: A note.\n\n[x]: #\n`]) {
      const doc = parseInSlices(text, 1);
      assert.ok(doc?.definitions, JSON.stringify(text));
      assertSlicedEqualsWhole(text, JSON.stringify(text));
      const second = doc.units.find((u) => u.kind === 'item' && u.item.number === 2);
      assert.equal(second?.kind === 'item' && second.item.text, 'Second link.', 'the reference resolved: its text is the link text');
    }
    // Labels with character references and escapes (a label's `label` is decoded, its
    // identifier is not), a definition inside a footnote, and front matter longer than a
    // slice holding a line that would be a definition outside it.
    for (const text of [
      '[&amp;]: /u\n\n1. See [&amp;] and [&] here.\n',
      '[a\\]b]: /u\n\n1. See [a\\]b] here.\n\n[^a\\]b]: n\n\n2. And[^a\\]b].\n',
      '[^1]: A note.\n\n    [x]: /u\n\n1. See [x] and[^1].\n',
      '---\ntitle: x\n\n[a, b]: c\n---\n\n1. See [a, b] here.\n',
      'Intro.\n\n```\n[x]\n\n[y]: z\n',
    ]) assertSlicedEqualsWhole(text, JSON.stringify(text));
  });

  it('parses whole what cannot be cut: front matter that never closes', () => {
    const body = 'Intro.\n\n1. First.\n\n2. Second [link][x].\n\n';
    assert.equal(parseInSlices(`---\nframework: x\n\n${body}`, 1), undefined);
    // Front matter with a blank line in it, closed: cut after it.
    const closed = `---\nframework: x\n\ntitle: y\n---\n\n${body}`;
    assert.ok(parseInSlices(closed, 1));
    assertSlicedEqualsWhole(closed, 'front matter with a blank line');
  });

  it('a setext heading right after definitions starts after them (remark starts it with them)', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `[x]: https://example.org${eol}[y]: https://example.org${eol}Leadership${eol}---${eol}${eol}Text.${eol}`;
      const doc = parseWhole(text);
      const heading = doc.units.findIndex((u) => u.kind === 'heading');
      assert.equal(doc.starts[heading], text.indexOf('Leadership'));
      assert.equal(text.slice(doc.starts[heading], doc.starts[heading] + doc.units[heading].span.end), `Leadership${eol}---`);
      assertSlicedEqualsWhole(text, JSON.stringify(text));
    }
  });

  it('a fence or HTML comment over blank lines, and indented code, take in the next pieces', () => {
    for (const text of [
      'Intro.\n\n```\ncode\n\n1. not a list\n\nmore\n```\n\n2. After.\n',
      'Intro.\n\n<!-- a comment\n\n3. not a paragraph\n-->\n\n4. After.\n',
      'Intro.\n\n    indented code\n\n5. must start at 1 after indented code\n',
      'Trailing spaces  \n  \n\n6. After.  \n  \n7. Next.\n',
    ]) assertSlicedEqualsWhole(text, JSON.stringify(text));
  });

  it('text that cannot hold GFM parses to the same tree without it', () => {
    // Every character Markdown gives a meaning to, except those GFM needs.
    const chars = fc.constantFrom(...'ab w h t p x X : - _ * ` # > 1 2 . ) ( ] ! < / & ; \\ = + \t \n \n \r'.split(' ').concat(' ', 'www', 'http', '[', '|', '~', '@', 'é'));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        if (mayHoldGfm(text)) return;
        assert.deepEqual(parseMarkdown(text, 'auto'), parseMarkdown(text, 'gfm'), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
    // And every block of the corpus reports that holds no GFM trigger.
    for (const { text } of corpus) {
      for (const block of text.split(/\n(?=\S)/)) {
        if (!mayHoldGfm(block)) assert.deepEqual(parseMarkdown(block, 'auto'), parseMarkdown(block, 'gfm'));
      }
    }
  });
});
