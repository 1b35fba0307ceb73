import type { TracedImprovement } from '../../trace/trace.js';

/** "area for improvement 27" or "this recommendation" (bullets have no number). */
export function improvementLabel(imp: TracedImprovement): string {
  const what = imp.kind === 'priority-action' ? 'priority action' : 'area for improvement';
  return imp.number !== undefined ? `${what} ${imp.number}` : `this ${what}`;
}
