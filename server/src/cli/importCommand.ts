import * as fs from 'node:fs';
import * as path from 'node:path';
import { importText } from '../import/importText.js';
import { readInput } from '../import/readInput.js';
import { ProfileRegistry } from '../profiles/registry.js';
import { loadProfileFolders } from '../profiles/loadFolders.js';
import type { CliIO } from './main.js';
import { optionValue } from './args.js';

export interface ImportArgs {
  framework?: string;
  out?: string;
  profiles: string[];
  input: string;
}

export class ImportUsageError extends Error {}

export function parseImportArgs(args: string[]): ImportArgs {
  const o: Partial<ImportArgs> & { profiles: string[] } = { profiles: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      const [v, last] = optionValue(args, i, name, (m) => new ImportUsageError(m));
      i = last;
      return v;
    };
    if (a === '--framework' || a.startsWith('--framework=')) o.framework = value('--framework');
    else if (a === '--out' || a === '-o' || a.startsWith('--out=')) o.out = value('--out');
    else if (a === '--profiles' || a.startsWith('--profiles=')) o.profiles.push(value('--profiles'));
    else if (a.startsWith('-') && a !== '-') throw new ImportUsageError(`unknown option ${a}`);
    else if (o.input) throw new ImportUsageError('import takes one INPUT file');
    else o.input = a;
  }
  if (!o.input) throw new ImportUsageError('no INPUT file to import');
  return o as ImportArgs;
}

/**
 * `inspection-report import [--framework ID] [--out FILE] INPUT`: Report Markdown on stdout
 * (or in FILE), and on stderr what was removed and anything to look at.
 * Exit 0 on success, 2 for usage errors or unreadable input.
 */
export async function runImport(args: ImportArgs, io: CliIO): Promise<number> {
  const loaded = loadProfileFolders(args.profiles, io.cwd);
  const registry = new ProfileRegistry(loaded.files);
  for (const p of [...loaded.problems, ...registry.problems]) io.stderr(`inspection-report: ${p.file}: ${p.message}\n`);
  if (args.framework && !registry.get(args.framework)) {
    throw new ImportUsageError(`unknown framework "${args.framework}" (known: ${registry.ids.join(', ')})`);
  }
  const file = args.input === '-' ? '/dev/stdin' : path.resolve(io.cwd, args.input);
  let input;
  try {
    input = await readInput(file);
  } catch (e) {
    io.stderr(`inspection-report: ${args.input}: ${(e as Error).message}\n`);
    return 2;
  }
  const result = importText(input.text, { framework: args.framework, registry });
  if (args.out) {
    const out = path.resolve(io.cwd, args.out);
    try {
      fs.writeFileSync(out, result.markdown);
    } catch (e) {
      io.stderr(`inspection-report: ${args.out}: ${(e as Error).message}\n`);
      return 2;
    }
  } else io.stdout(result.markdown);
  io.stderr(importReport(args.input, input.via, result));
  return 0;
}

/** What import removed and why, for the author to check (printed on stderr). */
export function importReport(
  name: string,
  via: string,
  result: ReturnType<typeof importText>,
): string {
  const lines = [
    `${name}: imported (${via}); framework ${result.framework} (${result.frameworkSource === 'option' ? '--framework' : result.frameworkSource})`,
  ];
  const kinds = new Map<string, number>();
  for (const r of result.removed) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  if (result.removed.length) {
    lines.push(`removed ${result.removed.length} line(s): ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`);
    for (const r of result.removed) lines.push(`  line ${r.line} ${r.kind}: ${r.text}`);
  } else lines.push('removed nothing');
  for (const w of result.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n') + '\n';
}
