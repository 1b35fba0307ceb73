import { parse as parseYaml } from 'yaml';
import type { FrontMatter, Span } from './types.js';

/** Read the YAML front matter block (`value` is the text between the fences). */
export function readFrontMatter(span: Span, value: string, valueStart: number): FrontMatter {
  const fm: FrontMatter = { span };
  let data: unknown;
  try {
    // prettyErrors off: the library's "pretty" messages (line, column and the line quoted)
    // cost 0.35 s on a 100 KB line, 7x the parse itself; the error's offset is enough.
    data = value.trim() === '' ? {} : parseYaml(value, { maxAliasCount: 10, prettyErrors: false });
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const offset = (e as { pos?: [number, number] }).pos?.[0];
    const at = valueStart + (typeof offset === 'number' ? Math.min(Math.max(0, offset), value.length) : 0);
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
