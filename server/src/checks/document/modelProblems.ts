import type { Check } from '../types.js';

/**
 * Problems found while reading the document itself: front matter that is not YAML or not a
 * mapping, an unknown framework id (fix: each known id).
 */
export const modelProblemsCheck: Check = {
  id: 'document',
  codes: { 'frontmatter/invalid': 'error', 'framework/unknown': 'error', 'document/too-complex': 'warning' },
  run(model) {
    return model.problems.map((p) => ({ code: p.code, span: p.span, message: p.message, data: p.data as Record<string, unknown> }));
  },
  fixes(model, diagnostic) {
    if (diagnostic.code !== 'framework/unknown' || !model.frontMatter?.frameworkSpan) return [];
    const known = (diagnostic.data?.known as string[] | undefined) ?? [];
    return known.map((id) => ({
      title: `Use framework ${id}`,
      edits: [{ span: model.frontMatter!.frameworkSpan!, newText: id }],
    }));
  },
};
