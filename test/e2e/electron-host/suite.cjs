// Runs inside desktop VS Code's extension host (see ../electron.ts): the scenarios of
// vscode.e2e.test.ts through the extension API. Exits by throwing on the first failure.
const assert = require('node:assert/strict');
const vscode = require('vscode');

async function waitFor(what, check, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const uri = vscode.Uri.joinPath(folder, 'draft-with-errors.report.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.languageId, 'inspection-report');
  const editor = await vscode.window.showTextDocument(doc);

  // Problems: the expected diagnostics.
  const diagnostics = await waitFor('diagnostics', () => {
    const d = vscode.languages.getDiagnostics(uri);
    return d.length ? d : undefined;
  });
  const codes = new Set(diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)));
  for (const code of ['numbering/gap', 'numbering/duplicate', 'numbering/order', 'numbering/legacy-bullet', 'numbering/unnumbered', 'numbering/stray', 'reference/broken']) {
    assert.ok(codes.has(code), `diagnostic ${code}`);
  }

  // Outline: sections and judgement sections with grades.
  const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  const flat = [];
  const walk = (list) => list.forEach((s) => (flat.push(s), walk(s.children || [])));
  walk(symbols);
  assert.ok(flat.some((s) => s.name === 'Section 1: the local authority'));
  assert.ok(flat.some((s) => /Requires improvement/.test(s.detail || '')));

  // Ctrl+.: "Renumber from here to the end" on the gap.
  const gap = diagnostics.find((d) => d.code === 'numbering/gap' || (d.code && d.code.value === 'numbering/gap'));
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, gap.range);
  const renumber = actions.find((a) => a.title === 'Renumber from here to the end');
  assert.ok(renumber && renumber.edit);
  assert.ok(await vscode.workspace.applyEdit(renumber.edit));
  assert.ok(doc.getText().includes('\n18. Assessments are increasingly timely'));

  // Enter continues the numbering (on-type formatting).
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('14. Ensure that all care leavers'));
  editor.selection = new vscode.Selection(line, doc.lineAt(line).text.length, line, doc.lineAt(line).text.length);
  await vscode.commands.executeCommand('type', { text: '\n' });
  await waitFor('15. on the new line', () => doc.lineAt(line + 1).text === '15. ');

  // A snippet inserts a skeleton; commands run.
  const uriNew = await vscode.commands.executeCommand('inspectionReport.newReport', 'ofsted-sif-2013');
  assert.ok(uriNew);
  assert.match(vscode.window.activeTextEditor.document.getText(), /framework: ofsted-sif-2013/);
  await vscode.window.showTextDocument(doc);
  const count = await vscode.commands.executeCommand('inspectionReport.exportActionPlan', 'markdown');
  assert.ok(count >= 6);
};
