import fc from 'fast-check';

/*
 * Seeds of the property tests. Each run draws a new seed, so every `npm test` explores new
 * cases; a failure says which seed to replay: PROPERTY_SEED=<seed> npx mocha <file>.
 * PROPERTY_SEED=<n> fixes the seed (a replay, or a deterministic run).
 */
const fixed = process.env.PROPERTY_SEED;
if (fixed !== undefined && fixed !== 'random' && !Number.isInteger(Number(fixed))) throw new Error(`PROPERTY_SEED must be an integer or "random", not ${JSON.stringify(fixed)}`);

/** The seed for one property: PROPERTY_SEED if set to a number, else a new random one. */
export function propertySeed(): number {
  return fixed !== undefined && fixed !== 'random' ? Number(fixed) : (Math.random() * 2 ** 31) | 0;
}

/** fc.assert with a seed from propertySeed(); a failure's message starts with how to replay it. */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  const seed = propertySeed();
  try {
    fc.assert(property, { ...params, seed });
  } catch (error) {
    if (error instanceof Error) error.message = `Replay with PROPERTY_SEED=${seed}\n${error.message}`;
    throw error;
  }
}
