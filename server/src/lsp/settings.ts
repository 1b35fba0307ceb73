import type { SeveritySetting } from '../checks/types.js';

/** The `inspectionReport.*` settings, as the server reads them. Missing values are defaults. */
export interface ServerSettings {
  framework?: string;
  profileFolders: string[];
  severity: Record<string, SeveritySetting>;
  diagnosticsDelay: number;
  citationStyle: 'visible' | 'comment';
}

export const DEFAULT_SETTINGS: ServerSettings = {
  profileFolders: [],
  severity: {},
  diagnosticsDelay: 200,
  citationStyle: 'visible',
};

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Read settings from whatever a client sends: an `inspectionReport` object, its fields at
 * the top level, `{}` or null (eglot sends `{}`: that means defaults, not "everything off").
 */
export function readSettings(raw: unknown): ServerSettings {
  const outer = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s = (outer.inspectionReport && typeof outer.inspectionReport === 'object' ? outer.inspectionReport : outer) as Record<string, unknown>;
  const out: ServerSettings = { ...DEFAULT_SETTINGS, severity: {}, profileFolders: [] };
  if (typeof s.framework === 'string' && s.framework.trim()) out.framework = s.framework.trim();
  if (Array.isArray(s.profileFolders)) out.profileFolders = s.profileFolders.filter((f): f is string => typeof f === 'string');
  if (s.severity && typeof s.severity === 'object') {
    for (const [code, level] of Object.entries(s.severity as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) out.severity[code] = level as SeveritySetting;
    }
  }
  if (typeof s.diagnosticsDelay === 'number' && Number.isFinite(s.diagnosticsDelay) && s.diagnosticsDelay >= 0) {
    out.diagnosticsDelay = Math.min(s.diagnosticsDelay, 10_000);
  }
  if (s.citationStyle === 'comment' || s.citationStyle === 'visible') out.citationStyle = s.citationStyle;
  return out;
}
