/**
 * The machine's own tail at a given call length. On a virtual machine, a call is now and then
 * held up by something outside the process (measured here: ~0.15–0.3 ms, a few hundred times a
 * second), so the share of calls that meet it grows with how long a call takes. A loop of fixed
 * Map lookups, calibrated to the same median as the code under test and timed the same way, shows
 * the p99 that any code of that length would get on this machine: the floor under a measured p99.
 */
import { median, msBetween } from './stats.js';
import { perCallLatency, type LatencyOptions, type LatencyResult } from './latency.js';

const KEYS = Array.from({ length: 1024 }, (_, i) => `key${(i * 7919) % 1024}`);
const TABLE = new Map(KEYS.map((k, i) => [k, i]));

/** `lookups` Map lookups over a small fixed table: memory traffic like an engine's, the same every time. */
export function fixedLookups(lookups: number): number {
  let sum = 0;
  for (let i = 0; i < lookups; i++) sum += TABLE.get(KEYS[i & 1023] as string) as number;
  return sum;
}

/** The number of lookups whose median time is about `targetMs`. */
export function calibrate(targetMs: number): number {
  const medianOf = (lookups: number) => {
    const times: number[] = [];
    for (let i = 0; i < 301; i++) {
      const t0 = process.hrtime.bigint();
      fixedLookups(lookups);
      times.push(msBetween(t0, process.hrtime.bigint()));
    }
    return median(times);
  };
  let lookups = 64;
  medianOf(lookups); // warm-up: the first timings run in the interpreter
  while (medianOf(lookups) < targetMs / 2 && lookups < 1 << 24) lookups *= 2;
  // Two proportional corrections from the doubling's estimate.
  for (let round = 0; round < 2; round++) lookups = Math.max(1, Math.round((lookups * targetMs) / medianOf(lookups)));
  return lookups;
}

/** The fixed loop at `medianMs`, timed like the code it stands beside (`calls` calls a pass). */
export function noiseFloor(medianMs: number, calls: number, opts: LatencyOptions): LatencyResult & { readonly lookups: number } {
  const lookups = calibrate(medianMs);
  const inputs = Array.from({ length: calls }, () => '');
  return { ...perCallLatency(inputs, () => fixedLookups(lookups), opts), lookups };
}
