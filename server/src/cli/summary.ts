import type { FileResult } from './report.js';

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/** `check --summary`: reports, paragraphs, statements, and diagnostics by code and severity. */
export function formatSummary(results: FileResult[]): string {
  const paragraphs = results.reduce((n, r) => n + r.paragraphs.length, 0);
  const statements = results.reduce((n, r) => n + r.judgements.length, 0);
  const byFramework = new Map<string, number>();
  for (const r of results) byFramework.set(r.framework, (byFramework.get(r.framework) ?? 0) + 1);
  const byCode = new Map<string, Record<string, number>>();
  const filesWith = new Map<string, Set<string>>();
  for (const r of results) {
    for (const d of r.diagnostics) {
      const row = byCode.get(d.code) ?? {};
      row[d.severity] = (row[d.severity] ?? 0) + 1;
      byCode.set(d.code, row);
      const f = filesWith.get(d.code) ?? new Set();
      f.add(r.file);
      filesWith.set(d.code, f);
    }
  }
  const lines = [
    `reports     ${results.length}`,
    `frameworks  ${[...byFramework].sort().map(([id, n]) => `${id} ${n}`).join(', ') || '-'}`,
    `paragraphs  ${paragraphs}`,
    `statements  ${statements}`,
    `clean       ${results.filter((r) => r.diagnostics.length === 0).length} (no diagnostics)`,
    '',
  ];
  const codes = [...byCode.keys()].sort();
  const header = ['code', ...SEVERITIES, 'reports'];
  const rows = codes.map((c) => [c, ...SEVERITIES.map((s) => String(byCode.get(c)![s] ?? 0)), String(filesWith.get(c)!.size)]);
  const total = ['total', ...SEVERITIES.map((s) => String(codes.reduce((n, c) => n + (byCode.get(c)![s] ?? 0), 0))), String(results.filter((r) => r.diagnostics.length).length)];
  const table = [header, ...rows, total];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) lines.push(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd());
  return lines.join('\n') + '\n';
}
