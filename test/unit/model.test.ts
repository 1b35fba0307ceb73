import * as assert from 'node:assert/strict';
import { check, model } from '../helpers.js';

const codes = (text: string, framework?: string) => check(text, framework).map((d) => d.code);

describe('numbered paragraphs', () => {
  it('reads every marker as written, not as CommonMark renumbers it', () => {
    const m = model('1. a\n2. b\n5. c\n');
    assert.deepEqual(m.paragraphs.map((p) => p.number), [1, 2, 5]);
    assert.equal(m.text.slice(m.paragraphs[2].numberSpan.start, m.paragraphs[2].numberSpan.end), '5');
  });
  it('numbers run across headings, tables and lists; nested lists are not paragraphs', () => {
    const m = model('# A\n\n1. a\n   - nested\n   1. nested ordered\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n## B\n\n2) b\n');
    assert.deepEqual(m.paragraphs.map((p) => p.number), [1, 2]);
    assert.deepEqual(codes('# A\n\n1. a\n\n## B\n\n2. b\n'), []);
  });
  it('reads `- 26. text` as paragraph 26 with a legacy-bullet warning', () => {
    const m = model('- 25. a\n- 26. b\n');
    assert.deepEqual(m.paragraphs.map((p) => [p.number, p.form]), [[25, 'legacy-bullet'], [26, 'legacy-bullet']]);
  });
  it('finds gaps, duplicates and numbers going backwards, once each', () => {
    assert.deepEqual(codes('1. a\n2. b\n4. c\n5. d\n'), ['numbering/gap']);
    assert.deepEqual(codes('1. a\n2. b\n2. c\n3. d\n'), ['numbering/duplicate']);
    assert.deepEqual(codes('1. a\n2. b\n3. c\n3. d\n4. e\n'), ['numbering/duplicate']);
    assert.deepEqual(codes('1. a\n2. b\n9. c\n4. d\n'), ['numbering/gap']);
    assert.deepEqual(codes('1. a\n2. b\n3. c\n5. d\n4. e\n6. f\n'), ['numbering/gap', 'numbering/order']);
  });
  it('a numbering that does not start at 1 is a gap at its first paragraph', () => {
    assert.deepEqual(codes('3. a\n4. b\n'), ['numbering/gap']);
  });
});

describe('heading titles', () => {
  it('a web address typed into a heading (GFM links it, in nodes without positions) leaves the title whole (found by a random seed)', () => {
    const text = '1. Intro.\n\nSee ixhttps://www.gov.uk/ofsted for more\n---\n\n## Leadership see www.gov.uk ##\n\n2. Text.\n';
    assert.deepEqual(model(text).sections.map((s) => s.title), ['See ixhttps://www.gov.uk/ofsted for more', 'Leadership see www.gov.uk']);
  });
});

describe('list items', () => {
  it('an item whose code fence the next item closes ends where the next begins (found by a random seed)', () => {
    // remark ends the first item inside the second; the incremental parse, cut between them, did not.
    const text = 'Intro.\n\n 26. ```\n27. A paragraph.\n';
    const m = model(text);
    assert.deepEqual(m.paragraphs.map((p) => [p.number, text.slice(p.span.start, p.span.end)]), [[26, '26. ```\n'], [27, '27. A paragraph.']]);
  });
});

describe('fragments and stray numbers', () => {
  it('flags a plain paragraph between numbered paragraphs of one section', () => {
    const text = '1. a\n\nthe rest of a\n\n2. b\n';
    assert.deepEqual(codes(text), ['numbering/unnumbered']);
  });
  it('does not flag prose outside numbered runs, or bullets introduced by a colon', () => {
    assert.deepEqual(codes('# A\n\nIntro.\n\n1. a\n\n# B\n\nOutro.\n\n2. b\n'), []);
    assert.deepEqual(codes('1. The evidence included:\n\n- one\n- two\n\n2. b\n'), []);
  });
  it('does not flag a paragraph that states a judgement (SIF reports number straight through them)', () => {
    const text = '## Adoption performance\n\n1. Adopters are well prepared.\n\nThe graded judgement for adoption performance is that it is good.\n\n2. Matching is timely.\n';
    assert.ok(model(text, 'ofsted-sif-2013').judgements.some((j) => j.kind === 'sentence' && j.area === 'adoption'));
    assert.deepEqual(codes(text, 'ofsted-sif-2013').filter((c) => c.startsWith('numbering/')), []);
    assert.deepEqual(codes(text.replace('The graded judgement', 'Inspectors found that the judgement'), 'ofsted-sif-2013').filter((c) => c.startsWith('numbering/')), ['numbering/unnumbered']);
  });
  it('finds a number displaced into the text, and counts it', () => {
    const text = '61. a\n\n- The number is reducing as a result of a 62. better application.\n\n63. c\n';
    const m = model(text);
    assert.deepEqual(m.paragraphs.map((p) => [p.number, p.form]), [[61, 'ordered'], [62, 'stray'], [63, 'ordered']]);
    assert.deepEqual(codes(text).filter((c) => c !== 'numbering/gap'), ['numbering/stray']);
  });
  it('does not take a sentence-ending number for a stray one', () => {
    const text = '1. a\n\n- Pupils reach Key Stage 3. Then they move.\n\n5. c\n';
    assert.deepEqual(model(text).fragments.map((f) => f.stray), [undefined]);
  });
});

describe('cross-references', () => {
  it('reads single numbers, lists and ranges with their digit spans', () => {
    const text = '1. a\n2. b (see paragraphs 1 and 3, paragraph 2, paragraphs 1 to 2, paragraphs 1–2).\n3. c\n';
    const refs = model(text).references;
    assert.deepEqual(refs.map((r) => r.numbers.map((n) => (n.range ? `-${n.value}` : `${n.value}`)).join(' ')), ['1 3', '2', '1 -2', '1 -2']);
    for (const r of refs) for (const n of r.numbers) assert.equal(text.slice(n.span.start, n.span.end), String(n.value));
  });
  it('reports a reference to a paragraph that does not exist', () => {
    assert.deepEqual(codes('1. a, as in paragraph 7.\n2. b\n'), ['reference/broken']);
  });
  it('ignores paragraphs of other documents and code', () => {
    assert.deepEqual(codes('1. Under paragraph 7 of Schedule 2, `paragraph 9`.\n2. b\n'), []);
  });
  it('reads hidden citations in HTML comments', () => {
    const refs = model('1. a\n2. b <!-- findings: 1, 9 -->\n').references;
    assert.deepEqual(refs.map((r) => [r.hidden, r.numbers.map((n) => n.value)]), [[true, [1, 9]]]);
  });
});

describe('front matter and framework', () => {
  it('takes the framework from front matter', () => {
    assert.equal(model('---\nframework: ofsted-slac-2009\n---\n1. a\n').framework.profile.id, 'ofsted-slac-2009');
  });
  it('reports an unknown framework id on its value, with fixes naming known ids', () => {
    const text = '---\nframework: ofsted-foo\n---\n1. a\n';
    const d = check(text).find((x) => x.code === 'framework/unknown')!;
    assert.equal(text.slice(d.span.start, d.span.end), 'ofsted-foo');
  });
  it('reports front matter that is not YAML, or not a mapping', () => {
    assert.deepEqual(codes('---\nframework: [oops\n---\n1. a\n'), ['frontmatter/invalid']);
    assert.deepEqual(codes('---\n- a\n- b\n---\n1. a\n'), ['frontmatter/invalid']);
  });
  it('points invalid YAML at where the parser stopped, in a message without the quoted line', () => {
    const text = '---\nframework: ofsted-sif-2013\nauthority: a: b\n---\n1. a\n';
    const d = check(text).find((x) => x.code === 'frontmatter/invalid')!;
    assert.equal(d.span.start, text.indexOf('a: b'));
    assert.equal(d.message, 'Front matter is not valid YAML: Nested mappings are not allowed in compact mappings');
  });
  it('detects the framework from the text when front matter names none', () => {
    const m = model('# The overall judgement is requires improvement to be good\n\n## The impact of leaders on social work practice with children and families\n');
    assert.equal(m.framework.source, 'detected');
    assert.equal(m.framework.profile.id, 'ofsted-ilacs-2018');
  });
});

describe('numbering parts', () => {
  const report = (lscbFirst: number) =>
    `---\nframework: ofsted-sif-2013\n---\n\n## Section 1: the local authority\n\n1. a\n2. b (see paragraph 1)\n\n## Section 2: The effectiveness of the Local Safeguarding Children Board\n\n${lscbFirst}. c\n${lscbFirst + 1}. d (see paragraph 1)\n`;
  it('numbering may restart at 1 after a heading the profile names (the LSCB part)', () => {
    assert.deepEqual(codes(report(1)), []);
    assert.deepEqual(model(report(1)).paragraphs.map((p) => p.part), [0, 0, 1, 1]);
    assert.deepEqual(codes(report(3)), []);
  });
  it('a citation resolves within its own part first', () => {
    const m = model(report(1));
    const refs = m.references.map((r) => m.paragraphs[r.inParagraph].part);
    assert.deepEqual(refs, [0, 1]);
  });
  it('a restart anywhere else goes backwards', () => {
    assert.deepEqual(codes('1. a\n2. b\n\n## Other\n\n1. c\n'), ['numbering/duplicate']);
  });
});
