import { fork } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportEval } from './evalLib.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Evaluate reports in child processes (one per core); results in the order of `files`. */
export async function runArchive(dir: string, files: string[], outDir?: string): Promise<ReportEval[]> {
  const jobs = Math.max(1, Math.min(files.length, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length));
  const chunks: string[][] = Array.from({ length: jobs }, () => []);
  files.forEach((f, i) => chunks[i % jobs].push(f));
  const parts = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<ReportEval[]>((resolve, reject) => {
          const child = fork(path.join(here, 'evalChild.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          child.on('message', (m) => resolve(m as ReportEval[]));
          child.on('error', reject);
          child.on('exit', (code) => code !== 0 && reject(new Error(`evaluation worker exited with ${code}`)));
          child.send({ dir, files: chunk, outDir });
        }),
    ),
  );
  const byFile = new Map(parts.flat().map((r) => [r.file, r]));
  return files.map((f) => byFile.get(f)!);
}
