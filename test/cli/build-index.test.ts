import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const knowledgeDir = fileURLToPath(new URL('../../src/knowledge/', import.meta.url));
const FILES = ['facts.json', 'lexicon.json', 'decider.json', 'classifier.json', 'wordnet.json', 'article.txt'];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the bundled knowledge files without prebuilt.json, the fact base edited. */
function copy(editFacts: (text: string) => string = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-index-'));
  dirs.push(dir);
  for (const f of FILES) cpSync(join(knowledgeDir, f), join(dir, f));
  writeFileSync(join(dir, 'facts.json'), editFacts(readFileSync(join(dir, 'facts.json'), 'utf8')));
  return dir;
}

describe('npm run build:index', () => {
  it('GIVEN a fact base without prebuilt.json THEN it writes one, and a second run finds it current', () => {
    const dir = copy();
    const first = runCli('build-index', [dir]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^wrote prebuilt\.json: 41 facts, inputs [0-9a-f]{12}\n$/);
    const written = readFileSync(join(dir, 'prebuilt.json'), 'utf8');
    const second = runCli('build-index', [dir]);
    expect(second.stdout).toMatch(/^prebuilt\.json is current/);
    expect(readFileSync(join(dir, 'prebuilt.json'), 'utf8')).toBe(written);
  });

  it('GIVEN a copy of the bundled files THEN the prebuilt.json it writes is the bundled one', () => {
    const dir = copy();
    expect(runCli('build-index', [dir]).status).toBe(0);
    expect(readFileSync(join(dir, 'prebuilt.json'), 'utf8')).toBe(readFileSync(join(knowledgeDir, 'prebuilt.json'), 'utf8'));
  });

  it('GIVEN a fact citing a sentence the article lacks THEN it exits 1 and writes nothing', () => {
    const dir = copy((t) => t.replace(/"sentences": \[\s*2\s*\]/, '"sentences": [99]'));
    const r = runCli('build-index', [dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^not written: the fact base has \d+ problems? \(npm run knowledge:check lists them\)/);
    expect(existsSync(join(dir, 'prebuilt.json'))).toBe(false);
  });

  it('GIVEN an unknown option or two folders THEN it exits 2 with the usage', () => {
    for (const args of [['--force'], ['a', 'b']]) {
      const r = runCli('build-index', args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('usage: npm run build:index -- [DIR]');
    }
  });

  it('GIVEN a prebuilt.json that is not JSON THEN the bot still reads the fact base, knowledge:check calls it malformed, and build:index replaces it', () => {
    const dir = copy();
    writeFileSync(join(dir, 'prebuilt.json'), '{"format": 1, "inputs": ');
    const r = runCli('knowledge-check', [dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('prebuilt.json is malformed: run npm run build:index');
    expect(runCli('build-index', [dir]).stdout).toMatch(/^wrote prebuilt\.json/);
    expect(readFileSync(join(dir, 'prebuilt.json'), 'utf8')).toBe(readFileSync(join(knowledgeDir, 'prebuilt.json'), 'utf8'));
  });

  it('GIVEN a fact base edited after prebuilt.json was written THEN knowledge:check passes and says the file is stale', () => {
    const dir = copy();
    expect(runCli('build-index', [dir]).status).toBe(0);
    const facts = readFileSync(join(dir, 'facts.json'), 'utf8');
    writeFileSync(join(dir, 'facts.json'), facts.replace('"keywords": [', '"keywords": ["zzz-new-keyword", '));
    const r = runCli('knowledge-check', [dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('prebuilt.json is stale: run npm run build:index');
  });
});
