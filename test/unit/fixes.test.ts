import * as assert from 'node:assert/strict';
import { check, model } from '../helpers.js';
import { checkForCode } from '../../server/src/checks/registry.js';
import { applyEdits } from '../../server/src/fixes/applyEdits.js';
import { fixAll } from '../../server/src/fixes/fixAll.js';
import type { Fix } from '../../server/src/checks/types.js';

function fixesFor(text: string, code: string): Fix[] {
  const m = model(text);
  const d = check(text).find((x) => x.code === code);
  assert.ok(d, `expected a ${code} diagnostic`);
  return checkForCode(code)!.fixes!(m, d, { settings: {} });
}

function apply(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'expected a fix');
  return applyEdits(text, fix.edits);
}

describe('renumbering fixes', () => {
  const text = '1. a (see paragraph 4)\n2. b\n4. c\n5. d, unlike paragraphs 4 to 5\n';
  it('renumbers one paragraph and the references to it', () => {
    const [one] = fixesFor(text, 'numbering/gap');
    assert.equal(apply(text, one), '1. a (see paragraph 3)\n2. b\n3. c\n5. d, unlike paragraphs 3 to 5\n');
  });
  it('renumbers from here to the end, with references', () => {
    const from = fixesFor(text, 'numbering/gap').find((f) => f.title.startsWith('Renumber from here'));
    assert.equal(apply(text, from), '1. a (see paragraph 3)\n2. b\n3. c\n4. d, unlike paragraphs 3 to 4\n');
  });
  it('changes only the digits: CRLF, tabs, BOM-less text and trailing spaces are kept', () => {
    const crlf = '1.\ta  \r\n\r\n3. b\t\r\n- 4. c \r\n';
    const all = fixesFor(crlf, 'numbering/gap').find((f) => f.title === 'Renumber the whole report');
    assert.equal(apply(crlf, all), '1.\ta  \r\n\r\n2. b\t\r\n- 3. c \r\n');
  });
});

describe('structural fixes', () => {
  it('unbullets a legacy paragraph', () => {
    const text = '- 1. a\n- 2. b\n';
    const [one] = fixesFor(text, 'numbering/legacy-bullet');
    const fixed = apply(text, one);
    assert.equal(fixed, '1. a\n- 2. b\n');
    assert.deepEqual(model(fixed).paragraphs.map((p) => [p.number, p.form]), [[1, 'ordered'], [2, 'legacy-bullet']]);
  });
  it('moves a stray number to the start', () => {
    const text = '61. a\n\n- The number is reducing as a result of a 62. better application.\n\n63. c\n';
    const fixed = apply(text, fixesFor(text, 'numbering/stray')[0]);
    assert.equal(fixed, '61. a\n\n62. The number is reducing as a result of a better application.\n\n63. c\n');
    assert.deepEqual(check(fixed).map((d) => d.code), ['numbering/gap'], 'only the gap before 61 is left');
  });
  it('joins a page-break fragment to the paragraph it continues', () => {
    const text = '1. Most assessments consider\n\n\n\nhistorical information.\n\n2. b\n';
    const [join] = fixesFor(text, 'numbering/unnumbered');
    assert.match(join.title, /^Join/);
    assert.equal(apply(text, join), '1. Most assessments consider historical information.\n\n2. b\n');
  });
  it('numbers a fragment that lost its number, shifting the paragraphs after it', () => {
    const text = '1. a\n\nThe lost one (see paragraph 2).\n\n2. b\n';
    const number = fixesFor(text, 'numbering/unnumbered').find((f) => f.title.startsWith('Number it'));
    const fixed = apply(text, number);
    assert.equal(fixed, '1. a\n\n2. The lost one (see paragraph 3).\n\n3. b\n');
    assert.deepEqual(check(fixed), []);
  });
});

describe('fix all', () => {
  it('applies every safe fix with minimal edits and is idempotent', () => {
    const text = '- 1. a\n- 3. b see paragraph 3\n\n- The x of a 4. better y\n\n5. c\n';
    const result = fixAll(text, (t) => model(t));
    assert.equal(result.text, '1. a\n2. b see paragraph 2\n\n3. The x of a better y\n\n4. c\n');
    assert.equal(applyEdits(text, result.edits), result.text);
    assert.equal(fixAll(result.text, (t) => model(t)).text, result.text);
  });
});
