import type { Line } from './types.js';

const FRONT_FIELD = /^(?:inspection dates?|lead inspector|reporting inspector|report published|published|age group|judgement\s+grade)\b/i;

/**
 * The report's title: its first lines, up to the first front-page field ("Inspection dates: …")
 * or blank line. Returns the title and how many lines (from `start`) it takes.
 */
export function findTitle(lines: Line[]): { text: string; start: number; count: number } | undefined {
  const start = lines.findIndex((l) => l.t);
  if (start < 0 || /^#/.test(lines[start].t) || /\t/.test(lines[start].raw) || /^(?:[-*•]\s|\d{1,3}[.)]\s)/.test(lines[start].t)) return undefined;
  let count = 0;
  const parts: string[] = [];
  for (let i = start; i < lines.length && lines[i].t && !FRONT_FIELD.test(lines[i].t); i++) {
    parts.push(lines[i].t);
    count++;
    if (count > 4) break;
  }
  if (count === 0) return undefined;
  if (count > 4 || parts.join(' ').length > 160) {
    if (lines[start].t.length > 80 || /[.]$/.test(lines[start].t)) return undefined;
    return { text: lines[start].t, start, count: 1 };
  }
  const text = parts.join(' ').replace(/\s+/g, ' ');
  if (/[.]$/.test(text)) return undefined;
  return { text, start, count };
}
