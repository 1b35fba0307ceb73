import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

/** One processor for the process: building it costs more than a small parse. */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parse Report Markdown to mdast. Positions are offsets into `text` (UTF-16 units). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
