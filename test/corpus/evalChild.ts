// A child process of eval.ts: evaluates the reports it is sent and sends the results back.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluate } from './evalLib.js';

process.on('message', (m: { dir: string; files: string[]; outDir?: string }) => {
  const results = m.files.map((f) => {
    const r = evaluate(f, fs.readFileSync(path.join(m.dir, f), 'utf8'));
    if (m.outDir) fs.writeFileSync(path.join(m.outDir, f.replace(/\.txt$/, '.report.md')), r.markdown);
    return { ...r, markdown: '' };
  });
  process.send!(results, () => process.exit(0));
});
