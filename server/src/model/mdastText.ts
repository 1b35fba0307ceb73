import type { Nodes } from 'mdast';
import { detach } from '../text/detach.js';

/**
 * Plain text of an mdast node (like mdast-util-to-string, without HTML or images). A string of
 * its own, not a slice of the document (it lives on in unit facts: see text/detach.ts).
 */
export function plainText(node: Nodes, limit = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  // An explicit stack, not recursion: a tree thousands deep must not overflow the call stack.
  const stack: (Nodes | string)[] = [node];
  while (stack.length && length < limit) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      parts.push(n);
      continue;
    }
    if (n.type === 'text' || n.type === 'inlineCode') {
      parts.push(n.value);
      length += n.value.length;
      continue;
    }
    if (n.type === 'break') {
      parts.push(' ');
      continue;
    }
    if ('children' in n) {
      const spaced = n.type === 'list' || n.type === 'listItem' || n.type === 'root';
      const children = n.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) {
        if (spaced) stack.push(' ');
        stack.push(children[i]);
      }
    }
  }
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return detach(text.length > limit ? text.slice(0, limit) : text);
}
