// The README's quick-start sample is the program's real output: the `$ npm run --silent ask -- "…"`
// block under "Quick start" must be exactly what the ask CLI prints for that question.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const readme = readFileSync(new URL('README.md', `file://${ROOT}`), 'utf8');

/** The sample: the question after `$ npm run --silent ask -- ` and the lines printed below it. */
function quickStartSample(text: string): { question: string; output: string } | undefined {
  const section = text.split(/^## Quick start.*$/m)[1]?.split(/^## /m)[0] ?? '';
  for (const block of section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    const [first, ...rest] = (block[2] ?? '').split('\n');
    const m = /^\$ npm run --silent ask -- "(.+)"$/.exec(first ?? '');
    if (m) return { question: m[1] as string, output: rest.join('\n') };
  }
  return undefined;
}

describe('README quick start', () => {
  it('shows a sample run of npm run ask', () => {
    expect(quickStartSample(readme)?.question).toBeTruthy();
  });

  it('the sample output is exactly what npm run ask prints for its question', () => {
    const sample = quickStartSample(readme);
    if (!sample) throw new Error('no quick-start sample in README.md');
    const run = spawnSync(process.execPath, [TSX, 'src/cli/ask.ts', sample.question], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(sample.output.trimEnd()).toBe(run.stdout.trimEnd());
  });

  it('the sample parser finds a changed line (the check can fail)', () => {
    const sample = quickStartSample(readme);
    const altered = readme.replace(/^Confidence: [\d.]+$/m, 'Confidence: 0.50');
    expect(quickStartSample(altered)?.output).not.toBe(sample?.output);
  });
});
