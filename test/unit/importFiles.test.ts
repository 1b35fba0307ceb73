import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { runCliAsync } from '../../server/src/cli/main.js';
import { NO_PDFTOTEXT, readInput } from '../../server/src/import/readInput.js';

/** A minimal Word document: one w:p per paragraph. */
async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, cli: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), cwd: process.cwd() } };
}

describe('import: .docx and .pdf input', () => {
  it('reads a .docx with mammoth and imports it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-docx-'));
    const file = path.join(dir, 'draft.docx');
    fs.writeFileSync(file, await docx([
      'London Borough of Example',
      'Inspection dates: 1 to 12 May 2023',
      'The experiences and progress of children who need help and protection: good',
      '1. Children receive help at the right time.',
      '2. Strategy meetings are timely.',
    ]));
    assert.equal((await readInput(file)).via, 'docx (mammoth)');
    const { out, cli } = io();
    assert.equal(await runCliAsync(['import', file], cli), 0);
    assert.match(out.stdout, /^---\nframework: ofsted-ilacs-2018\n---/);
    assert.match(out.stdout, /^## The experiences and progress of children who need help and protection: good$/m);
    assert.match(out.stdout, /^1\. Children receive help at the right time\.\n\n2\. Strategy meetings are timely\.$/m);
    assert.match(out.stderr, /imported \(docx \(mammoth\)\)/);
  });

  it('the bundled CLI reads a .docx too (mammoth is bundled apart, in dist/mammoth.cjs, loaded only for .docx)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-docx-'));
    const file = path.join(dir, 'draft.docx');
    fs.writeFileSync(file, await docx(['The experiences and progress of children who need help and protection: good', '1. Children receive help at the right time.']));
    const run = spawnSync(process.execPath, [path.join(process.cwd(), 'dist', 'cli.cjs'), 'import', file], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^1\. Children receive help at the right time\.$/m);
    assert.ok(fs.existsSync(path.join(process.cwd(), 'dist', 'mammoth.cjs')));
    assert.ok(fs.readFileSync(path.join(process.cwd(), '.vscodeignore'), 'utf8').split(/\r?\n/).includes('!dist/mammoth.cjs'), 'the .vsix ships it');
  });

  it('reads a .pdf with pdftotext, or says clearly that it is missing', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-pdf-'));
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, '%PDF-1.4\n%%EOF\n');
    const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
    const { out, cli } = io();
    const code = await runCliAsync(['import', file], cli);
    if (!hasPdftotext) {
      assert.equal(code, 2);
      assert.ok(out.stderr.includes(NO_PDFTOTEXT), out.stderr);
    } else {
      // An empty PDF: pdftotext fails, and import says so.
      assert.equal(code, 2);
      assert.match(out.stderr, /pdftotext failed/);
    }
  });

  it('refuses a binary file that is neither .docx nor .pdf', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-bin-'));
    const file = path.join(dir, 'x.bin');
    fs.writeFileSync(file, Buffer.from([0, 1, 2, 3]));
    const { out, cli } = io();
    assert.equal(await runCliAsync(['import', file], cli), 2);
    assert.match(out.stderr, /binary file/);
  });
});
