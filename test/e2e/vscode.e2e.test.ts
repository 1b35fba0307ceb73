/**
 * The extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) driven through
 * Debian's chromium with playwright-core. Each scenario acts as a person would (keyboard,
 * reading the screen) and checks what the person would see, or the saved file. Screenshots
 * of each step go to test-results/e2e/. Install what it needs with test/e2e/install.sh.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildVsix, extensionHostLog, ROOT, startCodeServer, waitFor, type Instance } from './codeServer.js';
import { RESULTS, Workbench } from './workbench.js';
import { ReportLanguageService } from '../../server/src/service/languageService.js';

const DRAFT = 'draft-with-errors.report.md';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** 1-based line of the first line starting with `prefix`. */
function lineOf(text: string, prefix: string): number {
  const i = text.split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `no line starts with ${prefix}`);
  return i + 1;
}

/** What the server's quick fix titled `title` at `line` does to `text` (the expected result). */
function expectedAfterFix(text: string, line: number, title: string): string {
  const service = new ReportLanguageService();
  const doc = { uri: 'file:///x.report.md', version: 1, getText: () => text };
  const model = service.getModel(doc);
  const start = model.lines.lineStarts[line - 1];
  const fix = service.codeActions(doc, { start, end: start }).find((a) => a.fix.title === title);
  assert.ok(fix, `the service offers "${title}" at line ${line}`);
  const edits = [...fix.fix.edits].sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

describe('VS Code (code-server) with the packaged extension', function () {
  this.timeout(120_000);
  let instance: Instance;
  let browser: Browser;
  let page: Page;
  let wb: Workbench;
  const file = (name: string) => path.join(instance.workspace, name);
  const read = (name: string) => fs.readFileSync(file(name), 'utf8');

  before(async function () {
    this.timeout(240_000);
    fs.rmSync(RESULTS, { recursive: true, force: true });
    fs.mkdirSync(RESULTS, { recursive: true });
    const vsix = buildVsix(path.join(ROOT, '.e2e', 'inspection-report.vsix'));
    const empty = path.join(RESULTS, 'new.report.md');
    fs.writeFileSync(empty, '');
    // A report without front matter: its framework comes from the setting once one is chosen.
    const plain = path.join(RESULTS, 'plain.report.md');
    fs.writeFileSync(plain, '# A draft\n\n## Summary\n\n1. Children are seen promptly.\n2. Plans are clear.\n');
    // A Markdown file that is a report in all but name.
    const notes = path.join(RESULTS, 'notes.md');
    fs.writeFileSync(notes, '# Notes\n\n1. The overall effectiveness is good.\n3. Next.\n');
    // Text as it comes out of a PDF, to import.
    const pasted = path.join(RESULTS, 'pasted.txt');
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'raw', 'haringey-2014.raw.report.md'), pasted);
    instance = await startCodeServer({ vsix, fixtures: [path.join(ROOT, 'examples', DRAFT), path.join(ROOT, 'examples', 'haringey-2014.report.md'), empty, plain, notes, pasted] });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    wb = new Workbench(page);
    await page.goto(instance.url);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await wb.waitForText('.explorer-folders-view', /draft-with-errors\.report\.md/, 60_000);
    await wb.widenSideBar();
  });

  after(async () => {
    if (page && this_failed()) await wb.screenshot('zz-after-failure').catch(() => undefined);
    await browser?.close();
    await instance?.stop();
    if (instance && !process.env.KEEP_E2E) fs.rmSync(instance.scratch, { recursive: true, force: true });
  });
  let failed = false;
  const this_failed = () => failed;
  afterEach(function () {
    if (this.currentTest?.state === 'failed') {
      failed = true;
      return wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}`).then(() => undefined);
    }
  });

  it('opening a sample report activates the extension; Problems lists the expected diagnostics; the status bar shows the framework', async () => {
    await wb.openFile(DRAFT);
    await wb.page.keyboard.press('Control+Shift+M');
    await wb.runCommand('View: Toggle Maximized Panel');
    const problems = await wb.waitForText('.markers-panel', /numbering\/order/);
    for (const code of ['numbering/gap', 'numbering/duplicate', 'numbering/order', 'numbering/legacy-bullet', 'numbering/unnumbered', 'numbering/stray', 'reference/broken']) {
      assert.match(problems, new RegExp(code.replace('/', '\\/')), `Problems lists ${code}`);
    }
    assert.match(problems, /Expected paragraph 18|expected 18/i);
    await wb.screenshot('01-problems');
    await wb.runCommand('View: Toggle Maximized Panel');
    const status = await wb.waitForText('.statusbar', /ofsted-sif-2013/);
    assert.match(status, /ofsted-sif-2013\s+\S*\s*\d+\s+\S*\s*\d+/);
    assert.match(extensionHostLog(instance.userData), /inspection-tools\.inspection-report/);
  });

  it('Outline shows the sections and judgement sections with their grades; the Judgements view lists the areas', async () => {
    // Give the Outline the room of the folder's pane (for the screenshot the README shows).
    await wb.page.locator('.pane-header', { hasText: /^\s*Workspace/i }).first().click();
    await wb.runCommand('Explorer: Focus on Outline View');
    const outline = await wb.waitForText('.sidebar', /Section 1: the local authority/);
    assert.match(outline, /Summary of key findings/);
    // A judgement section with its grade as the symbol's detail.
    assert.match(outline, /Overall effectiveness — Requires improvement/);
    await wb.screenshot('02a-outline-and-problems');
    // Collapse the Outline so that the Judgements view has the room to show every area.
    await wb.page.locator('.pane-header', { hasText: /^\s*Outline/i }).first().click();
    await wb.runCommand('Inspection Report: Show the Judgements view');
    // Each area with its grade in the summary and in the body: adoption disagrees in this draft.
    const view = await wb.waitForText('.sidebar', /Adoption performance\s*summary: Good · body: Requires improvement/);
    assert.match(view, /The experiences and progress of children who need help and protection/);
    // Areas for improvement under their area, with the findings they rest on.
    assert.match(view, /Area for improvement 9\s*(supported by ¶\d+|no supporting finding)/);
    await wb.screenshot('02b-judgements');
  });

  it('Ctrl+. on the gap applies "Renumber from here to the end" and the file is what the server computed', async () => {
    const before = read(DRAFT);
    const line = lineOf(before, '19. Assessments');
    await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await wb.goToLine(line);
    await wb.waitForCursor(line);
    await wb.screenshot('03a-before-fix');
    await wb.applyCodeAction('Renumber from here to the end');
    await wb.page.keyboard.press('Control+S');
    const expected = expectedAfterFix(before, line, 'Renumber from here to the end');
    const after = await waitFor('the fixed file on disk', () => {
      const t = read(DRAFT);
      return t !== before ? t : undefined;
    });
    assert.equal(after, expected);
    assert.ok(after.includes('\n18. Assessments are increasingly timely'));
    await wb.screenshot('03b-after-renumber');
  });

  it('Enter after a numbered paragraph starts the next one; the next paragraph is then offered "Renumber from here to the end"', async () => {
    const before = read(DRAFT);
    const line = lineOf(before, '14. Ensure that all care leavers');
    // The end of the line (not of its first wrapped row, where End would go): Ctrl+G clamps the column.
    await wb.goToLine(line, 100_000);
    await wb.waitForCursor(line);
    await wb.page.keyboard.press('Enter');
    await waitFor('the new paragraph number', async () => (await wb.visibleLines()).some((l) => l.startsWith('15. ') && l.trim() === '15.'));
    await wb.page.keyboard.type('Ensure that every child has an up-to-date plan.');
    await wb.page.keyboard.press('Control+S');
    const after = await waitFor('the saved file', () => {
      const t = read(DRAFT);
      return t !== before ? t : undefined;
    });
    const lines = after.split('\n');
    assert.equal(lines[line], '15. Ensure that every child has an up-to-date plan.');
    await wb.screenshot('04a-enter-continues');
    // The old 15 is now a duplicate: the quick fix to renumber the rest is there at once.
    const next = lineOf(after, '15. Northborough provides');
    await wb.page.keyboard.press('Control+Shift+M');
    await wb.waitForText('.markers-panel', /numbering\/duplicate/);
    await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await wb.goToLine(next);
    await wb.waitForCursor(next);
    await wb.applyCodeAction('Renumber from here to the end');
    await wb.page.keyboard.press('Control+S');
    const renumbered = await waitFor('the renumbered file', () => {
      const t = read(DRAFT);
      return t.includes('\n16. Northborough provides') ? t : undefined;
    });
    assert.ok(renumbered.includes('\n15. Ensure that every child has an up-to-date plan.'));
    await wb.screenshot('04b-renumbered-rest');
  });

  it('typing a snippet prefix inserts a whole report skeleton', async () => {
    await wb.openFile('new.report.md');
    await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await wb.page.keyboard.type('report-ilacs');
    await wb.page.keyboard.press('Control+Space');
    await wb.waitForText('.suggest-widget', /Report skeleton: ILACS \(2018\)/);
    for (let i = 0; i < 20; i++) {
      const focused = await wb.textOf('.suggest-widget .monaco-list-row.focused');
      if (/ILACS \(2018\)/.test(focused)) break;
      await wb.page.keyboard.press('ArrowDown');
    }
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Escape');
    await wb.page.keyboard.press('Control+S');
    const text = await waitFor('the skeleton on disk', () => {
      const t = read('new.report.md');
      return t.includes('framework: ofsted-ilacs-2018') ? t : undefined;
    });
    assert.match(text, /\| The experiences and progress of children who need help and protection \| Outstanding \|/);
    assert.match(text, /^## What needs to improve\?$/m);
    assert.match(text, /^1\. Recommendation\.$/m);
    await wb.screenshot('05-snippet-skeleton');
  });

  it('commands run: export the action plan, and a new report from a template', async () => {
    await wb.openFile(DRAFT);
    await wb.runCommand('Inspection Report: Export areas for improvement as an action plan');
    await wb.pickQuick('Markdown table');
    const plan = await wb.waitForText('.editor-instance', /\| Paragraph \| Area \| Heading \| Recommendation/);
    // The editor wraps long lines: compare with whitespace collapsed.
    assert.match(plan.replace(/\s+/g, " "), /\| 9 \| [^|]+ \| Areas for improvement \| Accelerate plans to provide a comprehensive [^|]+ \| \d+/);
    await wb.screenshot('06a-action-plan');
    await wb.runCommand('Inspection Report: New report from template');
    await wb.pickQuick('SIF (2013) with LSCB review');
    await wb.waitForText('.editor-instance', /framework: ofsted-sif-2013/);
    await wb.waitForText('.editor-instance', /Section 1: the local authority|Local authority name/);
    await wb.screenshot('06b-new-report');
  });

  it('Ctrl+T "#27" finds paragraph 27 in the open reports and jumps to it', async () => {
    await wb.openFile(DRAFT);
    const target = lineOf(read(DRAFT), '27. ');
    // The earlier steps renumbered the draft: paragraph 27 is whatever the file says now.
    const words = read(DRAFT).split('\n')[target - 1].slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await wb.page.keyboard.press('Control+T');
    const input = wb.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill('#27');
    const rows = await wb.waitForText('.quick-input-list', new RegExp(words));
    assert.match(rows, /draft-with-errors\.report\.md/);
    await wb.screenshot('07-workspace-symbol');
    await waitFor('the paragraph focused', async () => new RegExp(words).test(await wb.textOf('.quick-input-list .monaco-list-row.focused')));
    await wb.page.keyboard.press('Enter');
    await wb.waitForCursor(target);
  });

  it('the status bar item opens the framework picker, which sets inspectionReport.framework', async () => {
    await wb.openFile('plain.report.md');
    const item = wb.page.locator('.statusbar-item', { hasText: /ofsted-/ }).first();
    await item.waitFor({ state: 'visible' });
    // The item may still show the report opened before until the new one's info arrives.
    const text = await waitFor('the status bar item of plain.report.md', async () => {
      const t = await item.innerText();
      return /ofsted-ilacs-2018\s+\S*\s*2\s/.test(t) && t;
    }, 15_000).catch(async () => item.innerText());
    assert.match(text, /ofsted-ilacs-2018\s+\S*\s*2\s/);
    await item.click();
    await wb.waitForText('.quick-input-list', /ofsted-slac-2009[\s\S]*ofsted-sif-2013|ofsted-sif-2013[\s\S]*ofsted-slac-2009/);
    await wb.pickQuick('ofsted-slac-2009');
    const settings = await waitFor('the workspace setting', () => {
      const f = path.join(instance.workspace, '.vscode', 'settings.json');
      return fs.existsSync(f) && /"inspectionReport\.framework":\s*"ofsted-slac-2009"/.test(fs.readFileSync(f, 'utf8')) ? f : undefined;
    });
    assert.ok(settings);
    await wb.waitForText('.statusbar', /ofsted-slac-2009/);
    await wb.screenshot('08-framework-picked');
    // And back to detection.
    await wb.page.locator('.statusbar-item', { hasText: /ofsted-/ }).first().click();
    await wb.pickQuick('Detect from each report');
    await wb.waitForText('.statusbar', /ofsted-ilacs-2018/);
  });

  it('"Renumber the whole report" fixes every numbering problem it can; "Check all reports" lists every report in Problems', async () => {
    await wb.openFile(DRAFT);
    const before = read(DRAFT);
    await wb.runCommand('Inspection Report: Renumber the whole report');
    await wb.page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Control+S');
    const after = await waitFor('the renumbered file', () => {
      const t = read(DRAFT);
      return t !== before ? t : undefined;
    });
    const service = new ReportLanguageService();
    const left = service.diagnostics({ uri: 'file:///x.report.md', version: 1, getText: () => after }).map((d) => d.code);
    for (const code of ['numbering/gap', 'numbering/duplicate', 'numbering/order', 'numbering/legacy-bullet', 'numbering/stray']) assert.ok(!left.includes(code), `${code} is fixed (left: ${left.join(', ')})`);
    await wb.runCommand('Inspection Report: Check all reports in the workspace');
    const toast = await wb.waitForText('.notifications-toasts', /Checked 4 reports: \d+ errors?, \d+ warnings?\./);
    // The counts are those of the four files on disk, as the server sees them.
    let errors = 0;
    let warnings = 0;
    for (const name of [DRAFT, 'haringey-2014.report.md', 'new.report.md', 'plain.report.md']) {
      for (const d of service.diagnostics({ uri: `file:///${name}`, version: 1, getText: () => read(name) })) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
      }
    }
    assert.match(toast, new RegExp(`Checked 4 reports: ${errors} errors?, ${warnings} warnings?\\.`));
    await wb.waitForText('.markers-panel', /draft-with-errors\.report\.md/);
    await wb.screenshot('09-check-workspace');
  });

  it('smart selection grows from the paragraph text to the paragraph, its section and beyond; a section folds', async () => {
    await wb.openFile(DRAFT);
    const text = read(DRAFT);
    const line = lineOf(text, '13. Ensure that sufficient local foster carers');
    await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await wb.goToLine(line, 10);
    await wb.waitForCursor(line);
    // What the server says the chain is, innermost first (characters, as the status bar counts them).
    const service = new ReportLanguageService();
    const model = service.getModel({ uri: 'file:///x.report.md', version: 1, getText: () => text });
    const offset = model.lines.lineStarts[line - 1] + 9;
    const { selectionSpans } = await import('../../server/src/service/editor/structure.js');
    const chain = selectionSpans(model, offset);
    const selected = async () => Number(/\((\d+) selected\)/.exec(await wb.textOf('.statusbar'))?.[1] ?? 0);
    let shown = 0;
    const reached: number[] = [];
    for (const span of chain.slice(0, 3)) {
      const target = span.end - span.start;
      // VS Code puts its own word range first; then each press shows the next of the server's ranges.
      for (let press = 0; press < 4 && shown < target; press++) {
        const before = shown;
        await wb.page.keyboard.press('Shift+Alt+ArrowRight');
        shown = await waitFor('the selection to grow', async () => {
          const n = await selected();
          return n > before ? n : undefined;
        }, 5_000);
        reached.push(shown);
      }
      assert.equal(shown, target, `selection sizes reached: ${reached.join(', ')}; the server's: ${chain.map((c) => c.end - c.start).join(', ')}`);
    }
    await wb.screenshot('10a-smart-selection');
    await wb.page.keyboard.press('Escape');
    // Fold the section "Areas for improvement": its paragraphs leave the screen, the heading stays.
    const heading = lineOf(text, '#### Areas for improvement');
    await wb.goToLine(heading);
    await wb.waitForCursor(heading);
    await wb.page.keyboard.press('Control+Shift+BracketLeft');
    await waitFor('the folded section', async () => {
      const lines = await wb.visibleLines();
      return lines.some((l) => l.startsWith('#### Areas for improvement')) && !lines.some((l) => l.startsWith('13. Ensure that sufficient'));
    });
    await wb.screenshot('10b-folded-section');
    await wb.page.keyboard.press('Control+Shift+BracketRight');
  });

  it('"Treat this Markdown file as an inspection report" switches a .md file to the report language', async () => {
    await wb.openFile('notes.md');
    await wb.waitForText('.statusbar', /Markdown/);
    await wb.runCommand('Inspection Report: Treat this Markdown file as an inspection report');
    await wb.waitForText('.statusbar', /Inspection Report/);
    const problems = await wb.waitForText('.markers-panel', /notes\.md[\s\S]*numbering\/gap/);
    assert.match(problems, /expected 2, found 3/);
    // The Judgements view follows: this report has no judgement statements.
    await waitFor('the Judgements view to leave the draft', async () => !/Adoption performance/.test(await wb.textOf('.sidebar')));
    await wb.screenshot('11-treat-as-report');
  });

  it('a code lens above each area for improvement says what supports it, and opens those findings', async () => {
    const report = 'haringey-2014.report.md';
    await wb.openFile(report);
    const line = lineOf(read(report), '27. Ensure that strategy discussions');
    await wb.goToLine(line);
    await wb.waitForCursor(line);
    const lens = wb.page.locator('.codelens-decoration', { hasText: /supported by ¶50/ }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await wb.screenshot('12a-code-lens');
    await lens.locator('a', { hasText: /supported by/ }).first().click();
    const peek = await wb.waitForText('.peekview-widget', /50\. Child protection strategy meetings/);
    assert.match(peek, /haringey-2014\.report\.md/);
    await wb.screenshot('12b-findings-peek');
    await wb.page.keyboard.press('Escape');
  });

  it('"Import report from text…" turns text pasted from a PDF into a new report', async () => {
    await wb.openFile('pasted.txt');
    await wb.runCommand('Inspection Report: Import report from text');
    await wb.pickQuick('Import the text of the active editor');
    await wb.waitForText('.tabs-container .tab.active', /Untitled/);
    await wb.waitForText('.statusbar', /ofsted-sif-2013/);
    const lines = await waitFor('the imported report on screen', async () => {
      const shown = await wb.visibleLines();
      return shown.some((l) => l.startsWith('framework: ofsted-sif-2013')) ? shown : undefined;
    });
    assert.ok(lines.some((l) => /^#+ .*London Borough of Haringey/.test(l)), lines.join('\n'));
    await wb.waitForText('.notifications-toasts', /Imported as ofsted-sif-2013/);
    await wb.screenshot('13-imported');
  });
});
