import type { Nodes, Root, RootContent } from 'mdast';
import type { BlockFacts } from './blocks.js';
import { parseMarkdown } from './parse.js';

/*
 * Link reference and footnote definitions resolve references anywhere in a document: `[x]`
 * or `[^1]` in one paragraph is a reference only if `[x]: …` or `[^1]: …` is defined
 * somewhere, before or after it. A slice parsed alone would not know the definitions outside
 * it, so a slice of a document that has any is parsed with the document's labels appended
 * as definitions of their own, after a blank line, and what the appended text parsed into is
 * dropped. A blank line closes every block but a fence or an HTML block of kinds 1–5; a slice
 * whose last block is one of those still open runs on into the appended text, and is then
 * not parsed this way (the caller parses more, or the whole document). A slice without `[`
 * holds no reference (both kinds open with one) and is parsed as it is.
 *
 * Only which labels are defined matters (the model reads no URL and no footnote text from
 * another unit), so the set is kept from version to version as long as no edit touches a
 * unit that holds a definition and no slice parsed again holds one: otherwise the document
 * is parsed whole.
 */

export interface Definitions {
  /** The units holding definitions (kept units stay the same objects from version to version). */
  readonly units: ReadonlySet<BlockFacts>;
  /** Every label defined, as definitions to append to a slice. */
  text: string;
}

/** Can `text` hold a link reference or footnote reference? */
export function mayHoldReference(text: string): boolean {
  return text.indexOf('[') >= 0;
}

/**
 * Whether `node` holds definitions (itself, or inside a list, quote or footnote), adding each
 * label it defines to `labels`, written out as a definition. The label written is the
 * node's identifier: its `label` has escapes and character references decoded, and `[&]`
 * does not define what `[&amp;]` defines; the identifier, normalised again, is itself.
 */
export function definitionsIn(node: Nodes, labels?: Set<string>): boolean {
  if (node.type === 'definition') {
    labels?.add(`[${node.identifier}]: #\n\n`);
    return true;
  }
  let found = false;
  if (node.type === 'footnoteDefinition') {
    labels?.add(`[^${node.identifier}]: x\n\n`);
    found = true;
  }
  if (node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'footnoteDefinition') {
    for (const child of node.children as Nodes[]) {
      if (definitionsIn(child, labels)) found = true;
      if (found && !labels) break;
    }
  }
  return found;
}

/**
 * remark's parse of `slice` as part of a document with these definitions (Definitions.text):
 * the slice's own nodes, positions as in the slice. Undefined when a node of the slice ran on
 * into the appended definitions (an unclosed fence or HTML block, see above).
 */
export function parseWithDefinitions(slice: string, labels: string | undefined): Root | undefined {
  if (!labels || !mayHoldReference(slice)) return parseMarkdown(slice, 'auto');
  const root = parseMarkdown(`${slice}\n\n${labels}`, 'auto');
  const own: RootContent[] = [];
  for (const node of root.children) {
    if ((node.position?.start.offset ?? 0) >= slice.length) break;
    if ((node.position?.end.offset ?? 0) > slice.length) return undefined;
    own.push(node);
  }
  root.children = own;
  return root;
}
