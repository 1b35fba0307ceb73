import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/text/lineIndex.js';

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and lone \\r as line ends', () => {
    const idx = new LineIndex('a\nb\r\nc\rd');
    assert.deepEqual(idx.lineStarts, [0, 2, 5, 7]);
    assert.deepEqual(idx.positionAt(6), { line: 2, character: 1 });
    assert.equal(idx.lineText(1), 'b');
  });
  it('counts characters in UTF-16 code units, as LSP does', () => {
    const text = 'x 😀 é\n12. y';
    const idx = new LineIndex(text);
    const at = text.indexOf('é');
    assert.deepEqual(idx.positionAt(at), { line: 0, character: 5 });
    assert.equal(idx.offsetAt({ line: 0, character: 5 }), at);
  });
  it('clamps positions past the end of a line or the document', () => {
    const idx = new LineIndex('ab\r\ncd');
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), 6);
    assert.deepEqual(idx.positionAt(999), { line: 1, character: 2 });
  });
});
