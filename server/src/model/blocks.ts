import type { Nodes, RootContent, List, ListItem, Table as MdTable, Heading } from 'mdast';
import type { CrossReference, Span } from './types.js';
import { plainFromRecipe, plainRecipe, plainText, type PlainRecipe } from './mdastText.js';
import { findHiddenReferences, findReferences } from './references.js';
import { normaliseHeading } from '../text/normalise.js';
import { detach } from '../text/detach.js';

/**
 * What one unit of a document (a top-level block, or one item of a top-level list)
 * contributes to the report model. Units are analysed on their own (a pure function of the
 * node and the text), and every offset in their facts is *relative to the unit's start*: a
 * unit an edit does not touch is kept as the same object however far the edit moves it (the
 * document keeps each unit's start apart, see incremental.ts), so whatever is derived from
 * a unit can be cached on its facts object. Assembling the model from units is a linear scan.
 */
export type BlockFacts =
  | { kind: 'heading'; span: Span; level: number; title: string; /** normaliseHeading(title) */ key: string; refs: CrossReference[] }
  | { kind: 'item'; span: Span; item: ItemFacts }
  | { kind: 'paragraph'; span: Span; text: string; textStart: number; joinEnd: number; refs: CrossReference[]; plain: PlainRecipe }
  | { kind: 'table'; span: Span; rows: { span: Span; cells: { text: string; span: Span }[] }[]; refs: CrossReference[] }
  | { kind: 'front-matter'; span: Span; value: string; valueStart: number }
  | { kind: 'other'; span: Span; refs: CrossReference[] };

export interface ItemFacts {
  span: Span;
  kind: 'ordered' | 'legacy-bullet' | 'bullet';
  /** Ordered and legacy items: the number written and its digits. */
  number?: number;
  numberSpan?: Span;
  /** Legacy and plain bullets: the marker with its spaces. */
  bulletSpan?: Span;
  textStart: number;
  text: string;
  /** End of the item's last paragraph, when the item ends in one (for "join"). */
  joinEnd?: number;
  /**
   * The ordered list items nested in this one (`- 12. text` is a bullet holding a list
   * numbered 12; a bullet can hold a numbered list further down too): where each one's marker
   * starts and where the item ends, which can be before this item's end — a line less
   * indented than the nested item's text that is not a paragraph's lazy line ends it, and
   * what follows belongs to the outer item alone. Renumbering reads lines against a number's
   * column only inside the number's own item, and a stray number is a list marker only if it
   * is one of these (fixes/markerWidth.ts). Absent when there are none (most items).
   */
  nestedItems?: NestedItem[];
  refs: CrossReference[];
  /** How `text` is made (mdastText.ts), offsets relative to the item's start. */
  plain: PlainRecipe;
}

export interface NestedItem {
  /** Where the nested item's marker (its number) starts. */
  at: number;
  end: number;
}

const ORDERED_MARKER = /^[ \t]*(\d{1,9})[.)](?=[ \t]|\r|\n|$)[ \t]*/;
const BULLET_MARKER = /^[ \t]*[-*+][ \t]+/;
const LEGACY_NUMBER = /^(\d{1,9})[.)](?=[ \t])[ \t]*/;
export const TEXT_LIMIT = 300;

const startOf = (node: Nodes) => node.position?.start.offset ?? 0;
const endOf = (node: Nodes) => node.position?.end.offset ?? 0;

/** The span of a node, relative to `origin`. */
function spanOf(node: Nodes, origin: number): Span {
  return { start: startOf(node) - origin, end: endOf(node) - origin };
}

/**
 * The units of one top-level node of a parse of `text` (a list gives one unit per item),
 * with their starts in `text`. `after` is where the node before it ends.
 */
export function analyseNode(node: RootContent, text: string, out: BlockFacts[], starts: number[], after = 0): void {
  if (node.type === 'list') {
    node.children.forEach((item, i) => {
      const origin = startOf(item);
      // An item ends where the next begins: remark ends an item whose fence the next item
      // closes (" 26. ```" / "6. text") inside that next item.
      const next = node.children[i + 1];
      const facts = analyseItem(item, node, text, origin, next ? startOf(next) : undefined);
      out.push({ kind: 'item', span: facts.span, item: facts });
      starts.push(origin);
    });
    return;
  }
  const origin = Math.max(startOf(node), lineAfter(text, after));
  out.push(analyseBlock(node, text, origin));
  starts.push(origin);
}

/**
 * The start of the line after the one `offset` lies on (0 for 0). A setext heading whose
 * text follows link reference definitions without a blank line starts, in remark's
 * positions, where the definitions start: its unit starts on the line after them instead.
 */
function lineAfter(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const nl = text.slice(offset - 1).search(/\r\n?|\n/);
  if (nl < 0) return offset;
  const at = offset - 1 + nl;
  return at + (text.startsWith('\r\n', at) ? 2 : 1);
}

function analyseBlock(node: Exclude<RootContent, List>, text: string, origin: number): BlockFacts {
  // From the origin: a setext heading after definitions starts before it (see lineAfter).
  const span = { start: 0, end: endOf(node) - origin };
  switch (node.type) {
    case 'heading':
      return analyseHeading(node, text, span, origin);
    case 'paragraph': {
      const refs: CrossReference[] = [];
      collectReferences(node, text, origin, refs);
      const plain = plainRecipe(node, text, origin);
      return { kind: 'paragraph', span, text: plainFromRecipe(plain, text, origin, TEXT_LIMIT), textStart: span.start, joinEnd: span.end, refs, plain };
    }
    case 'table':
      return analyseTable(node, text, span, origin);
    case 'yaml':
      return { kind: 'front-matter', span, value: detach(node.value), valueStart: text.indexOf('\n', origin) + 1 - origin };
    default: {
      const refs: CrossReference[] = [];
      collectReferences(node, text, origin, refs);
      return { kind: 'other', span, refs };
    }
  }
}

function analyseHeading(node: Heading, text: string, span: Span, origin: number): BlockFacts {
  const refs: CrossReference[] = [];
  collectReferences(node, text, origin, refs);
  // The title as written (inline markup kept, so normalisation sees footnote marks).
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const title = !first || !last ? '' : first.position && last.position ? detach(text.slice(startOf(first), endOf(last))) : headingContent(node, text);
  return { kind: 'heading', span, level: node.depth, title, key: normaliseHeading(title), refs };
}

/**
 * The text of a heading between its markers, from the heading's own position: for when its
 * first or last inline node has none (GFM's autolink literals split text nodes into new ones
 * without positions: "ixhttps://…" in a heading).
 */
function headingContent(node: Heading, text: string): string {
  const raw = text.slice(startOf(node), endOf(node));
  const lines = raw.split('\n');
  const setext = lines.length > 1 && /^ {0,3}(?:=+|-+)[ \t]*\r?$/.test(lines[lines.length - 1]);
  const content = setext ? lines.slice(0, -1).join('\n') : raw.replace(/^ {0,3}#{1,6}(?=[ \t]|$)/, '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '');
  return detach(content.trim());
}

function analyseItem(item: ListItem, list: List, text: string, origin: number, nextStart: number | undefined): ItemFacts {
  const span = spanOf(item, origin);
  if (nextStart !== undefined && origin + span.end > nextStart) span.end = nextStart - origin;
  const head = text.slice(origin, Math.min(origin + span.end, origin + 40));
  const refs: CrossReference[] = [];
  collectReferences(item, text, origin, refs);
  const joinEnd = lastParagraphEnd(item);
  const join = joinEnd === undefined ? undefined : joinEnd - origin;
  const plain = plainRecipe(item, text, origin);
  const itemText = plainFromRecipe(plain, text, origin, TEXT_LIMIT);
  if (list.ordered) {
    const m = ORDERED_MARKER.exec(head);
    const digitsAt = m ? head.indexOf(m[1]) : 0;
    return {
      span,
      kind: 'ordered',
      number: m ? Number(m[1]) : (list.start ?? 1),
      numberSpan: { start: digitsAt, end: digitsAt + (m ? m[1].length : 0) },
      textStart: m ? m[0].length : 0,
      text: itemText,
      joinEnd: join,
      refs,
      plain,
    };
  }
  const bullet = BULLET_MARKER.exec(head);
  const bulletSpan = { start: 0, end: bullet ? bullet[0].length : 1 };
  const rest = head.slice(bulletSpan.end);
  const legacy = LEGACY_NUMBER.exec(rest);
  const nestedItems = nestedItemsIn(item, origin);
  if (legacy) {
    const at = bulletSpan.end;
    return {
      span,
      kind: 'legacy-bullet',
      number: Number(legacy[1]),
      numberSpan: { start: at, end: at + legacy[1].length },
      bulletSpan,
      textStart: at + legacy[0].length,
      text: itemText,
      joinEnd: join,
      ...(nestedItems ? { nestedItems } : {}),
      refs,
      plain,
    };
  }
  return { span, kind: 'bullet', bulletSpan, textStart: bulletSpan.end, text: itemText, joinEnd: join, ...(nestedItems ? { nestedItems } : {}), refs, plain };
}

/**
 * The ordered list items nested in `item` (through lists, their items and block quotes),
 * relative to `origin`; undefined when there are none (most items).
 */
function nestedItemsIn(item: ListItem, origin: number): NestedItem[] | undefined {
  let out: NestedItem[] | undefined;
  const visit = (node: Nodes) => {
    if (node.type === 'list') {
      for (const child of node.children) {
        if (node.ordered) (out ??= []).push({ at: startOf(child) - origin, end: endOf(child) - origin });
        visit(child);
      }
    } else if (node.type === 'listItem' || node.type === 'blockquote') {
      for (const child of node.children) visit(child);
    }
  };
  for (const child of item.children) visit(child);
  return out;
}

/** End offset of the last paragraph at the end of a list item (descending into nested lists). */
function lastParagraphEnd(node: Nodes): number | undefined {
  let current: Nodes = node;
  for (;;) {
    if (current.type === 'paragraph') return current.position?.end.offset;
    if (!('children' in current) || current.children.length === 0) return undefined;
    const next = current.children[current.children.length - 1] as Nodes;
    if (next.type !== 'paragraph' && next.type !== 'list' && next.type !== 'listItem') return undefined;
    current = next;
  }
}

function analyseTable(node: MdTable, text: string, span: Span, origin: number): BlockFacts {
  const refs: CrossReference[] = [];
  collectReferences(node, text, origin, refs);
  const rows = node.children.map((row) => ({
    span: spanOf(row, origin),
    cells: row.children.map((cell) => ({ text: plainText(cell), span: spanOf(cell, origin) })),
  }));
  return { kind: 'table', span, rows, refs };
}

/** References in the text and HTML of a subtree (never in code), offsets relative to `origin`. */
function collectReferences(root: Nodes, text: string, origin: number, out: CrossReference[]): void {
  // Depth-first in document order, with an explicit stack: deep nesting must not overflow.
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const start = startOf(node);
      findReferences(text.slice(start, endOf(node)), start - origin, -1, out);
    } else if (node.type === 'html') {
      const start = startOf(node);
      findHiddenReferences(text.slice(start, endOf(node)), start - origin, -1, out);
    } else if (node.type !== 'code' && node.type !== 'inlineCode' && 'children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}
