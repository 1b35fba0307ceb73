import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HARINGEY = path.join(ROOT, 'test', 'fixtures', 'corpus', 'haringey-2014.report.md');

const BODY_START = '### Inspection judgements about the local authority';
const BODY_END = '### What the inspection judgements mean: the local authority';
const NUMBER = /^(\d+)([.)] )/gm;

/**
 * The Haringey 2014 report at `scale` times its size: the judgement body (numbered
 * paragraphs 43 onwards, headings and all) repeated until the report is `scale` times as long,
 * every paragraph number after the first copy continued (so numbering stays valid), and one
 * cross-reference per copy to a paragraph of that copy (so renumbering has references to move).
 */
export function scaledReport(scale: number, base = fs.readFileSync(HARINGEY, 'utf8')): string {
  if (scale <= 1) return base;
  const a = base.indexOf(BODY_START);
  const b = base.indexOf(BODY_END);
  const head = base.slice(0, a);
  const body = base.slice(a, b);
  const tail = base.slice(b);
  const count = [...body.matchAll(NUMBER)].length;
  const copies = Math.max(1, Math.round((scale * base.length - head.length - tail.length) / body.length));
  const parts = [head, body];
  for (let c = 1; c < copies; c++) {
    const shift = c * count;
    let first = true;
    parts.push(
      body.replace(NUMBER, (_m, n: string, rest: string) => {
        const number = Number(n) + shift;
        if (first) {
          first = false;
          return `${number}${rest}(As in paragraph ${number + 1}.) `;
        }
        return `${number}${rest}`;
      }),
    );
  }
  const extra = (copies - 1) * count;
  parts.push(tail.replace(NUMBER, (_m, n: string, rest: string) => `${Number(n) + extra}${rest}`));
  return parts.join('');
}

/** Count of numbered paragraphs written at the start of a line. */
export function paragraphCount(text: string): number {
  return [...text.matchAll(NUMBER)].length;
}
