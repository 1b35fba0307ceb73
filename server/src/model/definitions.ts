import type { Nodes, Root, RootContent } from 'mdast';
import type { BlockFacts } from './blocks.js';
import { parseMarkdown } from './parse.js';

/*
 * Link reference and footnote definitions resolve references anywhere in a document: `[x]`
 * or `[^1]` in one paragraph is a reference only if `[x]: …` or `[^1]: …` is defined
 * somewhere, before or after it. A slice parsed alone would not know the definitions outside
 * it, so a slice of a document that has any is parsed with the document's labels appended
 * as definitions of their own (after a blank line, so nothing in the slice runs on into them),
 * and what the appended text parsed into is dropped. A slice without `[` holds no reference
 * (both kinds open with one) and is parsed as it is.
 *
 * Only which labels are defined matters (the model reads no URL and no footnote text from
 * another unit), so the set is kept from version to version as long as no edit touches a
 * unit that holds a definition and no slice parsed again holds one: otherwise the document
 * is parsed whole.
 */

export interface Definitions {
  /** The units holding definitions (kept units stay the same objects from version to version). */
  units: ReadonlySet<BlockFacts>;
  /** Every label defined, as definitions to append to a slice. */
  text: string;
}

/** Does a top-level node hold a definition (at top level or inside a list or quote)? */
export function holdsDefinitions(node: Nodes): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
  if (node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
    return (node.children as Nodes[]).some(holdsDefinitions);
  }
  return false;
}

/** Appends the labels `node` defines to `out`, as definitions written out (see above). */
export function collectDefinitions(node: Nodes, out: string[]): void {
  if (node.type === 'definition') out.push(`[${node.label ?? node.identifier}]: #\n\n`);
  else if (node.type === 'footnoteDefinition') out.push(`[^${node.label ?? node.identifier}]: x\n\n`);
  else if (node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
    for (const child of node.children as Nodes[]) collectDefinitions(child, out);
  }
}

/**
 * remark's parse of `slice` as part of a document with these definitions: the slice's own
 * nodes, positions as in the slice. Undefined when a node of the slice ran on into the
 * appended definitions (an unclosed fence or HTML block at the end of the document).
 */
export function parseWithDefinitions(slice: string, definitions: Definitions | undefined): Root | undefined {
  if (!definitions || slice.indexOf('[') < 0) return parseMarkdown(slice, 'auto');
  const root = parseMarkdown(`${slice}\n\n${definitions.text}`, 'auto');
  const own: RootContent[] = [];
  for (const node of root.children) {
    if ((node.position?.start.offset ?? 0) >= slice.length) break;
    if ((node.position?.end.offset ?? 0) > slice.length) return undefined;
    own.push(node);
  }
  root.children = own;
  return root;
}
