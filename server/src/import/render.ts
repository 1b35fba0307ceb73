import type { Block } from './types.js';

function escapeStart(text: string): string {
  // Text that Markdown would read as a list item, heading, quote or rule keeps its meaning.
  return text
    .replace(/^(\d{1,9})([.)])(\s)/, '$1\\$2$3')
    .replace(/^([-+*>#])(\s)/, '\\$1$2')
    .replace(/^(={3,}|-{3,})\s*$/, '\\$1');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').trim();
}

/** Report Markdown from blocks: front matter, then blocks separated by blank lines. */
export function render(blocks: Block[], frontMatter: Record<string, string>): string {
  const out: string[] = ['---', ...Object.entries(frontMatter).map(([k, v]) => `${k}: ${v}`), '---', ''];
  let listIndent = 0; // indentation for bullets that belong to the numbered paragraph before them
  let prev: Block | undefined;
  for (const b of blocks) {
    const tight = prev && b.kind === 'bullet' && prev.kind === 'bullet';
    if (!tight && prev) out.push('');
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level ?? 2)} ${b.text}`);
        listIndent = 0;
        break;
      case 'numbered': {
        const marker = `${b.number}. `;
        out.push(`${marker}${b.text}`);
        listIndent = marker.length;
        break;
      }
      case 'bullet':
        if (prev?.kind !== 'bullet' && prev?.kind !== 'numbered') listIndent = 0;
        out.push(`${' '.repeat(listIndent + b.depth * 2)}- ${b.text}`);
        break;
      case 'para':
        if (b.continues && listIndent > 0) {
          // A paragraph of the numbered paragraph before it: indented under its marker.
          out.push(' '.repeat(listIndent) + escapeStart(b.text));
          break;
        }
        out.push(escapeStart(b.text));
        listIndent = 0;
        break;
      case 'table': {
        const width = Math.max(2, ...b.rows.map((r) => r.length), b.header?.length ?? 0);
        const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
        const header = b.header ?? (b.grade ? ['Judgement', 'Grade'] : Array(width).fill(''));
        out.push(`| ${pad(header).map(cell).join(' | ')} |`);
        out.push(`|${' --- |'.repeat(width)}`);
        for (const r of b.rows) out.push(`| ${pad(r).map(cell).join(' | ')} |`);
        listIndent = 0;
        break;
      }
    }
    prev = b;
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
