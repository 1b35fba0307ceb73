import type { FileResult } from './report.js';
import { DEFAULT_SEVERITIES } from '../checks/registry.js';

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.frameworkSource !== 'front-matter') {
      lines.push(`${r.file}: framework ${r.framework} (${r.frameworkSource === 'detected' ? 'detected from the text' : r.frameworkSource})`);
    }
    for (const d of r.diagnostics) lines.push(`${r.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  }
  const count = (s: string) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  lines.push(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${count('error')} errors, ${count('warning')} warnings, ${count('information')} notes`);
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify({ files: results }, null, 2) + '\n';
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, as code-scanning UIs read it. */
export function formatSarif(results: FileResult[], version: string): string {
  const codes = Object.keys(DEFAULT_SEVERITIES).sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'inspection-report',
            version,
            informationUri: 'https://www.npmjs.com/package/inspection-report',
            rules: codes.map((id) => ({
              id,
              shortDescription: { text: id },
              helpUri: `docs/diagnostics.md#${id.replace(/\//g, '')}`,
              defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITIES[id]] ?? 'none' },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: codes.indexOf(d.code),
            level: SARIF_LEVEL[d.severity] ?? 'note',
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.split('\\').join('/') },
                  region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
