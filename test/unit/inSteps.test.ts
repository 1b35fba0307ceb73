import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runAtOnce, runInSteps } from '../../server/src/util/inSteps.js';

/**
 * runInSteps against a fake clock: each step "takes" the time it is given, and the test
 * records where control was handed back. No real time is measured.
 */
function* timedSteps(clock: { t: number }, durations: readonly number[], ran: number[]): Generator<void, string> {
  for (let i = 0; i < durations.length; i++) {
    clock.t += durations[i];
    ran.push(i);
    if (i < durations.length - 1) yield;
  }
  return 'done';
}

async function blocksOf(durations: readonly number[], budget: number) {
  const clock = { t: 0 };
  const ran: number[] = [];
  const blocks: number[][] = [[]];
  let seen = 0;
  const pause = async () => {
    blocks[blocks.length - 1].push(...ran.slice(seen));
    seen = ran.length;
    blocks.push([]);
  };
  const result = await runInSteps(timedSteps(clock, durations, ran), pause, () => false, budget, () => clock.t);
  blocks[blocks.length - 1].push(...ran.slice(seen));
  return { result, blocks, ran };
}

describe('runInSteps (util/inSteps.ts)', () => {
  it('hands back before a step that the last one foretells would cross the budget', async () => {
    const { blocks, result } = await blocksOf([1, 1, 1, 1, 1, 1, 1], 3);
    assert.deepEqual(result, { value: 'done' });
    // After three 1 ms steps a fourth would make 4 ms.
    assert.deepEqual(blocks, [[0, 1, 2], [3, 4, 5], [6]]);
    // A 2 ms step foretells that the next would make 4 ms: hand back before it (handing back
    // only once the budget was spent ran 0 and 1 together, 4 ms).
    assert.deepEqual((await blocksOf([2, 1, 1, 2, 2], 3)).blocks, [[0], [1, 2, 3], [4]]);
  });

  it('runs a step longer than the budget alone, and always at least one step per block', async () => {
    const { blocks } = await blocksOf([1, 10, 10, 1, 1, 1], 3);
    assert.deepEqual(blocks, [[0, 1], [2], [3, 4, 5]]);
  });

  it('stops when the result is no longer wanted', async () => {
    const clock = { t: 0 };
    const ran: number[] = [];
    let pauses = 0;
    const result = await runInSteps(timedSteps(clock, [2, 2, 2, 2, 2], ran), async () => void pauses++, () => pauses >= 2, 3, () => clock.t);
    assert.equal(result, undefined);
    assert.deepEqual(ran, [0, 1]);
  });

  it('gives what runAtOnce gives, every step run once and in order, for any step lengths', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ min: 0, max: 8, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0.5, max: 6, noNaN: true }), async (durations, budget) => {
        const { result, blocks, ran } = await blocksOf(durations, budget);
        const once = runAtOnce(timedSteps({ t: 0 }, durations, []));
        assert.deepEqual(result, { value: once });
        assert.deepEqual(ran, durations.map((_, i) => i));
        assert.ok(blocks.every((b) => b.length > 0), 'a block without a step');
        // A block of more than one step ends within the budget plus the part of its last step
        // that the step before it did not foretell.
        blocks.forEach((b, k) => {
          const spentAll = b.reduce((s, i) => s + durations[i], 0);
          // Control is handed back only when the next step, as guessed, would cross the budget.
          if (k < blocks.length - 1) assert.ok(spentAll + durations[b[b.length - 1]] > budget, `handed back early after ${b}`);
          if (b.length < 2) return;
          const spent = b.slice(0, -1).reduce((s, i) => s + durations[i], 0);
          const guess = durations[b[b.length - 2]];
          assert.ok(spent + guess <= budget + 1e-9, `block ${b} began a step guessed past the budget`);
        });
      }),
      { numRuns: 500 },
    );
  });
});
