/**
 * The index's cold build in fresh `node` processes, as at a production start-up: the knowledge
 * module transpiled to plain JavaScript (process.ts's build), files read from disk, every function
 * run for the first time. Each run is its own process, so every one is cold; the prebuilt index
 * (prebuilt.json) and the build from the texts alternate so both see the same machine.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './stats.js';

export interface ColdStarts {
  readonly runs: number;
  /** ms of readKnowledgeFiles() + buildKnowledge(), per run, with prebuilt.json (the default). */
  readonly prebuilt: readonly number[];
  /** The same with prebuilt.json left out: every fact's texts read and the fact base checked. */
  readonly fromTexts: readonly number[];
}

function script(knowledgeIndex: string, usePrebuilt: boolean): string {
  return [
    `const { readKnowledgeFiles, buildKnowledge } = await import(${JSON.stringify(knowledgeIndex)});`,
    'const t0 = process.hrtime.bigint();',
    `const files = readKnowledgeFiles();`,
    `buildKnowledge(${usePrebuilt ? 'files' : '{ ...files, prebuilt: undefined }'});`,
    'process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));',
  ].join('\n');
}

/** `runs` cold builds of each kind, alternating, in fresh processes over the build in `buildDir`. */
export function measureColdStarts(buildDir: string, runs: number): ColdStarts {
  const index = pathToFileURL(join(buildDir, 'src', 'knowledge', 'index.js')).href;
  const once = (usePrebuilt: boolean) => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script(index, usePrebuilt)], { encoding: 'utf8' }));
  const prebuilt: number[] = [];
  const fromTexts: number[] = [];
  for (let i = 0; i < runs; i++) {
    prebuilt.push(once(true));
    fromTexts.push(once(false));
  }
  return { runs, prebuilt, fromTexts };
}

export function describeColdStarts(c: ColdStarts): string {
  const fmt = (xs: readonly number[]) => `${median([...xs]).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
  return `prebuilt ${fmt(c.prebuilt)} · from the texts ${fmt(c.fromTexts)} ms`;
}
