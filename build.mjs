// Bundle the extension client, the language server and the CLI with esbuild. unified and
// remark are ESM-only; bundling turns everything into CommonJS files that Node and VS Code
// load directly, and makes start-up one file read.
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const importMetaUrl = "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minifySyntax: true,
  logLevel: 'warning',
  // Some ESM dependencies read import.meta.url, which CommonJS lacks: give them this file's URL.
  define: { __VERSION__: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: importMetaUrl },
};
const shebang = { js: '#!/usr/bin/env node\n' + importMetaUrl };

// mammoth, with the zip and XML libraries behind it, reads .docx files for the import
// command only, yet bundled in it is a third of server.cjs and compiling it a fifth of the
// server's start-up (spawn to initialize answered: 144 -> 129 ms median, measured). So it is
// bundled apart, in dist/mammoth.cjs, which the `import('mammoth')` in import/readInput.ts
// loads when a .docx is imported. The .vsix carries only the dist files .vscodeignore lists:
// until it lists this one, mammoth stays bundled in.
const mammothApart = readFileSync(new URL('./.vscodeignore', import.meta.url), 'utf8').split(/\r?\n/).includes('!dist/mammoth.cjs');
const plugins = mammothApart
  ? [{ name: 'mammoth-apart', setup: (b) => b.onResolve({ filter: /^mammoth$/ }, () => ({ path: './mammoth.cjs', external: true })) }]
  : [];

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.cjs', banner: shebang, plugins }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.cjs', banner: shebang, plugins }),
  mammothApart &&
    esbuild.build({ ...common, stdin: { contents: "module.exports = require('mammoth');", resolveDir: '.', loader: 'js' }, outfile: 'dist/mammoth.cjs' }),
]);

// The two programs package.json lists under "bin" are run by npx and npm's links, which
// need them executable; esbuild writes files without the executable bit.
for (const bin of ['dist/server.cjs', 'dist/cli.cjs']) chmodSync(new URL(`./${bin}`, import.meta.url), 0o755);
