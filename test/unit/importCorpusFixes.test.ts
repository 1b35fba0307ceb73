import { strict as assert } from 'node:assert';
import { model } from '../helpers.js';

// Fixes to the judgement model found by checking the published archive (docs/corpus-results.md).
describe('judgements: what the published archive taught', () => {
  it('grades quoted from a previous inspection are not statements of this report', () => {
    const text = [
      '---', 'framework: ofsted-sif-2013', '---', '',
      '| Judgement | Grade |', '| --- | --- |', '| Children who need help and protection | Requires improvement |', '',
      '## Previous Ofsted inspections', '',
      '- The last inspection report was published in December 2015. The judgements were:', '',
      '| Judgement | Grade |', '| --- | --- |', '| Children who need help and protection | Inadequate |', '',
      '- The overall effectiveness of the local authority is inadequate.', '',
    ].join('\n');
    const m = model(text);
    assert.deepEqual(m.judgements.map((j) => `${j.area}=${j.grade}`), ['help-and-protection=requires-improvement']);
  });
  it('a past-tense sentence reports an earlier judgement, not this report\'s', () => {
    const m = model('---\nframework: ofsted-sif-2013\n---\n\nThe overall effectiveness of the local authority was judged to be inadequate.\n');
    assert.deepEqual(m.judgements, []);
    const now = model('---\nframework: ofsted-sif-2013\n---\n\nThe overall effectiveness of the local authority is judged to be good.\n');
    assert.deepEqual(now.judgements.map((j) => j.grade), ['good']);
  });
});
