import type { TextEdit } from '../checks/types.js';

/** Apply non-overlapping edits (any order) to text. Throws on overlap: a bug, never silent. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at) throw new Error(`overlapping edits at ${e.span.start}`);
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/**
 * The smallest edits that turn `before` into `after`, line by line: the safe fixes change
 * lines in place and at most insert blank lines (a line break before a numbered paragraph that
 * would otherwise continue the prose above it, fixes/listStart.ts). Anything else becomes one
 * edit around the changed middle.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitKeepingEnds(before);
  const b = splitKeepingEnds(after);
  const edits: TextEdit[] = [];
  let offset = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    // An inserted blank line: `after` has more lines left, and this one is a bare line break.
    while (j < b.length && a[i] !== b[j] && b.length - j > a.length - i && /^(?:\r\n|\n|\r)$/.test(b[j])) {
      edits.push({ span: { start: offset, end: offset }, newText: b[j++] });
    }
    if (j >= b.length) break;
    if (a[i] !== b[j]) edits.push(...lineEdits(a[i], b[j], offset));
    offset += a[i].length;
    j++;
  }
  if (j < b.length) edits.push({ span: { start: before.length, end: before.length }, newText: b.slice(j).join('') });
  const merged = mergeAdjacent(edits);
  return applyEdits(before, merged) === after ? merged : [trimmedEdit(before, after, 0)];
}

/** Edits that touch (an insertion at the start of a line edit) become one, as LSP wants no two at one place. */
function mergeAdjacent(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && last.span.end === e.span.start && (last.span.start === last.span.end || e.span.start === e.span.end)) {
      out[out.length - 1] = { span: { start: last.span.start, end: e.span.end }, newText: last.newText + e.newText };
    } else out.push({ span: { ...e.span }, newText: e.newText });
  }
  return out;
}

function splitKeepingEnds(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function trimmedEdit(a: string, b: string, base: number): TextEdit {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { span: { start: base + p, end: base + a.length - s }, newText: b.slice(p, b.length - s) };
}

/**
 * Character edits within one changed line: a Myers diff, so that moving "62. " from the middle
 * of a line to its start is two small edits, not a rewrite of the words between. Falls back
 * to one trimmed edit when the line changed too much for a diff to be worth it.
 */
function lineEdits(a: string, b: string, base: number, maxD = 64): TextEdit[] {
  const n = a.length;
  const m = b.length;
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxD; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d, k, base, offset);
    }
  }
  return [trimmedEdit(a, b, base)];
}

function backtrack(trace: Int32Array[], a: string, b: string, dEnd: number, kEnd: number, base: number, offset: number): TextEdit[] {
  // Walk back through the saved frontiers, collecting deletions and insertions.
  const ops: { at: number; del: number; ins: string }[] = [];
  let x = a.length;
  let y = b.length;
  let k = kEnd;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d];
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && (down ? x > prevX : x > prevX + 1)) {
      x--;
      y--;
    }
    if (down) ops.push({ at: prevX, del: 0, ins: b[prevY] });
    else ops.push({ at: prevX, del: 1, ins: '' });
    x = prevX;
    y = prevY;
    k = prevK;
  }
  // Merge adjacent operations into edits.
  ops.reverse();
  const edits: TextEdit[] = [];
  for (const op of ops) {
    const last = edits[edits.length - 1];
    if (last && last.span.end === base + op.at) {
      last.span.end += op.del;
      last.newText += op.ins;
    } else {
      edits.push({ span: { start: base + op.at, end: base + op.at + op.del }, newText: op.ins });
    }
  }
  return edits;
}
