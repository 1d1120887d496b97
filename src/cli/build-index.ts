/**
 * `npm run build:index [-- DIR]`: saves the index's analysis of the fact base (by default the
 * bundled one) as prebuilt.json, so the bot starts without reading every fact's texts. The fact
 * base is checked in full first; nothing is written if it has a problem. Run it after changing
 * facts.json, the lexicon, WordNet's tables or an article: until then the bot builds the index
 * from the texts at start-up (correct, only slower), and `npm test` says the file is stale. Run it
 * after `npm run fit:decider` too: the file records the models' digest, so a start-up with them
 * skips their schemas.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { KNOWLEDGE_DIR, KnowledgeError, prebuildIndex, readKnowledgeFiles } from '../knowledge/index.js';

function main(argv: readonly string[]): number {
  const args = argv.filter((a) => a !== '--');
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown !== undefined || args.length > 1) {
    console.error(`${unknown === undefined ? 'at most one folder' : `unknown option ${unknown}`}\nusage: npm run build:index -- [DIR]`);
    return 2;
  }
  const dir = args[0] === undefined ? KNOWLEDGE_DIR : pathToFileURL(args[0].endsWith('/') ? args[0] : `${args[0]}/`);
  try {
    const file = prebuildIndex(readKnowledgeFiles(dir));
    const path = new URL('prebuilt.json', dir);
    const text = `${JSON.stringify(file)}\n`;
    let before: string | null = null;
    try {
      before = readFileSync(path, 'utf8');
    } catch {
      // No prebuilt index yet.
    }
    if (before !== text) writeFileSync(path, text);
    console.log(`${before === text ? 'prebuilt.json is current' : 'wrote prebuilt.json'}: ${file.analysis.facts.length} facts, inputs ${file.inputs.slice(0, 12)}`);
    return 0;
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    console.error(`not written: the fact base has ${err.problems.length} problem${err.problems.length === 1 ? '' : 's'} (npm run knowledge:check lists them)`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
