import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** Every range in a JSON value, wherever it sits. */
function rangesIn(value: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(value)) for (const v of value) rangesIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.start && o.end && typeof (o.start as { line?: unknown }).line === 'number') out.push(o as unknown as Range);
    for (const v of Object.values(o)) rangesIn(v, out);
  }
  return out;
}

/** Every LSP range in `value` lies inside `text` (positions counted as LSP counts them). */
export function assertRangesInside(text: string, value: unknown, what: string): void {
  const doc = TextDocument.create('x', 'x', 0, text);
  const end = doc.positionAt(text.length);
  const lineLength = (line: number) => doc.offsetAt({ line: line + 1, character: 0 }) - doc.offsetAt({ line, character: 0 });
  for (const r of rangesIn(value)) {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.character >= 0 && p.line <= end.line, `${what}: position ${JSON.stringify(p)} past the end ${JSON.stringify(end)}`);
      if (p.line < end.line) assert.ok(p.character <= lineLength(p.line), `${what}: position ${JSON.stringify(p)} past its line`);
      else assert.ok(p.character <= end.character, `${what}: position ${JSON.stringify(p)} past the end`);
    }
    assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: inverted range`);
  }
}

