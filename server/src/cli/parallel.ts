import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ProfileRegistry } from '../profiles/registry.js';
import { loadProfileFolders } from '../profiles/loadFolders.js';
import { checkOneFile, makeService, type FileOutcome } from './checkFile.js';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_MIN_FILES = 8;

const MARK = 'inspection-report-check-worker';

interface WorkerInput {
  [MARK]: true;
  options: { framework?: string; profiles: string[]; fix: boolean };
  cwd: string;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * The script a worker runs: the CLI bundle itself (dist/cli.cjs), which turns into a worker
 * when started with our workerData. From TypeScript sources (tests) there is none, and
 * `check` runs on the main thread.
 */
export function workerScript(): string | undefined {
  const script = process.argv[1];
  return script && /\.c?js$/.test(script) && /cli\.c?js$/.test(script) ? script : undefined;
}

/** Check files in `jobs` worker threads; outcomes come back in the order of `files`. */
export function checkInWorkers(
  script: string,
  files: string[],
  ctx: { options: { framework?: string; profiles: string[]; fix: boolean }; cwd: string },
  jobs: number,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const data: WorkerInput = { [MARK]: true, options: { framework: ctx.options.framework, profiles: ctx.options.profiles, fix: ctx.options.fix }, cwd: ctx.cwd };
    const workers: Worker[] = [];
    const feed = (w: Worker) => {
      if (next < files.length) {
        const index = next++;
        w.postMessage({ index, file: files[index] });
      } else w.postMessage(null);
    };
    for (let k = 0; k < jobs; k++) {
      const w = new Worker(script, { workerData: data, argv: [] });
      workers.push(w);
      w.on('message', (m: { index: number; outcome: FileOutcome }) => {
        outcomes[m.index] = m.outcome;
        done++;
        if (done === files.length) {
          for (const x of workers) void x.terminate();
          resolve(outcomes);
        } else feed(w);
      });
      w.on('error', (e) => {
        for (const x of workers) void x.terminate();
        reject(e);
      });
      w.on('online', () => feed(w));
    }
  });
}

/** In a worker started by checkInWorkers: check the files posted, one at a time. Returns true if this is one. */
export function runWorkerIfAsked(): boolean {
  if (isMainThread || !workerData || !(workerData as WorkerInput)[MARK]) return false;
  const { options, cwd } = workerData as WorkerInput;
  const loaded = loadProfileFolders(options.profiles, cwd);
  const registry = new ProfileRegistry(loaded.files);
  const { service, checkErrors } = makeService(options, registry);
  parentPort!.on('message', (m: { index: number; file: string } | null) => {
    if (!m) {
      parentPort!.close();
      return;
    }
    let outcome: FileOutcome;
    try {
      outcome = checkOneFile(m.file, options, service, cwd, checkErrors);
    } catch (e) {
      outcome = { stderr: [`inspection-report: ${m.file}: ${(e as Error).message}\n`], failed: true };
    }
    parentPort!.postMessage({ index: m.index, outcome });
  });
  return true;
}
