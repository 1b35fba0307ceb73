import type { Check } from '../types.js';
import { areaName } from './describe.js';

/** judgement/unknown-grade: a grade word that is not on the profile's scale. */
export const unknownGradeCheck: Check = {
  id: 'judgement-unknown-grade',
  codes: { 'judgement/unknown-grade': 'error' },
  run(model) {
    const profile = model.framework.profile;
    const scale = profile.grades.map((g) => g.label).join(', ');
    return model.unknownGrades.map((u) => ({
      code: 'judgement/unknown-grade',
      span: u.span,
      message: `"${u.text}" is not a grade under ${profile.title}${u.area ? ` (for ${areaName(model, u.area)})` : ''}: the scale is ${scale}.`,
    }));
  },
  fixes(model, diagnostic) {
    return model.framework.profile.grades.map((g) => ({
      title: `Change to ${g.label}`,
      edits: [{ span: diagnostic.span, newText: /^[a-z]/.test(model.text.slice(diagnostic.span.start, diagnostic.span.start + 1)) ? g.label.toLowerCase() : g.label }],
    }));
  },
};
