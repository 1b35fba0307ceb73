import * as assert from 'node:assert/strict';
import { fuzzProtocol, fuzzService } from './fuzz.js';

/*
 * The fuzz test with a short budget (npm test). `npm run fuzz` runs the same fuzzers for
 * ten minutes each with a random first seed (test/robustness/fuzzMain.ts). FUZZ_SEED and
 * FUZZ_BUDGET_MS override the defaults here, to replay or lengthen a run.
 */
const seed = Number(process.env.FUZZ_SEED ?? 1);
const budget = Number(process.env.FUZZ_BUDGET_MS ?? 8_000);

describe('robustness: fuzzing (short budget)', function () {
  this.timeout(budget * 3 + 120_000);

  it(`model, every check and every service request (seed ${seed}, ${budget} ms)`, () => {
    const stats = fuzzService(budget, seed);
    assert.ok(stats.cases > 10, `only ${stats.cases} cases ran`);
  });

  it(`every advertised LSP request over stdio (seed ${seed}, ${budget} ms)`, async () => {
    const stats = await fuzzProtocol(budget, seed);
    assert.ok(stats.cases > 3 && stats.requests! > 20, JSON.stringify(stats));
  });
});
