import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const knowledgeDir = fileURLToPath(new URL('../../src/knowledge/', import.meta.url));

const check = (args: string[]) => runCli('knowledge-check', args);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the bundled knowledge files with the article edited. */
function copyWithArticle(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-check-'));
  dirs.push(dir);
  for (const f of ['facts.json', 'lexicon.json', 'decider.json', 'wordnet.json', 'article.txt']) cpSync(join(knowledgeDir, f), join(dir, f));
  const text = readFileSync(join(dir, 'article.txt'), 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(join(dir, 'article.txt'), edited);
  return dir;
}

const named = (stderr: string) => [...new Set([...stderr.matchAll(/^ {2}- fact "([^"]+)"/gm)].map((m) => m[1]))].sort();

describe('npm run knowledge:check', () => {
  it('GIVEN the bundled fact base THEN it exits 0 and says what it checked', () => {
    const r = check([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('19/19 sentences of "astana-2017" covered; every cited sentence reads as stamped, every answer agrees with its quotes');
  });

  it('GIVEN "five rounds" changed to "six rounds" in the article THEN it exits 1 naming every fact citing sentence 2', () => {
    const dir = copyWithArticle((t) => t.replace('five rounds', 'six rounds'));
    const r = check([dir]);
    expect(r.status).toBe(1);
    expect(named(r.stderr)).toEqual(['conflict-length', 'geneva-purpose', 'guarantors', 'parties', 'rounds', 'start', 'supplement-geneva', 'venue']);
    expect(r.stderr).toContain('fact "rounds": field "answer": number "Five" does not occur in its cited sentence 2');
  });

  it('GIVEN an edited sentence THEN --accept re-stamps only the named facts, and --accept-all the rest, touching only their stamps', () => {
    const dir = copyWithArticle((t) => t.replace('to broader talks', 'to wider talks'));
    const before = readFileSync(join(dir, 'facts.json'), 'utf8');
    expect(named(check([dir]).stderr)).toEqual(['de-mistura-call', 'de-mistura-role']);

    const one = check(['--', dir, '--accept', 'de-mistura-role']);
    expect(one.stdout).toContain('re-stamped 1 fact(s): de-mistura-role');
    expect(one.status).toBe(1);
    expect(named(one.stderr)).toEqual(['de-mistura-call']);

    const all = check([dir, '--accept-all']);
    expect(all.stdout).toContain('re-stamped 1 fact(s): de-mistura-call');
    expect(all.status).toBe(0);
    const after = readFileSync(join(dir, 'facts.json'), 'utf8');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toHaveLength(2);
    for (const line of changed) expect(line).toMatch(/^ {6}"stamp": "[0-9a-f]{12}",$/);
  });

  it('GIVEN an unknown id to accept THEN nothing is written and it exits 1', () => {
    const dir = copyWithArticle((t) => t.replace('to broader talks', 'to wider talks'));
    const before = readFileSync(join(dir, 'facts.json'), 'utf8');
    const r = check([dir, '--accept', 'no-such-fact']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--accept no-such-fact: no fact has this id');
    expect(readFileSync(join(dir, 'facts.json'), 'utf8')).toBe(before);
  });

  it.each([[['--accept']], [['--accept-all', '--accept', 'x']], [['--frobnicate']]])('GIVEN bad arguments %j THEN usage and exit 2', (args) => {
    const r = check(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run knowledge:check');
  });
});
