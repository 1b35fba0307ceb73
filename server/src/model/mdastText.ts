import type { Nodes } from 'mdast';

/** Plain text of an mdast node (like mdast-util-to-string, without HTML or images). */
export function plainText(node: Nodes, limit = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (n: Nodes): void => {
    if (length >= limit) return;
    if (n.type === 'text' || n.type === 'inlineCode') {
      parts.push(n.value);
      length += n.value.length;
      return;
    }
    if (n.type === 'break') {
      parts.push(' ');
      return;
    }
    if ('children' in n) {
      for (const child of n.children as Nodes[]) {
        visit(child);
        if (n.type === 'paragraph' || n.type === 'heading') continue;
        if (n.type === 'list' || n.type === 'listItem' || n.type === 'root') parts.push(' ');
      }
    }
  };
  visit(node);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return text.length > limit ? text.slice(0, limit) : text;
}
