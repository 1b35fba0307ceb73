import type { ReportModel, Span } from '../../model/types.js';
import type { ProfileRegistry } from '../../profiles/registry.js';
import { stripHtmlComments } from '../../text/normalise.js';

export interface DocumentInfo {
  framework: { id: string; title: string; source: string };
  paragraphs: number;
  sections: number;
  /** Judgement sections with their area, for clients that have no judgements request. */
  judgementSections: { title: string; area?: string; areaName?: string; span: Span }[];
  /** Every framework the server knows (built-in and workspace profiles), for pickers. */
  frameworks: { id: string; title: string }[];
}

export function documentInfo(model: ReportModel, registry: ProfileRegistry): DocumentInfo {
  const profile = model.framework.profile;
  return {
    framework: { id: profile.id, title: profile.title, source: model.framework.source },
    paragraphs: model.paragraphs.length,
    sections: model.sections.length,
    judgementSections: model.sections
      .filter((s) => s.role === 'judgement')
      .map((s) => ({
        title: stripHtmlComments(s.title).replace(/[*_]+/g, '').trim(),
        area: s.area,
        areaName: profile.judgements.find((a) => a.id === s.area)?.name,
        span: s.headingSpan,
      })),
    frameworks: registry.all.map((p) => ({ id: p.id, title: p.title })),
  };
}
