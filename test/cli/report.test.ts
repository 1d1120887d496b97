import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildReport, formatReport, normalizeQuestion, parseLogLine } from '../../src/ops/report.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/bot-log.jsonl', import.meta.url));
const lines = readFileSync(FIXTURE, 'utf8').split('\n');

/** Runs the report CLI the way `npm run --silent report -- ...` does. */
const report = (args: string[], input?: string) => runCli('report', args, input);

describe('curator report', () => {
  const facts = new Map([
    ['guarantors', 'Who are the guarantor countries?'],
    ['venue', 'Where are the peace talks held?'],
    ['rounds', 'How many rounds of talks have been held?'],
  ]);
  const r = buildReport(lines, { factQuestions: facts });

  it('GIVEN a log with junk lines THEN counts them as skipped and reads every event line, prefixed ones included', () => {
    // 22 JSON lines, a blank one (not counted), 5 junk (npm chatter, a cut-off line, an array, a string), 2 more JSON lines.
    expect(r.lines).toBe(29);
    expect(r.skipped).toBe(5);
    expect(r.from).toBe('2026-01-01T00:00:00.000Z');
    expect(r.answered).toBe(7); // the docker-prefixed line counts; the one without factId does not
    expect(r.abstained).toBe(6);
    expect(r.votes).toEqual({ up: 2, down: 4 });
  });

  it('GIVEN answered events THEN lists the most asked facts first, with their question and votes', () => {
    expect(r.mostAsked).toEqual([
      { factId: 'guarantors', question: 'Who are the guarantor countries?', asked: 3, up: 1, down: 0 },
      { factId: 'rounds', question: 'How many rounds of talks have been held?', asked: 2, up: 0, down: 2 },
      { factId: 'venue', question: 'Where are the peace talks held?', asked: 2, up: 1, down: 1 },
    ]);
  });

  it('GIVEN abstentions THEN groups the same question however it was typed, most frequent first', () => {
    expect(r.unanswered).toEqual([
      { question: 'How many refugees have left Syria?', count: 3 },
      { question: 'What is the capital of France?', count: 2 },
      { question: 'Who is the UN envoy now?', count: 1 },
    ]);
    expect(normalizeQuestion('  “What is IT??” ')).toBe('what is it');
  });

  it('GIVEN votes THEN lists down-voted facts with up/down counts, unknown ids flagged, invalid votes ignored', () => {
    expect(r.downVoted.map((f) => [f.factId, f.down, f.up])).toEqual([
      ['rounds', 2, 0],
      ['retired-fact', 1, 0],
      ['venue', 1, 1],
    ]);
    const text = formatReport(r);
    expect(text).toContain('(not in the fact base)');
    expect(text).toMatch(/Questions: 7 answered, 6 not answered \(46\.2% unanswered\)\. Feedback: 2 👍, 4 👎\./);
  });

  it('GIVEN votes with voter hashes THEN one vote per voter and fact counts, the last one winning; votes without a voter count each', () => {
    const vote = (factId: string, v: string, voter?: string) => JSON.stringify({ event: 'feedback', factId, vote: v, ...(voter ? { voter } : {}) });
    const r = buildReport([
      vote('guarantors', 'up', 'aaa'),
      vote('guarantors', 'down', 'aaa'), // changed their mind: 👎 replaces 👍
      vote('guarantors', 'down', 'aaa'), // a repeat after a restart: still one vote
      vote('guarantors', 'up', 'bbb'),
      vote('zones', 'down', 'aaa'), // the same person on another fact counts separately
      vote('zones', 'up'),
      vote('zones', 'up'),
    ]);
    expect(r.votes).toEqual({ up: 3, down: 2 });
    expect(r.downVoted.map((f) => [f.factId, f.down, f.up])).toEqual([
      ['guarantors', 1, 1],
      ['zones', 1, 2],
    ]);
  });

  it('GIVEN --top THEN lists are cut; parseLogLine tolerates prefixes and rejects non-objects', () => {
    expect(buildReport(lines, { top: 1 }).unanswered).toHaveLength(1);
    expect(parseLogLine('bot-1  | {"a":1}')).toEqual({ a: 1 });
    expect(parseLogLine('[1]')).toBeNull();
    expect(parseLogLine('{"cut')).toBeNull();
  });

  it('GIVEN the CLI with a log file THEN prints the three sections with the fact base questions', () => {
    const out = report(['--', FIXTURE]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Curator report: 29 log lines (5 not JSON, skipped), 2026-01-01T00:00:00.000Z to 2026-01-01T00:05:20.000Z');
    const sections = ['Most asked facts', 'Most frequent unanswered questions', 'Down-voted facts'];
    const at = sections.map((s) => out.stdout.indexOf(s));
    expect(at.every((i, k) => i >= 0 && (k === 0 || i > (at[k - 1] ?? 0)))).toBe(true);
    expect(out.stdout).toMatch(/^ +3 +1 +0 +guarantors +Who are the guarantor countries\?$/m);
    expect(out.stdout).toMatch(/^ +3 +How many refugees have left Syria\?$/m);
    expect(out.stdout).toMatch(/^ +2 +0 +2 +rounds +How many rounds of talks have been held\?$/m);
  });

  it('GIVEN --json and the log on stdin THEN prints the report as JSON', () => {
    const out = report(['--json', '--top', '2'], lines.join('\n'));
    expect(out.status).toBe(0);
    const parsed = JSON.parse(out.stdout) as { answered: number; unanswered: unknown[]; mostAsked: { question: string }[] };
    expect(parsed.answered).toBe(7);
    expect(parsed.unanswered).toHaveLength(2);
    expect(parsed.mostAsked[0]?.question).toBe('Who are the guarantor countries?');
  });

  it('GIVEN a missing file or a bad option THEN one line on stderr and a non-zero exit', () => {
    const missing = report(['no-such.log']);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('No such log file: no-such.log');
    const bad = report(['--top', 'x', FIXTURE]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--top needs a positive whole number');
  });
});
