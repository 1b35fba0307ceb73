import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';

export const DEFAULT_PATTERN = '**/*.report.md';

export interface Collected {
  files: string[];
  /** One line per argument that matched nothing or could not be read. */
  errors: string[];
}

/**
 * Expand CLI arguments: a file is taken as it is (any `.md` named explicitly), a folder is
 * searched for `**\/*.report.md`, anything else is a glob.
 */
export function collectFiles(args: string[], cwd = process.cwd()): Collected {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const abs = path.resolve(cwd, f);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(path.relative(cwd, abs) || abs);
    }
  };
  for (const arg of args) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(path.resolve(cwd, arg));
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      add(arg);
    } else if (stat?.isDirectory()) {
      const found = globSync(DEFAULT_PATTERN, { cwd: path.resolve(cwd, arg), ignore: ['**/node_modules/**'], dot: false }).sort();
      if (found.length === 0) errors.push(`${arg}: no report files (${DEFAULT_PATTERN}) in this folder`);
      for (const f of found) add(path.join(arg, f));
    } else if (stat) {
      errors.push(`${arg}: not a file (a pipe, socket or device); not read`);
    } else if (/[*?[\]{}]/.test(arg)) {
      const found = globSync(arg, { cwd, ignore: ['**/node_modules/**'] }).sort();
      if (found.length === 0) errors.push(`${arg}: no files match this pattern`);
      for (const f of found) add(f);
    } else {
      errors.push(`${arg}: no such file or folder`);
    }
  }
  return { files, errors };
}
