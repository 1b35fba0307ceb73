import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exercise, registry } from './exercise.js';
import { check, model } from '../helpers.js';
import { LineIndex } from '../../server/src/text/lineIndex.js';
import { loadProfileFolders } from '../../server/src/profiles/loadFolders.js';
import { ProfileRegistry } from '../../server/src/profiles/registry.js';
import { buildModel } from '../../server/src/model/buildModel.js';
import { analyse } from '../../server/src/service/analyse.js';

/*
 * Bad input: every case is checked with the whole service (model, every check, symbols,
 * hover, completion, code actions, fix-all) for no exception, no hang and spans inside the
 * document, and then for the one clear diagnostic it should get.
 */
const codes = (text: string) => check(text).map((d) => d.code);

describe('robustness: bad input', () => {
  describe('front matter and framework', () => {
    it('empty file: no diagnostics, nothing thrown', () => {
      exercise('', { fixAll: true });
      assert.deepEqual(codes(''), []);
      for (const t of ['\n', '\r\n', ' ', '\uFEFF']) assert.deepEqual(codes(t), [], JSON.stringify(t));
    });

    it('only front matter, with and without a final line break', () => {
      for (const t of ['---\nframework: ofsted-sif-2013\n---\n', '---\nframework: ofsted-sif-2013\n---', '---\n---\n', '---\r\n---\r\n']) {
        exercise(t, { fixAll: true });
        assert.deepEqual(codes(t), [], JSON.stringify(t));
      }
      assert.equal(model('---\nframework: ofsted-sif-2013\n---').framework.profile.id, 'ofsted-sif-2013');
    });

    it('front matter that is not YAML, not a mapping, or names an unknown framework: one diagnostic each', () => {
      const cases: [string, string][] = [
        ['---\nframework: [unclosed\n---\n1. a\n', 'frontmatter/invalid'],
        ['---\n: : :\n\t- x\n---\n1. a\n', 'frontmatter/invalid'],
        ['---\n- a\n- b\n---\n1. a\n', 'frontmatter/invalid'],
        ['---\njust a string\n---\n1. a\n', 'frontmatter/invalid'],
        ['---\n42\n---\n1. a\n', 'frontmatter/invalid'],
        ['---\nframework: nope\n---\n1. a\n', 'framework/unknown'],
        ['---\nframework: 12\n---\n1. a\n', 'framework/unknown'],
        ['---\nframework:\n  nested: map\n---\n1. a\n', 'framework/unknown'],
      ];
      for (const [text, code] of cases) {
        exercise(text, { fixAll: true });
        assert.deepEqual(codes(text), [code], JSON.stringify(text));
      }
    });

    it('an alias bomb in front matter is refused quickly, not expanded', () => {
      const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
      bomb.push('---', '1. a', '');
      const start = performance.now();
      const text = bomb.join('\n');
      exercise(text);
      assert.ok(performance.now() - start < 5000);
      assert.deepEqual(codes(text), ['frontmatter/invalid']);
    });

    it('an unknown framework still checks the report against the default or detected profile', () => {
      const m = model('---\nframework: nope\n---\n1. a\n3. b\n');
      assert.ok(m.framework.profile.id);
      assert.deepEqual(codes('---\nframework: nope\n---\n1. a\n3. b\n'), ['framework/unknown', 'numbering/gap']);
    });
  });

  describe('workspace profiles', () => {
    const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ir-profiles-'));
    const good = JSON.parse(fs.readFileSync(path.resolve('server/profiles/ofsted-sif-2013.json'), 'utf8'));

    it('a profile that is not JSON, or breaks the schema, is reported once with its file and reason; built-ins still work', () => {
      const root = dir();
      const folder = path.join(root, 'profiles');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'broken.json'), '{ "id": "x", ');
      fs.writeFileSync(path.join(folder, 'wrong.json'), JSON.stringify({ id: 'wrong', grades: 'none' }));
      fs.writeFileSync(path.join(folder, 'array.json'), '[]');
      fs.writeFileSync(path.join(folder, 'ok.json'), JSON.stringify({ ...good, id: 'custom-ok', title: 'Custom' }));
      const loaded = loadProfileFolders(['profiles'], root, [root]);
      const reg = new ProfileRegistry(loaded.files);
      const problems = [...loaded.problems, ...reg.problems];
      const byFile = (name: string) => problems.filter((p) => path.basename(p.file) === name);
      assert.equal(byFile('broken.json').length, 1);
      assert.match(byFile('broken.json')[0].message, /not valid JSON/);
      assert.equal(byFile('wrong.json').length, 1);
      assert.match(byFile('wrong.json')[0].message, /invalid profile: .+/);
      assert.equal(byFile('array.json').length, 1);
      assert.equal(byFile('ok.json').length, 0);
      assert.equal(problems.length, 3);
      for (const id of ['ofsted-slac-2009', 'ofsted-sif-2013', 'ofsted-ilacs-2018', 'custom-ok']) assert.ok(reg.get(id), id);
      assert.ok(!reg.get('wrong'));
      const m = buildModel('file:///a.report.md', 1, '---\nframework: ofsted-sif-2013\n---\n1. a\n3. b\n', { registry: reg });
      assert.equal(m.framework.profile.id, 'ofsted-sif-2013');
    });

    it('a profile file over the size limit is refused without being parsed', () => {
      const root = dir();
      fs.writeFileSync(path.join(root, 'huge.json'), `{"id":"huge","pad":"${'x'.repeat(600 * 1024)}"}`);
      const loaded = loadProfileFolders(['.'], root, [root]);
      assert.equal(loaded.files.length, 0);
      assert.match(loaded.problems[0].message, /larger than/);
    });

    it('a profile with a prototype-polluting key changes nothing else', () => {
      const root = dir();
      fs.writeFileSync(path.join(root, 'proto.json'), `{"__proto__": {"polluted": true}, "id": "p"}`);
      const loaded = loadProfileFolders(['.'], root, [root]);
      new ProfileRegistry(loaded.files);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });

  describe('encodings, line endings, whitespace', () => {
    it('a BOM: numbering and spans are the same as without it, shifted by one', () => {
      const plain = '1. a (see paragraph 3)\n3. b\n';
      const bom = '\uFEFF' + plain;
      exercise(bom, { fixAll: true });
      const a = check(plain);
      const b = check(bom);
      assert.deepEqual(b.map((d) => d.code), a.map((d) => d.code));
      assert.deepEqual(b.map((d) => [d.span.start - 1, d.span.end - 1]), a.map((d) => [d.span.start, d.span.end]));
      const m = model(bom);
      assert.deepEqual(m.paragraphs.map((p) => bom.slice(p.numberSpan.start, p.numberSpan.end)), ['1', '3']);
      assert.equal(model('\uFEFF---\nframework: ofsted-sif-2013\n---\n1. a\n').framework.source, 'front-matter');
    });

    it('CRLF, lone CR and mixed line endings: the same diagnostics on the same lines', () => {
      const lines = ['# Findings', '', '1. a', '2. b see paragraph 9', '4. c', '', '- 5. d'];
      const lf = lines.join('\n') + '\n';
      const expected = check(lf).map((d) => `${new LineIndex(lf).positionAt(d.span.start).line} ${d.code}`);
      assert.ok(expected.length >= 3);
      // Mixed: a lone CR is never followed by a LF here (that would be one CRLF break).
      const endings = ['\r\n', '\n', '\r', '\r\n', '\r', '\r\n', '\n'];
      for (const variant of [lines.join('\r\n') + '\r\n', lines.join('\r') + '\r', lines.map((l, i) => l + endings[i]).join('')]) {
        exercise(variant, { fixAll: true });
        const idx = new LineIndex(variant);
        assert.deepEqual(check(variant).map((d) => `${idx.positionAt(d.span.start).line} ${d.code}`), expected, JSON.stringify(variant));
      }
    });

    it('tabs in markers, indentation and text', () => {
      const text = '1.\tFirst\tparagraph.\n2.\tSecond\t(paragraph\t1).\n\t\t3. nested code?\n-\t4.\tlegacy\n';
      exercise(text, { fixAll: true });
      const m = model(text);
      assert.deepEqual(m.paragraphs.map((p) => p.number), [1, 2, 4]);
    });

    it('30-digit numbers are text, not paragraph numbers or references, and do not overflow', () => {
      const big = '123456789012345678901234567890';
      const text = `${big}. A long number.\n\n1. a see paragraph ${big}\n2. b, paragraphs 1 to ${big}\n- ${big}. c\n`;
      exercise(text, { fixAll: true });
      const m = model(text);
      assert.deepEqual(m.paragraphs.map((p) => p.number), [1, 2]);
      for (const r of m.references) for (const n of r.numbers) assert.ok(Number.isSafeInteger(n.value));
      assert.deepEqual(codes(text), []);
    });

    it('emoji and combining characters: positions in UTF-16 code units, as LSP counts', () => {
      const text = '# 👩‍👩‍👧 Findings\n\n1. 👍🏽 café (e\u0301) paragraph 7\n3. 😀 x\n';
      exercise(text, { fixAll: true });
      const diagnostics = check(text);
      const idx = new LineIndex(text);
      const broken = diagnostics.find((d) => d.code === 'reference/broken')!;
      assert.equal(text.slice(broken.span.start, broken.span.end), '7');
      const line2 = '1. 👍🏽 café (e\u0301) paragraph ';
      assert.deepEqual(idx.positionAt(broken.span.start), { line: 2, character: line2.length });
      assert.equal(line2.length, 28, 'code units: 👍 and 🏽 are two each, e + U+0301 two');
      const gap = diagnostics.find((d) => d.code === 'numbering/gap')!;
      assert.deepEqual(idx.positionAt(gap.span.start), { line: 3, character: 0 });
    });
  });

  describe('size and depth', function () {
    this.timeout(180_000);

    it('a 1 MB single line', () => {
      const line = 'The effectiveness of leaders and managers is good; see paragraph 12 and 14. '.repeat(14_000);
      assert.ok(line.length > 1_000_000);
      exercise(line, { offsets: [0, 500_000, line.length] });
      exercise(`1. ${line}\n2. ${line}`, { offsets: [10, line.length + 5] });
    });

    it('10,000 headings', () => {
      // Headings naming judgement areas with a grade, and prose between them. (Headings
      // alternating with separate numbered lists are parsed in quadratic time by micromark:
      // see docs/robustness.md, known limits.)
      const text = Array.from({ length: 10_000 }, (_, i) => `${'#'.repeat(1 + (i % 6))} Leadership and management ${i} is good\n\nThe effectiveness of leaders and managers is good.\n`).join('\n');
      const m = exercise(text, { offsets: [0, text.length >> 1] });
      assert.equal(m.sections.length, 10_000);
      exercise(Array.from({ length: 1_000 }, (_, i) => `## Heading ${i}\n\n${i + 1}. Paragraph.\n`).join('\n'));
    });

    it('100,000 numbered paragraphs', () => {
      const text = Array.from({ length: 100_000 }, (_, i) => `${i + 1}. Paragraph ${i + 1}, see paragraph ${(i % 500) + 1}.`).join('\n') + '\n';
      const m = exercise(text, { offsets: [text.length - 1] });
      assert.equal(m.paragraphs.length, 100_000);
      assert.deepEqual(analyse(m).map((d) => d.code), []);
    });

    it('deeply nested lists and block quotes', () => {
      const list = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- 1. item ${i}`).join('\n');
      const ordered = Array.from({ length: 100 }, (_, i) => `${'   '.repeat(i)}1. item ${i}`).join('\n');
      const quotes = '> '.repeat(1000) + '1. quoted\n' + '>'.repeat(5000) + ' 2. deeper\n' + '- '.repeat(20_000) + 'x\n' + '1. '.repeat(20_000) + '\n';
      const mixed = Array.from({ length: 200 }, (_, i) => `${'> '.repeat(i % 50)}${'  '.repeat(i % 7)}${i % 2 ? '-' : '1.'} x`).join('\n');
      for (const text of [list, ordered, quotes, mixed]) exercise(text, { fixAll: true });
    });

    it('50,000 nested block quotes on one line: no stack overflow (markers beyond 64 read as text)', () => {
      // Before: RangeError (Maximum call stack size exceeded) in remark and in the model.
      const text = '1. a\n' + '>'.repeat(50_000) + ' deep\n2. b\n';
      exercise(text, { fixAll: true });
      assert.deepEqual(model(text).paragraphs.map((p) => p.number), [1, 2]);
    });

    it('unterminated code fences and HTML comments hide what follows, without errors', () => {
      for (const text of ['1. a\n```\n2. b\n3. c\n', '1. a\n~~~~\n', '1. a\n<!-- 2. b\n5. c\n', '<!--', '```', '1. a <!-- findings: 1, 2\n2. b\n', '<!-- findings: ' + '9, '.repeat(10_000)]) {
        exercise(text, { fixAll: true });
        assert.deepEqual(codes(text).filter((c) => c.startsWith('numbering/')), [], JSON.stringify(text.slice(0, 40)));
      }
    });

    it('control characters, lone surrogates and NULs in the text', () => {
      const text = '1. a\u0000b\u0001\n2. \uD800 lone\uDC00 surrogates \u202E rtl\n3. \u000B\u000C form feed\n';
      exercise(text, { fixAll: true });
      assert.deepEqual(model(text).paragraphs.map((p) => p.number), [1, 2, 3]);
    });
  });

  it('the registry used by the tests is the built-in one', () => {
    assert.deepEqual(registry.ids.sort(), ['ofsted-ilacs-2018', 'ofsted-sif-2013', 'ofsted-slac-2009']);
  });
});
