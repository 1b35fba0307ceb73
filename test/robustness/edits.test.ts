import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ReportLanguageService } from '../../server/src/service/languageService.js';
import { applyEdits } from '../../server/src/fixes/applyEdits.js';
import { toTextEdits } from '../../server/src/lsp/convert.js';
import type { Fix, TextEdit } from '../../server/src/checks/types.js';
import { listFixtures, readFixture, registry } from '../helpers.js';
import { assertEdits } from './exercise.js';
import { reportArbitrary } from './generators.js';
import { assertProperty } from './seed.js';
import { legacyReadAsText, listAfterIndentedCode, renumberingEditProblem, structure } from './structure.js';

/*
 * Safety of edits, as properties over the corpus fixtures and random reports: every offered
 * fix changes only what it targets (and the same characters whether applied by offsets or by
 * LSP positions); renumbering the report leaves no numbering diagnostics, changes only digits
 * and the white space and blank lines that keep the document's structure (docs/robustness.md),
 * and is a no-op the second time; fix-all loses no word and no numbered paragraph, and
 * settles. Each run draws a new seed (seed.ts: a failure says how to replay it).
 */
const NUMBERING = new Set(['numbering/gap', 'numbering/duplicate', 'numbering/order']);
/** Fix-all may move a stray number and drop bullet markers: no other character changes. */
const words = (s: string) => s.replace(/[\d.)\s*+-]/g, '');

const service = new ReportLanguageService({ registry });
let version = 0;
const docOf = (text: string) => ({ uri: 'file:///edits.report.md', version: ++version, getText: () => text });

/** What each kind of fix may touch: the old and new text of each of its edits. */
function assertTargeted(text: string, fix: Fix): void {
  const old = (e: TextEdit) => text.slice(e.span.start, e.span.end);
  const t = fix.title;
  for (const e of fix.edits) {
    const what = `"${t}": ${JSON.stringify(old(e))} -> ${JSON.stringify(e.newText)}`;
    // Any fix that makes a line a numbered paragraph may put a blank line before it.
    const blankLine = old(e) === '' && /^(?:\r\n|\n|\r)$/.test(e.newText) && text.startsWith(e.newText, e.span.start);
    if (/^Renumber/.test(t)) {
      assert.equal(renumberingEditProblem(text, [e]), undefined, what);
    } else if (/^Number it/.test(t)) {
      assert.ok(renumberingEditProblem(text, [e]) === undefined || (/^([-*+][ \t]+)?$/.test(old(e)) && /^\d+\. $/.test(e.newText)) || blankLine, what);
    } else if (/^Write .*numbered paragraph/.test(t)) {
      assert.ok((/^[ \t]*[-*+][ \t]+$/.test(old(e)) && e.newText === '') || blankLine, what);
    } else if (/^Move \d+ to the start/.test(t)) {
      assert.ok((/^\d+\.[ \t]*$/.test(old(e)) && e.newText === '') || (/^([-*+][ \t]+)?$/.test(old(e)) && /^\d+\. $/.test(e.newText)) || blankLine, what);
    } else if (/^Join/.test(t)) {
      assert.match(old(e), /^[\s>*+-]*$/, what);
      assert.equal(e.newText, ' ', what);
    } else if (/^Use framework/.test(t)) {
      assert.ok(registry.get(e.newText), what);
      assert.doesNotMatch(old(e), /[\r\n]/, what);
    } else {
      // Grade wording, citations and the like: a phrase within one line, never a line break removed.
      assert.doesNotMatch(old(e), /[\r\n]/, what);
      assert.ok(old(e).length <= 200, what);
    }
  }
}

/** The edit as an LSP client applies it (positions, CRLF-aware) changes the same characters. */
function assertSameOverLsp(text: string, edits: TextEdit[]): void {
  const m = service.build('file:///lsp.report.md', 1, text);
  const lsp = TextDocument.applyEdits(TextDocument.create('x', 'x', 1, text), toTextEdits(m, edits));
  assert.equal(lsp, applyEdits(text, edits), 'applied by LSP positions, the edit changes other characters');
}

function checkFixes(text: string, limit = Infinity): void {
  const doc = docOf(text);
  // On a long raw report, a sample spread over the document (each code action is a full pass).
  const all = service.diagnostics(doc);
  const step = Math.max(1, Math.ceil(all.length / limit));
  const diagnostics = all.filter((_, i) => i % step === 0);
  for (const d of diagnostics) {
    for (const { fix } of service.codeActions(doc, d.span, ['quickfix'])) {
      const after = assertEdits(text, fix.edits, fix.title);
      assertTargeted(text, fix);
      assertSameOverLsp(text, fix.edits);
      assert.notEqual(after, text, `"${fix.title}" offered but changes nothing`);
    }
  }
}

function checkRenumberAndFixAll(text: string): void {
  const doc = docOf(text);
  // "Renumber the whole report", as offered on a numbering diagnostic.
  const numbering = service.diagnostics(doc).find((d) => NUMBERING.has(d.code));
  if (numbering) {
    const whole = service.codeActions(doc, numbering.span, ['quickfix']).find((a) => a.fix.title === 'Renumber the whole report');
    if (whole) {
      const once = assertEdits(text, whole.fix.edits, 'renumber');
      assert.equal(renumberingEditProblem(text, whole.fix.edits), undefined);
      if (!legacyReadAsText(text)) assert.equal(structure(once), structure(text), 'renumbering changed the structure');
      // After top-level indented code a paragraph numbered 1 keeps its number (micromark).
      if (!listAfterIndentedCode(text)) assert.deepEqual(service.diagnostics(docOf(once)).filter((d) => NUMBERING.has(d.code)).map((d) => d.message), []);
      const again = service.codeActions(docOf(once), { start: 0, end: once.length }, ['quickfix']).find((a) => a.fix.title === 'Renumber the whole report');
      assert.equal(again, undefined, 'renumbering twice changes something');
    }
  }
  const all = service.fixAll(doc);
  const fixed = assertEdits(text, all, 'fix-all');
  assertSameOverLsp(text, all);
  assert.equal(words(fixed), words(text), 'fix-all changed a word');
  // No numbered paragraph is lost. One can be made: a line `3. …` that was more of a
  // paragraph's text becomes an item of its own once the fix makes that paragraph a list item.
  const numbered = (t: string) => service.getModel(docOf(t)).paragraphs.length;
  assert.ok(numbered(fixed) >= numbered(text), 'fix-all lost a numbered paragraph');
  assert.deepEqual(service.fixAll(docOf(fixed)), [], 'fix-all twice changes something');
}

describe('robustness: safety of edits (properties)', function () {
  this.timeout(300_000);

  it('random reports: every fix touches only its target, the same over LSP positions', () => {
    assertProperty(fc.property(reportArbitrary, (text) => checkFixes(text)), { numRuns: 150 });
  });

  it('random reports: renumbering leaves no numbering diagnostics, digits only, idempotent; fix-all loses no word', () => {
    assertProperty(fc.property(reportArbitrary, (text) => checkRenumberAndFixAll(text)), { numRuns: 150 });
  });

  const files = [...listFixtures('corpus'), ...listFixtures('raw'), ...listFixtures('synthetic')];
  for (const file of files) {
    it(`${file}: the same properties, and with CRLF endings`, () => {
      const text = readFixture(file);
      for (const variant of [text, text.replace(/\r?\n/g, '\r\n')]) {
        checkFixes(variant, 10);
        checkRenumberAndFixAll(variant);
      }
    });
  }
});
