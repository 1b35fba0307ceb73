import * as fs from 'node:fs';
import * as path from 'node:path';

/** Largest profile file read: profiles are small; a huge file is a mistake or an attack. */
export const MAX_PROFILE_BYTES = 512 * 1024;
const MAX_FILES_PER_FOLDER = 200;

export interface LoadedProfileFile {
  file: string;
  data: unknown;
}

export interface FolderLoadResult {
  files: LoadedProfileFile[];
  problems: { file: string; message: string }[];
}

/**
 * Read `*.json` profiles from folders as data (JSON.parse; nothing is required or run).
 * Relative folders resolve against `base`. When `roots` is given, a folder or file that
 * resolves (through `..` or symlinks) outside every root is refused.
 */
export function loadProfileFolders(folders: string[], base: string, roots?: string[]): FolderLoadResult {
  const result: FolderLoadResult = { files: [], problems: [] };
  const realRoots = roots?.map((r) => safeRealpath(r) ?? path.resolve(r));
  const inside = (p: string) => !realRoots || realRoots.some((r) => p === r || p.startsWith(r + path.sep));
  for (const folder of folders) {
    const resolved = path.resolve(base, folder);
    const real = safeRealpath(resolved);
    if (!real) {
      result.problems.push({ file: resolved, message: 'profile folder not found' });
      continue;
    }
    if (!inside(real)) {
      result.problems.push({ file: resolved, message: 'profile folder is outside the workspace; ignored' });
      continue;
    }
    let names: string[];
    try {
      names = fs.readdirSync(real).filter((n) => n.endsWith('.json')).sort().slice(0, MAX_FILES_PER_FOLDER);
    } catch (e) {
      result.problems.push({ file: resolved, message: `cannot read folder: ${(e as Error).message}` });
      continue;
    }
    for (const name of names) {
      const file = path.join(real, name);
      const realFile = safeRealpath(file);
      if (!realFile || !inside(realFile)) {
        result.problems.push({ file, message: 'profile file resolves outside the workspace; ignored' });
        continue;
      }
      try {
        const stat = fs.statSync(realFile);
        if (!stat.isFile()) continue;
        if (stat.size > MAX_PROFILE_BYTES) {
          result.problems.push({ file, message: `profile file is larger than ${MAX_PROFILE_BYTES} bytes; ignored` });
          continue;
        }
        result.files.push({ file, data: JSON.parse(fs.readFileSync(realFile, 'utf8')) });
      } catch (e) {
        result.problems.push({ file, message: `not valid JSON: ${(e as Error).message}` });
      }
    }
  }
  return result;
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}
