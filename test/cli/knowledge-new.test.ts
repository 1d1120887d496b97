import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const harbour = 'test/fixtures/second-document/harbour-2021.txt';

const run = (args: string[]) => runCli('knowledge-new', args);

describe('npm run knowledge:new', () => {
  it('GIVEN an article file THEN stdout is the draft JSON only (id and year from the file name), the guidance on stderr', () => {
    const r = run(['--', harbour]);
    expect(r.status).toBe(0);
    const draft = JSON.parse(r.stdout) as { documents: unknown[]; facts: Array<{ id: string }>; sentences: Record<string, string> };
    expect(draft.documents).toEqual([{ id: 'harbour-2021', file: 'harbour-2021.txt', year: 2021, aliases: {} }]);
    expect(draft.facts).toHaveLength(7);
    expect(Object.keys(draft.sentences)).toHaveLength(7);
    expect(r.stderr).toContain('docs/curating.md');
  });

  it('GIVEN --id, --year and --out THEN the draft goes to the file with those values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-new-'));
    try {
      const out = join(dir, 'draft.json');
      const r = run([harbour, '--id', 'port-elwen', '--year', '2020', '--out', out]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      const draft = JSON.parse(readFileSync(out, 'utf8')) as { documents: Array<{ id: string; year: number }>; facts: Array<{ id: string }> };
      expect(draft.documents[0]).toMatchObject({ id: 'port-elwen', year: 2020 });
      expect(draft.facts[0]?.id).toBe('port-elwen-1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN a file name without a year and no --year THEN it asks for one (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-new-'));
    try {
      const file = join(dir, 'story.txt');
      writeFileSync(file, 'Headline\n\nOne paragraph.\n\nAuthor\n');
      const r = run([file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--year YYYY');
      expect(run([file, '--year', '1999']).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([[[]], [[harbour, '--id']], [[harbour, '--bogus']], [[harbour, harbour]]])('GIVEN bad arguments %j THEN usage and exit 2', (args) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run --silent knowledge:new');
  });

  it('GIVEN a file that does not exist THEN exit 1 naming it', () => {
    const r = run(['no/such-2021.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no/such-2021.txt: cannot be read');
  });
});
