import fc from 'fast-check';
import { isWellFormed } from '../helpers/unicode.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { isVerbatim } from '../helpers/sources.js';


/** Runs the ask CLI the way `npm run --silent ask -- ...` does, with no .env and a bare environment. */
const ask = (args: string[], input?: string) => runCli('ask', args, input);

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
    for (const q of (parsed[0] as { quotes: Array<{ text: string }> }).quotes) expect(isVerbatim('astana-2017', q.text)).toBe(true);
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

  it('GIVEN a message with line breaks sent as one JSON string THEN one answer for the whole message, echoing it decoded', () => {
    const message = 'long day of baking, forearms are dead\nanyway who are the guarantor countries?';
    const r = ask(['--json'], `${JSON.stringify(message)}\n"not" one "JSON" string\n`);
    const parsed = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { question: string; answered: boolean; quotes: Array<{ sentence: number }> });
    expect(parsed.map((p) => p.question)).toEqual([message, '"not" one "JSON" string']);
    expect(parsed[0]).toMatchObject({ answered: true, quotes: [{ sentence: 2 }] });
  });

  it('GIVEN a lone "\r" inside a line THEN it stays part of that line: two lines in, two objects out, in order', () => {
    const r = ask(['--json'], 'Who are\rthe guarantor countries?\nHow many people live in Idlib?\n');
    const parsed = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { question: string });
    expect(parsed.map((p) => p.question)).toEqual(['Who are\rthe guarantor countries?', 'How many people live in Idlib?']);
  });

  it('GIVEN U+2028, U+2029 and U+0085 in a question THEN they are escaped and the answer is one line', () => {
    const q = 'Who\u2028are the\u2029guarantor\u0085countries?';
    const r = ask(['--json'], `${q}\n`);
    expect(r.stdout).toContain('"question":"Who\\u2028are the\\u2029guarantor\\u0085countries?"');
    expect(r.stdout.split(/\r\n|[\n\r\u0085\u2028\u2029]/)).toEqual([expect.any(String), '']);
    expect((JSON.parse(r.stdout) as { question: string }).question).toBe(q);
  });

  it('GIVEN generated lines of any Unicode, controls and size THEN exactly one parsable line per input line, in order, quotes verbatim', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3_000 })).map(([s, n]) => s.repeat(n)),
      fc.constantFrom('Who are the guarantor countries?', 'How many rounds?', '\r', '\u2028', '\u0085', '\u001b[31mred', ''),
    );
    // Well-formed (stdin is UTF-8) and without "\n" (the separator); a "\r" may end a line, so "\r\n" is tested too.
    const lines = fc.sample(line, { numRuns: 250, seed: 10 }).map((l) => l.replace(/\n/g, ' ')).filter((l) => isWellFormed(l) && !l.endsWith('\r'));
    const input = lines.map((l, i) => `${l}${i % 3 === 0 ? '\r\n' : '\n'}`).join('');
    const started = performance.now();
    const r = ask(['--json'], input);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out.pop()).toBe('');
    expect(out).toHaveLength(lines.length);
    out.forEach((o, i) => {
      expect(o).not.toMatch(/[\r\u0085\u2028\u2029]/);
      const p = JSON.parse(o) as { question: string; quotes: Array<{ text: string }> };
      expect(p.question).toBe(lines[i]);
      for (const q of p.quotes) expect(isVerbatim('astana-2017', q.text)).toBe(true);
    });
  });
});
