import { parse as parseYaml } from 'yaml';
import type { FrontMatter, Span } from './types.js';

/** Read the YAML front matter block (`value` is the text between the fences). */
export function readFrontMatter(span: Span, value: string, valueStart: number): FrontMatter {
  const fm: FrontMatter = { span };
  let data: unknown;
  try {
    data = value.trim() === '' ? {} : parseYaml(value, { maxAliasCount: 10 });
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    let at = valueStart;
    if (pos) {
      const lines = value.split('\n');
      for (let i = 0; i < pos.line - 1 && i < lines.length; i++) at += lines[i].length + 1;
      at += Math.max(0, pos.col - 1);
    }
    fm.error = { message: `Front matter is not valid YAML: ${message}`, span: { start: at, end: Math.min(at + 1, span.end) } };
    return fm;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    fm.error = { message: 'Front matter must be a mapping of keys to values (framework:, authority:, inspected:, published:).', span };
    return fm;
  }
  fm.data = data as Record<string, unknown>;
  const framework = fm.data.framework;
  if (framework !== undefined) {
    fm.framework = String(framework);
    // Greedy, then trailing blanks trimmed by hand: a lazy value followed by [ \t]*$ was
    // quadratic on a value followed by a long run of spaces.
    const line = /^framework[ \t]*:[ \t]*["']?([^"'\r\n#]*)/m.exec(value);
    if (line) {
      let length = line[1].length;
      while (length > 0 && (line[1][length - 1] === ' ' || line[1][length - 1] === '\t')) length--;
      const at = valueStart + line.index + line[0].length - line[1].length;
      fm.frameworkSpan = { start: at, end: at + length };
    }
  }
  return fm;
}
