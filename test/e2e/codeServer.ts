/**
 * Start and stop code-server 4.100.3 (VS Code 1.100.3's workbench, extension host in Node)
 * with the extension installed from a freshly built .vsix, in scratch folders. Facts behind
 * each choice: shared/notes/real-vscode.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const CODE_SERVER = path.join(ROOT, '.e2e', 'code-server', 'node_modules', '.bin', 'code-server');

export interface Instance {
  url: string;
  workspace: string;
  userData: string;
  scratch: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Poll `check` until it returns a value, or fail after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Build the .vsix exactly as a user gets it (`vsce package`). */
export function buildVsix(out: string): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-rewrite-relative-links', '--out', out], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

export async function startCodeServer(options: { vsix: string; fixtures: string[]; settings?: Record<string, unknown> }): Promise<Instance> {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server is not installed: run test/e2e/install.sh (looked for ${CODE_SERVER})`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  const userData = path.join(scratch, 'user-data');
  const extensions = path.join(scratch, 'extensions');
  for (const d of [workspace, path.join(userData, 'User'), extensions, path.join(scratch, 'config'), path.join(scratch, 'data'), path.join(scratch, 'tmp')]) fs.mkdirSync(d, { recursive: true });
  // A fresh copy of the fixtures each run: applying fixes changes them.
  for (const f of options.fixtures) fs.copyFileSync(f, path.join(workspace, path.basename(f)));
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
        'editor.minimap.enabled': false,
        'editor.accessibilitySupport': 'off',
        'files.autoSave': 'off',
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
        'workbench.colorTheme': 'Default Light Modern',
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(scratch, 'config'),
    XDG_DATA_HOME: path.join(scratch, 'data'),
    TMPDIR: path.join(scratch, 'tmp'),
  };
  const install = spawnSync(CODE_SERVER, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', options.vsix], { env, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing the vsix failed:\n${install.stdout}\n${install.stderr}`);
  const port = await freePort();
  const child: ChildProcess = spawn(
    CODE_SERVER,
    ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions, workspace],
    { env, detached: true, stdio: ['ignore', fs.openSync(path.join(scratch, 'code-server.log'), 'a'), fs.openSync(path.join(scratch, 'code-server.log'), 'a')] },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor('code-server /healthz', async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.ok, 60_000, 250);
  let stopped = false;
  return {
    url: `${url}/?folder=${encodeURIComponent(workspace)}`,
    workspace,
    userData,
    scratch,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // The whole process group: killing only the main PID leaves file watchers running.
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await waitFor('code-server to exit', () => child.exitCode !== null || child.signalCode !== null, 10_000).catch(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      });
    },
  };
}

/** The extension host log lines that show our extension activated. */
export function extensionHostLog(userData: string): string {
  const logs = path.join(userData, 'logs');
  if (!fs.existsSync(logs)) return '';
  let text = '';
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost/i.test(p) && e.name.endsWith('.log')) text += fs.readFileSync(p, 'utf8');
    }
  };
  walk(logs);
  return text;
}
