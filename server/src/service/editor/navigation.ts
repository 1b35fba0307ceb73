import type { ReportModel, Span } from '../../model/types.js';
import { stripHtmlComments } from '../../text/normalise.js';

export interface WorkspaceSymbolHit {
  uri: string;
  name: string;
  kind: 'paragraph' | 'judgement' | 'section';
  /** "file.report.md › Section title": where the symbol sits. */
  containerName: string;
  span: Span;
  model: ReportModel;
}

const MAX = 500;

function firstWords(text: string, n = 8): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, n).join(' ') + (words.length > n ? '…' : '');
}

function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function cleanTitle(title: string): string {
  return stripHtmlComments(title).replace(/<[^<>]+>/g, '').replace(/[*_]+/g, '').trim() || '(untitled)';
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Workspace symbols over the given (open) reports. `#27` or `27` finds paragraph 27 in
 * each report; words find sections whose heading contains them, and judgement sections whose
 * area (name, aliases or id in the report's framework) contains them. An empty query lists
 * every judgement section.
 */
export function workspaceSymbols(models: ReportModel[], query: string): WorkspaceSymbolHit[] {
  const q = query.trim().replace(/^#\s*/, '');
  const out: WorkspaceSymbolHit[] = [];
  const container = (m: ReportModel, section: number) =>
    section >= 0 ? `${fileName(m.uri)} › ${cleanTitle(m.sections[section].title)}` : fileName(m.uri);
  if (/^\d+$/.test(q)) {
    const n = Number(q);
    for (const m of models) {
      for (const p of m.paragraphs) {
        if (p.number !== n) continue;
        out.push({ uri: m.uri, model: m, name: `${p.number}. ${firstWords(p.text)}`, kind: 'paragraph', containerName: container(m, p.section), span: p.span });
      }
    }
    return out.slice(0, MAX);
  }
  const words = norm(q);
  for (const m of models) {
    m.sections.forEach((s, i) => {
      const title = cleanTitle(s.title);
      const area = s.area ? m.framework.profile.judgements.find((a) => a.id === s.area) : undefined;
      const judgement = s.role === 'judgement';
      let match: boolean;
      if (!words) match = judgement;
      else {
        const haystacks = [title, ...(area ? [area.name, area.id, ...(area.aliases ?? [])] : [])].map(norm);
        match = haystacks.some((h) => h.includes(words));
      }
      if (!match) return;
      out.push({
        uri: m.uri,
        model: m,
        // The area's name is part of the label so that the editor's own fuzzy filter keeps it.
        name: area && !norm(title).includes(norm(area.name)) ? `${title} (${area.name})` : title,
        kind: judgement ? 'judgement' : 'section',
        containerName: container(m, s.parent),
        span: s.headingSpan,
      });
    });
  }
  return out.slice(0, MAX);
}
