import type { ReportModel, Span } from '../../model/types.js';

/** One recommendation (area for improvement or priority action) of a report. */
export interface Recommendation {
  /** Paragraph number as written. */
  number: number;
  /** "improvements" or "priority-action". */
  kind: 'improvements' | 'priority-action';
  /** Judgement area id, when a heading above it names one. */
  area?: string;
  /** Area name, or else the part or section of the report it sits in. */
  areaName: string;
  /** The heading directly above it (e.g. "Within three months"). */
  heading: string;
  /** The paragraph's text exactly as written, without its number. */
  text: string;
  span: Span;
}

function cleanTitle(title: string): string {
  return title.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '').replace(/[*_]+/g, '').replace(/[:.]\s*$/, '').trim();
}

/**
 * Every numbered paragraph in a section of role "improvements" or "priority-action" (or
 * below one), in order. The area is the nearest heading above that names an area, else
 * the nearest enclosing heading that is neither the recommendations heading nor the title.
 */
export function recommendations(model: ReportModel): Recommendation[] {
  const out: Recommendation[] = [];
  const ancestors = (s: number): number[] => {
    const chain: number[] = [];
    for (let i = s; i >= 0; i = model.sections[i].parent) chain.push(i);
    return chain;
  };
  for (const p of model.paragraphs) {
    if (p.section < 0) continue;
    const chain = ancestors(p.section);
    const roleAt = chain.find((i) => model.sections[i].role === 'improvements' || model.sections[i].role === 'priority-action');
    if (roleAt === undefined) continue;
    const role = model.sections[roleAt].role as Recommendation['kind'];
    const withArea = chain.find((i) => model.sections[i].area);
    const areaDef = withArea !== undefined ? model.framework.profile.judgements.find((a) => a.id === model.sections[withArea].area) : undefined;
    const above = chain.filter((i) => i !== roleAt && !chain.slice(chain.indexOf(roleAt)).includes(i) === false);
    void above;
    const outer = chain.slice(chain.indexOf(roleAt) + 1).find((i) => model.sections[i].level > 1);
    const areaName = areaDef?.name ?? (outer !== undefined ? cleanTitle(model.sections[outer].title) : '');
    out.push({
      number: p.number,
      kind: role,
      area: areaDef?.id,
      areaName,
      heading: cleanTitle(model.sections[p.section].title),
      text: model.text.slice(p.textStart, p.span.end).trim(),
      span: p.span,
    });
  }
  return out;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const mdCell = (s: string) => s.replace(/\r?\n\s*/g, ' ').replace(/\|/g, '\\|');

/**
 * An action plan table, one row per recommendation: number, area, heading, verbatim text,
 * plus empty columns councils fill in (action, owner, by when). CSV follows RFC 4180
 * (CRLF line ends, quotes doubled).
 */
export function formatActionPlan(items: Recommendation[], format: 'markdown' | 'csv'): string {
  const header = ['Paragraph', 'Area', 'Heading', 'Recommendation', 'Action', 'Owner', 'By when'];
  const rows = items.map((r) => [String(r.number), r.areaName, r.heading, r.text, '', '', '']);
  if (format === 'csv') return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}
