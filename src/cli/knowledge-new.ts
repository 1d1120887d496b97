/**
 * `npm run knowledge:new -- path/to/article.txt [--id ID] [--year YYYY] [--out FILE]`: the draft of
 * a new document for the fact base (see src/knowledge/draft.ts and docs/curating.md), on stdout or
 * in FILE. The article file must be laid out as the bot reads it: headline, blank line, paragraphs
 * separated by blank lines, blank line, byline.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { KnowledgeError } from '../knowledge/errors.js';
import { draftDocument, idFromFileName } from '../knowledge/draft.js';

const USAGE = 'usage: npm run --silent knowledge:new -- path/to/article.txt [--id ID] [--year YYYY] [--out FILE]';

function main(argv: readonly string[]): number {
  const args = argv.filter((a) => a !== '--');
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const valued = new Set(['--id', '--year', '--out']);
  const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  const unknown = args.filter((a) => a.startsWith('--') && !valued.has(a));
  const missingValue = [...valued].some((name) => args.includes(name) && (option(name) ?? '--').startsWith('--'));
  if (positional.length !== 1 || unknown.length > 0 || missingValue) {
    console.error(USAGE);
    return 2;
  }
  const path = positional[0] as string;
  const file = basename(path);
  const yearText = option('--year') ?? /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(file)?.[1];
  if (yearText === undefined) {
    console.error(`no year in the file name "${file}": give the year of the events it reports with --year YYYY\n${USAGE}`);
    return 2;
  }
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    console.error(`${path}: cannot be read (${(err as Error).message})`);
    return 1;
  }
  try {
    const draft = draftDocument(raw, { id: option('--id') ?? idFromFileName(file), file, year: Number(yearText) });
    const json = `${JSON.stringify(draft, null, 2)}\n`;
    const out = option('--out');
    if (out === undefined) process.stdout.write(json);
    else writeFileSync(out, json);
    console.error(
      `draft of "${draft.documents[0]?.id}": ${draft.facts.length} sentences, one skeleton fact each. ` +
        'Write each answer, keywords and questions (merge or delete facts as you see fit), append documents, topics and facts ' +
        `to src/knowledge/facts.json, copy ${file} into src/knowledge/, then run npm run knowledge:check (see docs/curating.md).`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    console.error(err.message);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
