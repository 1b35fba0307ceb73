import { parseMarkdown } from '../../server/src/model/parse.js';

/**
 * The block structure remark reads, numbers aside: node types, nesting, list tightness and
 * text (digits as #, runs of white space as one space). Renumbering must leave it unchanged.
 */
export function structure(text: string): string {
  const out: string[] = [];
  type Node = { type: string; value?: string; spread?: boolean | null; ordered?: boolean | null; children?: Node[] };
  const stack: [Node, number][] = [[parseMarkdown(text) as Node, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    const value = typeof n.value === 'string' ? ' ' + JSON.stringify(n.value.replace(/\d+/g, '#').replace(/\s+/g, ' ')) : '';
    const list = n.type === 'list' || n.type === 'listItem' ? ` ordered=${n.ordered ?? ''} spread=${n.spread ?? ''}` : '';
    out.push('  '.repeat(depth) + n.type + list + value);
    for (const c of [...(n.children ?? [])].reverse()) stack.push([c, depth + 1]);
  }
  return out.join('\n');
}

/**
 * What renumbering may edit (docs/robustness.md): digits for digits; the white space right
 * after a paragraph's marker, rewritten as spaces; the indentation of a line, rewritten as
 * spaces and never narrower; a line break inserted before a numbered paragraph's line (or a
 * legacy `- N.` one), the same as the one that ends the line before it (a blank line).
 * Returns a description of the first edit that is none of these.
 */
export function renumberingEditProblem(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string | undefined {
  for (const e of edits) {
    const old = text.slice(e.span.start, e.span.end);
    const what = `${JSON.stringify(old)} -> ${JSON.stringify(e.newText)} at ${e.span.start}`;
    if (/^\d+$/.test(old) && /^\d+$/.test(e.newText)) continue;
    if (old === '' && /^(?:\r\n|\n|\r)$/.test(e.newText)) {
      const next = e.span.start + e.newText.length;
      if (text.startsWith(e.newText, e.span.start) && /^[ \t]*(?:[-*+][ \t]+)?\d{1,9}[.)]/.test(text.slice(next, next + 24))) continue;
      return `line break not before a numbered line: ${what}`;
    }
    if (!/^[ \t]*$/.test(old) || !/^ *$/.test(e.newText)) return `not digits or white space: ${what}`;
    const lineStart = Math.max(text.lastIndexOf('\n', e.span.start - 1), text.lastIndexOf('\r', e.span.start - 1)) + 1;
    const prefix = text.slice(lineStart, e.span.start).replace(/^\uFEFF/, '');
    if (prefix === '') {
      if (old !== '' && /[ \t]/.test(text.charAt(e.span.end))) return `indentation partly rewritten: ${what}`;
      if (columns(e.newText) < columns(old)) return `indentation narrowed: ${what}`;
      continue;
    }
    if (!/^[ \t]*(?:(?:[-*+>]|\d{1,9}[.)])[ \t]+)*\d{1,9}[.)]$/.test(prefix)) return `white space not after a marker: ${what}`;
  }
  return undefined;
}

function columns(ws: string): number {
  let c = 0;
  for (const ch of ws) c = ch === '\t' ? c + 4 - (c % 4) : c + 1;
  return c;
}

/**
 * Whether an ordered list, or a bullet holding one (a legacy `- 1.`), follows top-level
 * indented code: micromark reads any number but 1 there as text, so renumbering leaves such a
 * paragraph's number as it is (docs/robustness.md, rule 4).
 */
export function listAfterIndentedCode(text: string): boolean {
  const root = parseMarkdown(text);
  return root.children.some((n, i) => {
    const next = root.children[i + 1];
    const start = n.position?.start.offset ?? 0;
    if (n.type !== 'code' || /^ {0,3}(?:```|~~~)/.test(text.slice(start, start + 16)) || next?.type !== 'list') return false;
    const held = next.children[0]?.children[0];
    return next.ordered === true || (held?.type === 'list' && held.ordered === true);
  });
}

/**
 * Whether a legacy bullet (`- N. text`) is read as a bullet holding the text `N. text`: so
 * micromark reads one where it would let only a list starting at 1 begin (right after a line of
 * prose, or after top-level indented code), unless N is 1 (then a bullet holding a list). So
 * renumbering such a bullet to or from 1 changes what remark reads, though not the model
 * (paragraph N either way).
 */
export function legacyReadAsText(text: string): boolean {
  type Node = { type: string; ordered?: boolean | null; value?: string; children?: Node[] };
  const stack: Node[] = [parseMarkdown(text) as Node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'listItem') {
      const first = n.children?.[0];
      const lead = first?.type === 'paragraph' || first?.type === 'heading' ? first.children?.[0] : undefined;
      if (lead?.type === 'text' && /^\d{1,9}[.)](?:\s|$)/.test(lead.value ?? '')) return true;
    }
    for (const c of n.children ?? []) stack.push(c);
  }
  return false;
}
