import type { ReportModel, Span } from '../model/types.js';
import { gradesByArea } from '../model/gradeSummary.js';

export interface HoverResult {
  /** Markdown; every piece of report or profile text in it is escaped. */
  markdown: string;
  span: Span;
}

/** Escape text for a Markdown hover: no link, HTML or emphasis from the report gets through. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`);
}

/**
 * Hover on a grade: the profile's description of that grade and every other place the
 * report states the area's grade. Hover on the first heading: the framework and how it was
 * chosen.
 */
export function hover(model: ReportModel, offset: number): HoverResult | undefined {
  const profile = model.framework.profile;
  const statement = model.judgements.find((j) => j.gradeSpan.start <= offset && offset <= j.gradeSpan.end);
  if (statement) {
    const grade = profile.grades.find((g) => g.id === statement.grade);
    const area = profile.judgements.find((a) => a.id === statement.area);
    const entry = gradesByArea(model).get(statement.area);
    const lines = [`**${escapeMarkdown(area?.name ?? statement.area)}: ${escapeMarkdown(grade?.label ?? statement.grade)}**`];
    if (grade?.description) lines.push('', escapeMarkdown(grade.description));
    const others = entry?.statements.filter((s) => s !== statement) ?? [];
    if (others.length) {
      lines.push('', 'Also stated:');
      for (const o of others) {
        const g = profile.grades.find((x) => x.id === o.grade)?.label ?? o.grade;
        const mark = o.grade === statement.grade ? '' : ' ⚠';
        lines.push(`- line ${model.lines.lineAt(o.span.start) + 1} (${o.summary ? 'summary' : o.kind}): ${escapeMarkdown(g)}${mark}`);
      }
    }
    return { markdown: lines.join('\n'), span: statement.gradeSpan };
  }
  const first = model.sections[0];
  if (first && first.headingSpan.start <= offset && offset <= first.headingSpan.end) {
    const how = {
      'front-matter': 'named in the front matter',
      setting: 'set by the inspectionReport.framework setting',
      detected: `detected from the text (${(model.framework.evidence ?? []).slice(0, 5).map(escapeMarkdown).join(', ')})`,
      default: 'the default: nothing in the text pointed to a framework',
    }[model.framework.source];
    return {
      markdown: `Framework: **${escapeMarkdown(profile.title)}** (\`${profile.id}\`), ${how}.\n\n${model.paragraphs.length} numbered paragraphs; ${model.judgements.length} grade statements.`,
      span: first.headingSpan,
    };
  }
  return undefined;
}
