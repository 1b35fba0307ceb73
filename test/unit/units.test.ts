import * as assert from 'node:assert/strict';
import { memo, remembered, unitCache } from '../../server/src/model/units.js';

describe('unit caches (model/units.ts memo)', () => {
  it('computes once per unit and context, an undefined answer included', () => {
    const cache = unitCache<string | undefined>();
    const unit = {};
    let calls = 0;
    const none = () => { calls++; return undefined; };
    assert.equal(memo(cache, unit, 'p', 1, none), undefined);
    assert.equal(memo(cache, unit, 'p', 1, none), undefined);
    assert.equal(calls, 1, 'a block with no phrase is not searched again while unchanged');
    memo(cache, unit, 'other profile', 1, none);
    memo(cache, unit, 'other profile', 2, none);
    assert.equal(calls, 3, 'a new context computes again');
  });

  it('keeps one answer per unit, and computes without a unit every time', () => {
    const cache = unitCache<number>();
    const a = {};
    const b = {};
    let calls = 0;
    const count = () => ++calls;
    assert.equal(memo(cache, a, 0, 0, count), 1);
    assert.equal(memo(cache, b, 0, 0, count), 2);
    assert.equal(memo(cache, a, 0, 0, count), 1);
    assert.equal(remembered(cache, b, 0, 0), 2);
    assert.equal(remembered(cache, b, 1, 0), undefined);
    assert.equal(memo(cache, undefined, 0, 0, count), 3);
    assert.equal(memo(cache, undefined, 0, 0, count), 4);
  });
});
