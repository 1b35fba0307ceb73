import type { Nodes, RootContent, List, ListItem, Table as MdTable, Heading } from 'mdast';
import type { CrossReference, Span } from './types.js';
import { plainText } from './mdastText.js';
import { findHiddenReferences, findReferences } from './references.js';

/**
 * What one top-level block contributes to the report model. Blocks are analysed on their own
 * (a pure function of the node and the text), so an edit re-analyses only the blocks it
 * touches; assembling the model from block facts is a linear scan.
 */
export type BlockFacts =
  | { kind: 'heading'; span: Span; level: number; title: string; refs: CrossReference[] }
  | { kind: 'items'; span: Span; items: ItemFacts[]; refs: CrossReference[] }
  | { kind: 'paragraph'; span: Span; text: string; textStart: number; joinEnd: number; refs: CrossReference[] }
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
  /** Index of this item's references in the block's refs, for attribution. */
  refs: CrossReference[];
}

const ORDERED_MARKER = /^[ \t]*(\d{1,9})[.)](?=[ \t]|\r|\n|$)[ \t]*/;
const BULLET_MARKER = /^[ \t]*[-*+][ \t]+/;
const LEGACY_NUMBER = /^(\d{1,9})[.)](?=[ \t])[ \t]*/;
const TEXT_LIMIT = 300;

function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

export function analyseBlock(node: RootContent, text: string): BlockFacts {
  const span = spanOf(node);
  switch (node.type) {
    case 'heading':
      return analyseHeading(node, text, span);
    case 'list':
      return { kind: 'items', span, items: node.children.map((item) => analyseItem(item, node, text)), refs: [] };
    case 'paragraph': {
      const refs: CrossReference[] = [];
      collectReferences(node, text, refs);
      return { kind: 'paragraph', span, text: plainText(node, TEXT_LIMIT), textStart: span.start, joinEnd: span.end, refs };
    }
    case 'table':
      return analyseTable(node, text, span);
    case 'yaml':
      return { kind: 'front-matter', span, value: node.value, valueStart: text.indexOf('\n', span.start) + 1 };
    default: {
      const refs: CrossReference[] = [];
      collectReferences(node, text, refs);
      return { kind: 'other', span, refs };
    }
  }
}

function analyseHeading(node: Heading, text: string, span: Span): BlockFacts {
  const refs: CrossReference[] = [];
  collectReferences(node, text, refs);
  // The title as written (inline markup kept, so normalisation sees footnote marks).
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const title = first && last ? text.slice(first.position!.start.offset!, last.position!.end.offset!) : '';
  return { kind: 'heading', span, level: node.depth, title, refs };
}

function analyseItem(item: ListItem, list: List, text: string): ItemFacts {
  const span = spanOf(item);
  const head = text.slice(span.start, Math.min(span.end, span.start + 40));
  const refs: CrossReference[] = [];
  collectReferences(item, text, refs);
  const joinEnd = lastParagraphEnd(item);
  if (list.ordered) {
    const m = ORDERED_MARKER.exec(head);
    const digitsAt = m ? span.start + head.indexOf(m[1]) : span.start;
    return {
      span,
      kind: 'ordered',
      number: m ? Number(m[1]) : (list.start ?? 1),
      numberSpan: { start: digitsAt, end: digitsAt + (m ? m[1].length : 0) },
      textStart: span.start + (m ? m[0].length : 0),
      text: plainText(item, TEXT_LIMIT),
      joinEnd,
      refs,
    };
  }
  const bullet = BULLET_MARKER.exec(head);
  const bulletSpan = { start: span.start, end: span.start + (bullet ? bullet[0].length : 1) };
  const rest = head.slice(bulletSpan.end - span.start);
  const legacy = LEGACY_NUMBER.exec(rest);
  if (legacy) {
    const at = bulletSpan.end;
    return {
      span,
      kind: 'legacy-bullet',
      number: Number(legacy[1]),
      numberSpan: { start: at, end: at + legacy[1].length },
      bulletSpan,
      textStart: at + legacy[0].length,
      text: plainText(item, TEXT_LIMIT),
      joinEnd,
      refs,
    };
  }
  return { span, kind: 'bullet', bulletSpan, textStart: bulletSpan.end, text: plainText(item, TEXT_LIMIT), joinEnd, refs };
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

function analyseTable(node: MdTable, text: string, span: Span): BlockFacts {
  const refs: CrossReference[] = [];
  collectReferences(node, text, refs);
  const rows = node.children.map((row) => ({
    span: spanOf(row),
    cells: row.children.map((cell) => ({ text: plainText(cell), span: spanOf(cell) })),
  }));
  return { kind: 'table', span, rows, refs };
}

/** References in the text and HTML of a subtree (never in code). */
function collectReferences(root: Nodes, text: string, out: CrossReference[]): void {
  // Depth-first in document order, with an explicit stack: deep nesting must not overflow.
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const span = spanOf(node);
      findReferences(text.slice(span.start, span.end), span.start, -1, out);
    } else if (node.type === 'html') {
      const span = spanOf(node);
      findHiddenReferences(text.slice(span.start, span.end), span.start, -1, out);
    } else if (node.type !== 'code' && node.type !== 'inlineCode' && 'children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}
