import * as assert from 'node:assert/strict';
import { unified } from 'unified';
import { ReportLanguageService } from '../../server/src/service/languageService.js';
import { analyse } from '../../server/src/service/analyse.js';
import { lineOf, model, registry } from '../helpers.js';

/*
 * The `document/too-complex` fallback (model/parse.ts): when remark throws a RangeError (its
 * recursion overflows on emphasis or links nested thousands deep), the report is read again
 * with inline markup characters as spaces (the same length, so every offset holds), and a
 * warning says so.
 *
 * The real trigger takes over a minute (8,000 nested emphasis markers: remark is super-linear
 * long before it overflows), and lowering V8's stack (`node --stack-size`) is no faithful
 * shortcut: below ~84 KB remark overflows on any large input in a `push.apply` of 10,000
 * events, not in its nesting, and below ~56 KB node itself fails to start. So the test makes
 * remark's own `parse` throw that RangeError for the text that holds the deep markup — at
 * the boundary parse.ts guards — and lets everything after it run for real: the second,
 * markup-free parse, the model, every check, and the language service across edits.
 */
const NEST = '*_'.repeat(40) + 'deep' + '_*'.repeat(40);
const TEXT = `1. First.\n\n3. Third: ${NEST}, see paragraph 9.\n\n4. Fourth *emphasis* and \`code\`.\n`;

/** Run `f` with remark's parse throwing, for texts with deep markup (`when`), the RangeError it throws on them. */
function withOverflow<T>(f: () => T, when: (text: string) => boolean = (text) => text.includes('*_*_*_')): T {
  const proto = Object.getPrototypeOf(unified()) as { parse: (file?: unknown) => unknown };
  const parse = proto.parse;
  let thrown = 0;
  proto.parse = function (this: unknown, file?: unknown) {
    if (when(String(file))) {
      thrown++;
      throw new RangeError('Maximum call stack size exceeded');
    }
    return parse.call(this, file);
  };
  try {
    const value = f();
    assert.ok(thrown > 0, 'remark was not asked to parse the deep markup');
    return value;
  } finally {
    proto.parse = parse;
  }
}

describe('robustness: markup too deep for remark (document/too-complex)', () => {
  it('the report is read without inline markup, says so once, and is still checked; every span is in the real text', () => {
    const m = withOverflow(() => model(TEXT));
    const diagnostics = analyse(m);
    assert.deepEqual(diagnostics.map((d) => `${lineOf(TEXT, d.span.start)} ${d.code}`).sort(), ['1 document/too-complex', '3 numbering/gap', '3 reference/broken']);
    const tooComplex = diagnostics.find((d) => d.code === 'document/too-complex')!;
    assert.equal(tooComplex.severity, 'warning');
    assert.equal(TEXT.slice(tooComplex.span.start, tooComplex.span.end), '1. First.');
    assert.deepEqual(m.paragraphs.map((p) => [p.number, TEXT.slice(p.numberSpan.start, p.numberSpan.end)]), [[1, '1'], [3, '3'], [4, '4']]);
    const broken = diagnostics.find((d) => d.code === 'reference/broken')!;
    assert.equal(TEXT.slice(broken.span.start, broken.span.end), '9');
    // Without the failure, the same report: no warning, the same other diagnostics.
    assert.deepEqual(analyse(model(TEXT)).map((d) => d.code).sort(), ['numbering/gap', 'reference/broken']);
  });

  it('when even the markup-free parse fails, the report is empty but for the warning (no crash)', () => {
    const m = withOverflow(() => model(TEXT), () => true);
    assert.deepEqual(analyse(m).map((d) => d.code), ['document/too-complex']);
    assert.deepEqual(m.paragraphs, []);
  });

  it('the language service: the warning comes and goes as the deep markup is typed and removed (incremental parsing)', () => {
    const service = new ReportLanguageService({ registry });
    const uri = 'file:///too-complex.report.md';
    let version = 0;
    const codes = (text: string) => withOverflow(() => service.diagnostics({ uri, version: ++version, getText: () => text })).map((d) => d.code).sort();
    const plain = TEXT.replace(NEST, 'shallow');
    assert.deepEqual(codesWithout(service, uri, ++version, plain), ['numbering/gap', 'reference/broken']);
    assert.deepEqual(codes(TEXT), ['document/too-complex', 'numbering/gap', 'reference/broken']);
    const fixed = TEXT.replace('3. Third', '2. Third').replace('4. Fourth', '3. Fourth');
    assert.deepEqual(codes(fixed), ['document/too-complex', 'reference/broken'], 'a later edit is checked too');
    assert.deepEqual(codesWithout(service, uri, ++version, fixed.replace(NEST, 'shallow')), ['reference/broken'], 'the warning goes with the markup');
  });
});

/** Diagnostics codes with remark as it is (no overflow). */
function codesWithout(service: ReportLanguageService, uri: string, version: number, text: string): string[] {
  return service.diagnostics({ uri, version, getText: () => text }).map((d) => d.code).sort();
}
