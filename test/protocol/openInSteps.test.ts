import * as assert from 'node:assert/strict';
import { TestClient } from './lspClient.js';
import { ReportLanguageService } from '../../server/src/service/languageService.js';
import { scaledReport } from '../../bench/corpus.js';
import { readFixture } from '../helpers.js';

/*
 * A document is opened a step at a time (service.prepare: parse in slices, model, trace,
 * checks), handing control back between steps, so that a server opening a long report goes
 * on answering. The steps must leave exactly what computing at once would.
 */

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('opening a report a step at a time', function () {
  this.timeout(120_000);

  it('leaves the model and diagnostics that computing at once gives', async () => {
    const texts = [readFixture('corpus/haringey-2014.report.md'), readFixture('raw/barnet-2012.raw.report.md'), readFixture('synthetic/draft-with-errors.report.md'), scaledReport(4)];
    for (const [i, text] of texts.entries()) {
      const doc = { uri: `file:///steps-${i}.report.md`, version: 1, getText: () => text };
      const stepped = new ReportLanguageService();
      let pauses = 0;
      await stepped.prepare(doc, () => (pauses++, nextTurn()), () => false);
      const atOnce = new ReportLanguageService();
      assert.deepEqual(stepped.diagnostics(doc), atOnce.diagnostics(doc), `report ${i}`);
      assert.deepEqual(stepped.symbols(doc), atOnce.symbols(doc), `report ${i}`);
      if (text.length > 200_000) assert.ok(pauses > 10, `only ${pauses} pauses for ${text.length} characters`);
    }
  });

  it('stops when its version is stale, and the next version is right all the same', async () => {
    const text = scaledReport(3);
    for (const stopAfter of [1, 3, 8, 20]) {
      const doc = { uri: `file:///stale-${stopAfter}.report.md`, version: 1, getText: () => text };
      const service = new ReportLanguageService();
      let pauses = 0;
      await service.prepare(doc, () => (pauses++, nextTurn()), () => pauses >= stopAfter);
      const next = { ...doc, version: 2, getText: () => text.replace('Haringey provides', 'Haringey now provides') };
      assert.deepEqual(service.diagnostics(next), new ReportLanguageService().diagnostics(next), `stopped after ${stopAfter} pauses`);
    }
  });

  it('the server answers other requests while it opens a 750 KB report', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ diagnosticsDelay: 0 });
      const small = 'file:///small.report.md';
      await client.open(small, '# Report\n\n1. One.\n');
      await client.diagnostics(small);
      const big = 'file:///big.report.md';
      let checked = false;
      const published = client.diagnostics(big).then(() => (checked = true));
      await client.open(big, scaledReport(10));
      // Requests sent every few milliseconds while the report opens: answered between its
      // steps. (Opened at once, every request sent after the work began would be answered
      // after the report's diagnostics: the work and their publication are one turn.)
      const answers: Promise<boolean>[] = [];
      while (!checked) {
        answers.push(client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: small } }).then(() => !checked));
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      await published;
      const before = (await Promise.all(answers)).filter(Boolean).length;
      assert.ok(before >= 5, `${before} of ${answers.length} requests answered while the report opened`);
      assert.equal(await client.shutdown(), 0);
    } finally {
      if (client.process.exitCode === null) client.process.kill();
    }
  });
});
