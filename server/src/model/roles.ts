import type { ReportModel } from './types.js';

/** A section's role, or the nearest ancestor's when its own heading says nothing. */
export function effectiveRole(model: ReportModel, section: number): string {
  for (let s = section; s >= 0; s = model.sections[s].parent) {
    if (model.sections[s].role !== 'other') return model.sections[s].role;
  }
  return 'other';
}
