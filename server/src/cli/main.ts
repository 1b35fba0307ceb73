import * as path from 'node:path';
import { ReportLanguageService } from '../service/languageService.js';
import { ProfileRegistry } from '../profiles/registry.js';
import { loadProfileFolders } from '../profiles/loadFolders.js';
import { collectFiles } from './collectFiles.js';
import { readReport, writeReportAtomically } from './readReport.js';
import { fileResult, type FileResult } from './report.js';
import { formatJson, formatSarif, formatText } from './formats.js';
import { fixAll } from '../fixes/fixAll.js';
import { VERSION } from '../version.js';
import { ImportUsageError, parseImportArgs, runImport } from './importCommand.js';

const USAGE = `Usage:
  inspection-report check [--format text|json|sarif] [--framework ID] [--profiles DIR]... [--fix] PATHS...
  inspection-report import [--framework ID] [--profiles DIR]... [--out FILE] INPUT
  inspection-report --help | --version

PATHS are files, folders (searched for **/*.report.md) or globs. Exit status: 0 no errors,
1 errors found, 2 usage error or unreadable input.`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

class UsageError extends Error {}

interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  framework?: string;
  profiles: string[];
  fix: boolean;
  paths: string[];
}

function parseCheckArgs(args: string[]): CheckOptions {
  const o: CheckOptions = { format: 'text', profiles: [], fix: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--fix') o.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
      o.format = f;
    } else if (a === '--framework' || a.startsWith('--framework=')) o.framework = value('--framework');
    else if (a === '--profiles' || a.startsWith('--profiles=')) o.profiles.push(value('--profiles'));
    else if (a === '--') o.paths.push(...args.slice(i + 1)), (i = args.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else o.paths.push(a);
  }
  if (o.paths.length === 0) throw new UsageError('no files, folders or globs to check');
  return o;
}

export function runCli(argv: string[], io: CliIO): number {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
    return check(parseCheckArgs(rest), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`inspection-report: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

function check(o: CheckOptions, io: CliIO): number {
  let failed = false;
  const loaded = loadProfileFolders(o.profiles, io.cwd);
  const registry = new ProfileRegistry(loaded.files);
  for (const p of [...loaded.problems, ...registry.problems]) {
    io.stderr(`inspection-report: ${p.file}: ${p.message}\n`);
    failed = true;
  }
  if (o.framework && !registry.get(o.framework)) {
    throw new UsageError(`unknown framework "${o.framework}" (known: ${registry.ids.join(', ')})`);
  }
  const service = new ReportLanguageService({ registry, settings: { frameworkOverride: o.framework } });
  const checkErrors: string[] = [];
  service.onCheckError = (id, error) => checkErrors.push(`check ${id} failed: ${error instanceof Error ? error.message : String(error)}`);

  const { files, errors } = collectFiles(o.paths, io.cwd);
  for (const e of errors) io.stderr(`inspection-report: ${e}\n`);
  if (errors.length) failed = true;

  const results: FileResult[] = [];
  for (const file of files) {
    const abs = path.resolve(io.cwd, file);
    let report;
    try {
      report = readReport(abs);
    } catch (e) {
      io.stderr(`inspection-report: ${file}: ${(e as Error).message}\n`);
      failed = true;
      continue;
    }
    checkErrors.length = 0;
    let text = report.text;
    const uri = `file://${abs}`;
    if (o.fix) {
      const fixed = fixAll(text, (t) => service.build(uri, -1, t));
      // Check the fixed text fully before writing it; a check that throws means "do not write".
      service.diagnostics({ uri, version: 1, getText: () => fixed.text });
      if (fixed.text !== text && checkErrors.length === 0) {
        try {
          writeReportAtomically(abs, report, fixed.text);
          text = fixed.text;
        } catch (e) {
          io.stderr(`inspection-report: ${file}: ${(e as Error).message}\n`);
          failed = true;
        }
      }
      service.forget(uri);
    }
    const doc = { uri, version: 0, getText: () => text };
    const diagnostics = service.diagnostics(doc);
    for (const m of checkErrors) io.stderr(`inspection-report: ${file}: ${m}\n`);
    results.push(fileResult(file, service.getModel(doc), diagnostics));
    service.forget(uri);
  }

  if (o.format === 'json') io.stdout(formatJson(results));
  else if (o.format === 'sarif') io.stdout(formatSarif(results, VERSION));
  else io.stdout(formatText(results));
  if (failed) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** Like runCli, with the commands that need to wait (import reads .docx and .pdf). */
export async function runCliAsync(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] !== 'import') return runCli(argv, io);
  try {
    return await runImport(parseImportArgs(argv.slice(1)), io);
  } catch (e) {
    if (e instanceof ImportUsageError) {
      io.stderr(`inspection-report: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

// Run when executed as the `inspection-report` command (the bundle's entry).
export function main(): void {
  void runCliAsync(process.argv.slice(2), {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
