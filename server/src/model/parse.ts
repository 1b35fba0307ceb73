import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root } from 'mdast';

/** One processor of each kind for the process: building one costs more than a small parse. */
const gfmProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const plainProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * Could `text` hold GFM syntax? Every GFM construct needs one of these: a table a `|` (or,
 * with one column, a delimiter row with a colon: `:-`, `-:`), strikethrough a `~`, footnotes
 * and task list items a `[`, autolink literals `www`, `http` or an `@` (micromark tries them
 * at letters, but they succeed only there; mdast's autolink transform looks for the same).
 * Text without any parses to the same tree with or without GFM — which costs half the parse
 * (a test checks the claim on every report of the corpus, unit by unit).
 */
const GFM_TRIGGER = /[|~@[]|www|http|:-|-:/i;
export function mayHoldGfm(text: string): boolean {
  return GFM_TRIGGER.test(text);
}

/**
 * Parse Report Markdown to mdast. Positions are offsets into `text` (UTF-16 units).
 * `syntax: 'auto'` parses without GFM when the text cannot hold any (see mayHoldGfm).
 */
export function parseMarkdown(text: string, syntax: 'gfm' | 'auto' = 'gfm'): Root {
  const processor = syntax === 'auto' && !mayHoldGfm(text) ? plainProcessor : gfmProcessor;
  const capped = capNesting(text);
  let root: Root;
  try {
    root = processor.parse(capped) as Root;
  } catch (error) {
    // Thousands of nested emphasis or links overflow remark's recursion. Parse again with
    // inline markup characters read as spaces (same length, so offsets hold), and say so.
    if (!(error instanceof RangeError)) throw error;
    try {
      root = processor.parse(capped.replace(/[*_~[\]`<>!]/g, ' ')) as Root;
    } catch {
      root = { type: 'root', children: [] };
    }
    root.data = { ...root.data, tooComplex: true } as Root['data'];
  }
  // micromark skips a leading BOM and counts offsets from the character after it: shift
  // every position back onto `text`, or every span in the document is one character early.
  if (text.charCodeAt(0) === 0xfeff) shiftPositions(root, 1);
  return root;
}

function shiftPositions(node: Nodes, by: number): void {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    const p = n.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += by;
      if (p.end.offset !== undefined) p.end.offset += by;
      if (p.start.line === 1) p.start.column += by;
      if (p.end.line === 1) p.end.column += by;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
}

/**
 * Deepest nesting of block quotes and lists on one line that is parsed as such. remark (and
 * any recursive walk of its tree) overflows the stack on thousands of nested containers
 * (`>>>>…`, `- - - …` in one line); no report nests more than a few. Markers beyond the limit
 * are parsed as spaces: same length, so every offset still points into the real text.
 */
export const MAX_NESTING = 64;
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

function capNesting(text: string): string {
  let out: string[] | undefined;
  let last = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    let depth = 0;
    let at = lineStart;
    CONTAINER_MARKER.lastIndex = at;
    while (CONTAINER_MARKER.exec(text)) {
      const end = CONTAINER_MARKER.lastIndex;
      if (++depth > MAX_NESTING) {
        out ??= [];
        out.push(text.slice(last, at), text.slice(at, end).replace(/[^ \t]/g, ' '));
        last = end;
      }
      at = end;
      CONTAINER_MARKER.lastIndex = at;
    }
    const nl = text.indexOf('\n', at);
    lineStart = nl < 0 ? text.length : nl + 1;
  }
  if (!out) return text;
  out.push(text.slice(last));
  return out.join('');
}
