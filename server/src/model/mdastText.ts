import type { Nodes } from 'mdast';
import { detach } from '../text/detach.js';

/**
 * The pieces plain text is joined from, in order: null for a space (between the children of
 * a list, an item or the root, and for a line break); a string for a text node's or inline
 * code's value; or, for a text node whose value is its source as written (no escape, entity
 * or stripped indentation), two numbers: its start and end, relative to an origin in the
 * text. A unit keeps its recipe (blocks.ts), so that letters typed inside a word need no
 * parse to give the unit's new plain text (incremental.ts typedInWord).
 */
export type PlainRecipe = (string | number | null)[];

/**
 * The recipe of a node. With `text` (the text the node was parsed from), text nodes written
 * verbatim are kept as offsets from `origin`; without it, every value as a string.
 */
export function plainRecipe(node: Nodes, text?: string, origin = 0): PlainRecipe {
  const out: PlainRecipe = [];
  // An explicit stack, not recursion: a tree thousands deep must not overflow the call stack.
  const stack: (Nodes | null)[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === null || n.type === 'break') {
      out.push(null);
    } else if (n.type === 'text' || n.type === 'inlineCode') {
      const start = n.position?.start.offset;
      const end = n.position?.end.offset;
      if (n.type === 'text' && text !== undefined && start !== undefined && end !== undefined && end - start === n.value.length && text.startsWith(n.value, start)) {
        out.push(start - origin, end - origin);
      } else {
        out.push(detach(n.value));
      }
    } else if ('children' in n) {
      const spaced = n.type === 'list' || n.type === 'listItem' || n.type === 'root';
      const children = n.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) {
        if (spaced) stack.push(null);
        stack.push(children[i]);
      }
    }
  }
  return out;
}

/**
 * The plain text a recipe gives (verbatim pieces read from `text` at `origin`): its pieces
 * joined, white space collapsed, trimmed, cut at `limit` characters (pieces taken until the
 * values read reach it). A string of its own, not a slice of the document (it lives on in
 * unit facts: see text/detach.ts).
 */
export function plainFromRecipe(recipe: PlainRecipe, text: string, origin: number, limit = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  const seen: Collapsed = { length: 0, space: false };
  // Once the collapsed text has more than `limit` characters, ending in one that is not
  // white space, what follows cannot change its first `limit`: a long paragraph is not
  // copied whole to keep its first 300 characters.
  for (let i = 0; i < recipe.length && length < limit && seen.length <= limit; i++) {
    const piece = recipe[i];
    if (piece === null) {
      parts.push(' ');
      if (seen.length > 0) seen.space = true;
    } else if (typeof piece === 'string') {
      parts.push(piece);
      length += piece.length;
      collapse(seen, piece, 0, piece.length, limit);
    } else {
      const end = recipe[++i] as number;
      parts.push(text.slice(origin + piece, collapse(seen, text, origin + piece, origin + end, limit)));
      length += end - piece;
    }
  }
  const joined = parts.join('').replace(/\s+/g, ' ').trim();
  return detach(joined.length > limit ? joined.slice(0, limit) : joined);
}

/** Characters of the collapsed, left-trimmed text so far, and whether white space is pending. */
interface Collapsed {
  length: number;
  space: boolean;
}

/** Counts s[from, to) into `seen`; returns where the count passed `limit` (or `to`). */
function collapse(seen: Collapsed, s: string, from: number, to: number, limit: number): number {
  if (limit === Infinity) return to;
  for (let p = from; p < to; p++) {
    if (isWhiteSpace(s.charCodeAt(p))) {
      if (seen.length > 0) seen.space = true;
      continue;
    }
    seen.length += seen.space ? 2 : 1;
    seen.space = false;
    if (seen.length > limit) return p + 1;
  }
  return to;
}

/** What `\s` matches in a JavaScript regular expression (and micromark's Unicode white space). */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Plain text of an mdast node (like mdast-util-to-string, without HTML or images). */
export function plainText(node: Nodes, limit = Infinity): string {
  return plainFromRecipe(plainRecipe(node), '', 0, limit);
}
