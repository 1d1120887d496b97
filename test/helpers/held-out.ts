import { readFileSync } from 'node:fs';
import { z } from 'zod';

const HELD_OUT_FILE = new URL('../fixtures/held-out.json', import.meta.url);

const heldOutSchema = z.strictObject({
  note: z.string(),
  sets: z.array(z.string().regex(/^questions\.[\w-]+\.jsonl$/, 'must name a question set file in test/fixtures')),
});

/**
 * The question sets held out of fitting (test/fixtures/held-out.json): blind sets scored once with
 * the final fit and never tuned on. One list for the fit script, which leaves them out, the bench,
 * which labels them, and the tests.
 */
export function heldOutSets(): readonly string[] {
  return heldOutSchema.parse(JSON.parse(readFileSync(HELD_OUT_FILE, 'utf8'))).sets;
}
