import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** Runs the ask CLI the way `npm run --silent ask -- ...` does, with no .env and a bare environment. */
function ask(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [tsx, 'src/cli/ask.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const KEYS = ['answer', 'answered', 'confidence', 'more', 'question', 'quotes', 'related', 'suggestions'];

describe('ask CLI', () => {
  it('GIVEN a question THEN it prints the answer and the quoted sentence', () => {
    const r = ask(['Who are the guarantor countries?']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Iran, Turkey and the Russian Federation');
    expect(r.stdout).toContain('(sentence 2)');
    expect(r.stdout).toContain('Vanessa Coleman');
  });

  it('GIVEN --json and questions on stdin THEN exactly one JSON object per line, in order, with the contract keys only', () => {
    const questions = ['Who are the guarantor countries?', '', 'What is the capital of France?', '@everyone 🕊️ ' + 'x'.repeat(10_000)];
    const r = ask(['--json'], questions.join('\n') + '\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(questions.length);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    parsed.forEach((p, i) => {
      expect(Object.keys(p).sort()).toEqual(KEYS);
      expect(p.question).toBe(questions[i]);
    });
    expect(parsed[0]).toMatchObject({ answered: true, quotes: [{ sentence: 2 }] });
    expect(parsed[2]).toMatchObject({ answered: false, answer: null, quotes: [] });
    const first = parsed[0] as { quotes: Array<Record<string, unknown>>; related: Array<Record<string, unknown>> };
    expect(Object.keys(first.quotes[0] ?? {}).sort()).toEqual(['sentence', 'text']);
    for (const rel of first.related) expect(Object.keys(rel).sort()).toEqual(['answer', 'id']);
  });

  it('GIVEN --json with a question argument THEN one JSON line and nothing else on stdout', () => {
    const r = ask(['--json', 'How many people live in Idlib?']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ answered: true, quotes: [{ sentence: 6 }] });
  });

  it('GIVEN Windows line endings on stdin THEN the questions come back without the carriage return', () => {
    const r = ask(['--json'], 'Who wrote the article?\r\nqwertyuiop\r\n');
    const parsed = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { question: string; answered: boolean });
    expect(parsed.map((p) => p.question)).toEqual(['Who wrote the article?', 'qwertyuiop']);
    expect(parsed.map((p) => p.answered)).toEqual([true, false]);
  });
});
