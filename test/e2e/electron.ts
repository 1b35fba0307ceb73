/**
 * The same real-editor check in desktop VS Code, where it can be downloaded (not on these
 * machines: @vscode/test-electron fetches VS Code from Microsoft's update server). Not part
 * of CI. Run: `npm run build && npx vsce package --no-rewrite-relative-links --out .e2e/inspection-report.vsix
 * && node --import tsx test/e2e/electron.ts`.
 *
 * It installs the packaged .vsix into a fresh desktop VS Code and runs the scenarios of
 * vscode.e2e.test.ts through the extension API instead of the keyboard (electron-suite.cjs, run inside VS Code's
 * extension host): diagnostics of the sample report, document symbols with grades, the
 * "Renumber from here to the end" code action, Enter (on-type formatting) continuing the
 * numbering, the skeleton snippet, and the commands.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

async function main(): Promise<void> {
  const vsix = path.join(ROOT, '.e2e', 'inspection-report.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`build the .vsix first: ${vsix}`);
  const vscodeExecutablePath = await downloadAndUnzipVSCode('1.100.3');
  const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-electron-ext-'));
  const install = spawnSync(cli, [...args, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8', stdio: 'inherit' });
  if (install.status !== 0) throw new Error('installing the .vsix failed');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-electron-ws-'));
  for (const f of ['draft-with-errors.report.md', 'haringey-2014.report.md']) fs.copyFileSync(path.join(ROOT, 'examples', f), path.join(workspace, f));
  await runTests({
    vscodeExecutablePath,
    // A tiny test "extension" that only hosts the suite; the extension under test is the installed .vsix.
    extensionDevelopmentPath: path.join(ROOT, 'test', 'e2e', 'electron-host'),
    extensionTestsPath: path.join(ROOT, 'test', 'e2e', 'electron-host', 'suite.cjs'),
    launchArgs: [workspace, '--extensions-dir', extensionsDir, '--disable-workspace-trust'],
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
