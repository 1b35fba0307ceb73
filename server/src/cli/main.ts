import { ProfileRegistry } from '../profiles/registry.js';
import { loadProfileFolders } from '../profiles/loadFolders.js';
import { collectFiles } from './collectFiles.js';
import type { FileResult } from './report.js';
import { formatJson, formatSarif, formatText } from './formats.js';
import { VERSION } from '../version.js';
import { ImportUsageError, parseImportArgs, runImport } from './importCommand.js';
import { checkOneFile, makeService, type FileOutcome } from './checkFile.js';
import { checkInWorkers, defaultJobs, workerScript, PARALLEL_MIN_FILES, runWorkerIfAsked } from './parallel.js';
import { formatSummary } from './summary.js';
import { optionValue } from './args.js';

const USAGE = `Usage:
  inspection-report check [--format text|json|sarif] [--framework ID] [--profiles DIR]... [--fix]
                          [--summary] [--jobs N] PATHS...
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

export interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  framework?: string;
  profiles: string[];
  fix: boolean;
  paths: string[];
  /** Print a table of counts instead of one line per diagnostic. */
  summary?: boolean;
  /** Worker threads for many files (default: one per core). */
  jobs?: number;
}

function parseCheckArgs(args: string[]): CheckOptions {
  const o: CheckOptions = { format: 'text', profiles: [], fix: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      const [v, last] = optionValue(args, i, name, (m) => new UsageError(m));
      i = last;
      return v;
    };
    if (a === '--fix') o.fix = true;
    else if (a === '--summary') o.summary = true;
    else if (a === '--jobs' || a === '-j' || a.startsWith('--jobs=')) {
      const n = Number(value('--jobs'));
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs needs a whole number of 1 or more');
      o.jobs = n;
    }
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
  const setup = setUpCheck(o, io);
  const outcomes = setup.files.map((file) => checkOneFile(file, o, setup.service, io.cwd, setup.checkErrors));
  return finishCheck(o, io, setup.failed, outcomes);
}

/** `check` over many files: the same output as `check`, computed in worker threads. */
async function checkParallel(o: CheckOptions, io: CliIO): Promise<number> {
  const setup = setUpCheck(o, io);
  const script = workerScript();
  const jobs = Math.min(o.jobs ?? defaultJobs(), setup.files.length);
  if (!script || jobs < 2 || setup.files.length < PARALLEL_MIN_FILES) {
    const outcomes = setup.files.map((file) => checkOneFile(file, o, setup.service, io.cwd, setup.checkErrors));
    return finishCheck(o, io, setup.failed, outcomes);
  }
  const outcomes = await checkInWorkers(script, setup.files, { options: o, cwd: io.cwd }, jobs);
  return finishCheck(o, io, setup.failed, outcomes);
}

function setUpCheck(o: CheckOptions, io: CliIO) {
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
  const { service, checkErrors } = makeService(o, registry);
  const { files, errors } = collectFiles(o.paths, io.cwd);
  for (const e of errors) io.stderr(`inspection-report: ${e}\n`);
  if (errors.length) failed = true;
  return { service, checkErrors, files, failed };
}

function finishCheck(o: CheckOptions, io: CliIO, failedBefore: boolean, outcomes: FileOutcome[]): number {
  let failed = failedBefore;
  const results: FileResult[] = [];
  for (const r of outcomes) {
    for (const line of r.stderr) io.stderr(line);
    if (r.failed) failed = true;
    if (r.result) results.push(r.result);
  }
  const summary = o.summary ? formatSummary(results) : '';
  if (o.format === 'json') io.stdout(formatJson(results));
  else if (o.format === 'sarif') io.stdout(formatSarif(results, VERSION));
  else io.stdout(o.summary ? summary : formatText(results));
  if (o.summary && o.format !== 'text') io.stderr(summary);
  if (failed) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** Like runCli, with the commands that need to wait (import reads .docx and .pdf). */
export async function runCliAsync(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'check') {
    try {
      return await checkParallel(parseCheckArgs(argv.slice(1)), io);
    } catch (e) {
      if (e instanceof UsageError) {
        io.stderr(`inspection-report: ${e.message}\n${USAGE}\n`);
        return 2;
      }
      throw e;
    }
  }
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
  if (runWorkerIfAsked()) return;
  void runCliAsync(process.argv.slice(2), {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
