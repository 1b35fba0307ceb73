import type { ReportModel, Span } from '../../model/types.js';
import { traceOf } from '../../trace/trace.js';
import { supportingLinks } from '../../trace/navigation.js';
import { stripHtmlComments } from '../../text/normalise.js';

/** One recommendation (area for improvement or priority action) of a report. */
export interface Recommendation {
  /** Paragraph number as written (for a bullet: the numbered paragraph it follows). */
  number: number;
  /** For a bulleted recommendation (SLAC reports list them under "Within three months"): its place, 1-based, under `number`. */
  item?: number;
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
  /** The findings it rests on (traceability: cited, or inferred above the threshold), best first. */
  findings: { number: number; span: Span }[];
}

function cleanTitle(title: string): string {
  return stripHtmlComments(title).replace(/<[^<>]+>/g, '').replace(/[*_]+/g, '').replace(/[:.]\s*$/, '').trim();
}

/**
 * Every numbered paragraph (and bullet) in a section of role "improvements" or
 * "priority-action" (or below one), in order. The area is the nearest heading above that
 * names an area; else the area of the findings it rests on (traceability); else the nearest
 * enclosing heading that is neither the recommendations heading nor the title.
 */
export function recommendations(model: ReportModel): Recommendation[] {
  const out: Recommendation[] = [];
  const ancestors = (s: number): number[] => {
    const chain: number[] = [];
    for (let i = s; i >= 0; i = model.sections[i].parent) chain.push(i);
    return chain;
  };
  const place = (section: number) => {
    if (section < 0) return undefined;
    const chain = ancestors(section);
    // The outermost recommendations heading ("Areas for improvement" over "Within three months").
    const roleAt = [...chain].reverse().find((i) => model.sections[i].role === 'improvements' || model.sections[i].role === 'priority-action');
    if (roleAt === undefined) return undefined;
    const withArea = chain.find((i) => model.sections[i].area);
    const areaDef = withArea !== undefined ? model.framework.profile.judgements.find((a) => a.id === model.sections[withArea].area) : undefined;
    const outer = chain.slice(chain.indexOf(roleAt) + 1).find((i) => model.sections[i].level > 1);
    return {
      kind: model.sections[chain.find((i) => model.sections[i].role === 'improvements' || model.sections[i].role === 'priority-action')!].role as Recommendation['kind'],
      area: areaDef?.id,
      areaName: areaDef?.name ?? (outer !== undefined ? cleanTitle(model.sections[outer].title) : ''),
      heading: cleanTitle(model.sections[section].title),
    };
  };
  const entries: { at: number; make: () => Recommendation | undefined }[] = [];
  for (const p of model.paragraphs) {
    entries.push({
      at: p.span.start,
      make: () => {
        const where = place(p.section);
        return where && { number: p.number, ...where, text: model.text.slice(p.textStart, p.span.end).trim(), span: p.span, findings: [] };
      },
    });
  }
  // Bulleted recommendations: prose blocks that are bullet items in such a section.
  for (const b of model.prose) {
    const line = model.lines.lineAt(b.span.start);
    const lineStart = model.lines.lineStarts[line];
    const marker = /^[ ]{0,3}[-*+][ \t]+/.exec(model.text.slice(lineStart, b.span.end));
    if (!marker || lineStart + marker[0].length > b.span.start + 2) continue;
    const textStart = Math.max(b.span.start, lineStart + marker[0].length);
    entries.push({
      at: b.span.start,
      make: () => {
        const where = place(b.section);
        return where && { number: 0, ...where, text: model.text.slice(textStart, b.span.end).trim(), span: b.span, findings: [] };
      },
    });
  }
  entries.sort((a, b) => a.at - b.at);
  let lastNumber = 0;
  let item = 0;
  for (const e of entries) {
    const r = e.make();
    if (!r) continue;
    if (r.number === 0) {
      r.number = lastNumber;
      r.item = ++item;
    } else {
      lastNumber = r.number;
      item = 0;
    }
    out.push(r);
  }
  // Traceability: the area of the findings an improvement rests on, where no heading names one.
  const trace = traceOf(model);
  for (const r of out) {
    const imp = trace.improvements.find((i) => i.span.start < r.span.end && r.span.start < i.span.end);
    if (!imp) continue;
    const links = supportingLinks(imp).sort((a, b) => Number(b.explicit) - Number(a.explicit) || b.score - a.score);
    r.findings = links.map((l) => ({ number: l.number, span: model.paragraphs[l.paragraph].span }));
    if (!r.area) {
      const best = links[0] && trace.findings.find((f) => f.paragraph === links[0].paragraph);
      const id = imp.area ?? best?.area;
      const def = id ? model.framework.profile.judgements.find((a) => a.id === id) : undefined;
      if (def) {
        const profile = model.framework.profile;
        // SLAC grades "Overall effectiveness" once per part: name the part where the name is shared.
        const shared = profile.judgements.some((o) => o !== def && o.name === def.name);
        const part = def.part ? profile.parts?.find((x) => x.id === def.part)?.name : undefined;
        r.area = def.id;
        r.areaName = shared && part ? `${def.name} (${part})` : def.name;
      }
    }
  }
  return out;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const mdCell = (s: string) => s.replace(/\r?\n\s*/g, ' ').replace(/\|/g, '\\|');

/**
 * An action plan table, one row per recommendation: number, area, heading, verbatim text, the
 * paragraphs of the findings it rests on, plus empty columns councils fill in (action, owner,
 * by when). CSV follows RFC 4180
 * (CRLF line ends, quotes doubled).
 */
export function formatActionPlan(items: Recommendation[], format: 'markdown' | 'csv'): string {
  const header = ['Paragraph', 'Area', 'Heading', 'Recommendation', 'Findings', 'Action', 'Owner', 'By when'];
  const rows = items.map((r) => [r.item ? `${r.number}.${r.item}` : String(r.number), r.areaName, r.heading, r.text, r.findings.map((f) => f.number).join(', '), '', '', '']);
  if (format === 'csv') return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}
