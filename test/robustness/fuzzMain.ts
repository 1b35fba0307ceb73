import { fuzzProtocol, fuzzService } from './fuzz.js';

/*
 * `npm run fuzz [-- minutes] [seed]`: the long fuzz run (default 10 minutes in-process and
 * 10 over the protocol, from a random seed). Prints the seed so a failure can be replayed
 * with FUZZ_SEED=<seed> npx mocha test/robustness/fuzz.test.ts. Build first (npm run build).
 */
const minutes = Number(process.argv[2] ?? 10);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 1e9));
const budget = minutes * 60_000;
const log = (s: string) => console.log(s);

console.log(`fuzz: ${minutes} min in-process + ${minutes} min over the protocol, first seed ${seed}`);
try {
  const service = fuzzService(budget, seed, log);
  console.log(`in-process: ${service.cases} cases, ${Math.round(service.bytes / 1024)} KB, ${JSON.stringify(service.sources)}`);
  const protocol = await fuzzProtocol(budget, seed, log);
  console.log(`protocol: ${protocol.cases} documents, ${protocol.requests} requests, ${JSON.stringify(protocol.sources)}`);
  console.log('fuzz: no failures');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
