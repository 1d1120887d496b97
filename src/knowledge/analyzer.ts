import type { LexiconFile } from './schema.js';
import { stem, words } from './text.js';
import { MAX_TYPO_WORD, TypoCorrector } from './typos.js';
import { PhoneticNames } from './phonetic.js';
import { AliasRules } from './aliases.js';
import { NAME_INSIDE, NAME_OPENING, baseForms, chatSpellings, stemsOf } from './word-forms.js';

import { intentsOf } from './intents.js';
import type { Intent } from './intents.js';
import type { Analysis, WordNetTables } from './analysis.js';
import { vocabularyOf } from './index-analysis.js';
import type { Vocabulary } from './index-analysis.js';

export type { Intent } from './intents.js';
export type { Analysis, WordNetTables } from './analysis.js';

/** The most words a dictated name is heard as ("jab hat al"). */
const MAX_SPLIT = 3;

const NO_WORDNET: WordNetTables = { english: null, synonyms: new Map() };

/**
 * Turns text into comparable terms: aliases ("Russian Federation" → "russia", "safe zone" →
 * "deescalation zone") first, then stop-words out, then stemming. Misspelt words are corrected
 * against the vocabulary with fuse.js before aliasing, so "de Mistra" still reaches "mistura".
 */
export class Analyzer {
  private readonly aliases: AliasRules;
  private readonly stopwords: ReadonlySet<string>;
  private readonly respellings: ReadonlyMap<string, string>;
  private readonly smalltalk: ReadonlySet<string>;
  private readonly known = new Set<string>();
  /** An inflection of a known word ("replacement" of "replace") is not a typo. */
  private readonly knownStems = new Set<string>();
  private readonly typos = new TypoCorrector();
  /** The fact base's names by sound, for names misspelt as they sound ("sirya"). */
  private readonly phonetic = new PhoneticNames();
  private readonly corrections = new Map<string, string | null>();
  private readonly joins = new Map<string, string | null>();
  private readonly wordnet: WordNetTables;

  constructor(lexicon: LexiconFile, wordnet: WordNetTables = NO_WORDNET) {
    this.wordnet = wordnet;
    // One-word stop-words are dropped after aliasing; stop phrases ("tell me", "going to") are
    // aliases of nothing, so they are removed before a word of theirs can match anything else.
    const single = lexicon.stopwords.filter((w) => words(w).length === 1);
    const phrases = lexicon.stopwords.filter((w) => words(w).length > 1);
    this.stopwords = new Set(single.flatMap((w) => words(w)));
    this.respellings = new Map(Object.entries(lexicon.respellings));
    this.smalltalk = new Set(lexicon.smalltalk.flatMap((w) => words(w, true)));
    this.aliases = new AliasRules([...lexicon.aliases, ...phrases.map((p) => ({ canonical: '', variants: [p] }))], this.stopwords);
    for (const w of this.aliases.words) this.known.add(w);
    for (const w of this.stopwords) this.known.add(w);
  }

  /** Declares the words of the indexed texts, so only genuinely unknown words are fuzzy-corrected. */
  learn(texts: Iterable<string>): void {
    this.learnVocabulary(vocabularyOf(texts));
  }

  /** As `learn`, from a vocabulary already read off the texts (a prebuilt index carries one). */
  learnVocabulary({ words: textWords, names }: Vocabulary): void {
    for (const w of textWords) this.known.add(w);
    for (const w of this.known) this.knownStems.add(stem(w));
    // Stop-words stay in: "abuot" or "takin" corrected to a stop-word is then simply dropped.
    this.typos.learn(this.known);
    // Common English words written capitalised ("Turkey", "However") are not names to guess by
    // sound: a misspelling of one is fuse's. WordNet's names ("syria") are.
    const { english, names: properNames } = this.wordnet;
    this.phonetic.learn(names.filter((w) => !this.stopwords.has(w) && (english === null || !english.has(w) || (properNames?.has(w) ?? false))));
    this.corrections.clear();
    this.joins.clear();
  }

  analyze(text: string, options: { correct?: boolean } = {}): Analysis {
    const corrections: Array<readonly [string, string]> = [];
    const raw = options.correct === false ? this.written(text) : this.joinedNames(this.written(text), text, corrections);
    const synonymous = new Set<string>();
    /** Positions holding a WordNet synonym rather than the word written there. */
    const substituted = new Set<number>();
    const ws = options.correct === false ? raw : raw.map((w, at) => {
      const synonym = this.synonymOf(w);
      if (synonym !== null) {
        synonymous.add(stem(synonym));
        substituted.add(at);
        return synonym;
      }
      const fixed = this.correct(w);
      if (fixed !== w) corrections.push([w, fixed]);
      return fixed;
    });
    const derived = new Set<string>();
    const terms = this.aliases.termsOf(ws, { substituted, derived });
    const intents = intentsOf(raw);
    // Both name patterns need a capital: chat typed in lower case has none to look for.
    const caseless = !/\p{Lu}/u.test(text);
    return {
      terms,
      intents,
      corrections,
      names: caseless ? new Set() : stemsOf(text, NAME_INSIDE),
      openers: caseless ? new Set() : stemsOf(text, NAME_OPENING),
      caseless,
      // "Thanks!" is chatter; "who did they thank?" asks something (a wh-word), so it is not.
      smalltalk: intents.every((i) => i === 'yesno') && raw.some((w) => this.smalltalk.has(w)) && raw.every((w) => this.smalltalk.has(w) || this.stopwords.has(w)),
      synonymous,
      derived,
      foreign: new Set(ws.filter((w) => !this.known.has(w) && this.isForeign(w)).map(stem)),
    };
  }

  /**
   * What the index reads of its own texts: their terms, uncorrected, as `analyze(text, { correct:
   * false }).terms`. The rest of an analysis (names, openers, chatter, foreign words) is only ever
   * read of questions; working it out for every fact text was about a third of a cold build's
   * analysis time.
   */
  indexTerms(text: string): readonly string[] {
    return this.aliases.termsOf(this.written(text));
  }

  /** What a text asks for ("how many" → count), as `analyze(text).intents`. */
  intentsIn(text: string): readonly Intent[] {
    return intentsOf(this.written(text));
  }

  /**
   * A name dictated and heard as several words ("idle ib", "jab hat", "nazar by ev"), joined back
   * when together they are or sound like one of the fact base's names (PhoneticNames' rules). A span
   * that starts or ends with a stop-word, holds a word of the fact base's own ("hama clashes") or
   * was written hyphenated ("Nur-Sultan", the city) is never joined.
   */
  private joinedNames(ws: string[], text: string, corrections: Array<readonly [string, string]>): string[] {
    if (ws.length < 2) return ws;
    // Copied only once a name is found: most questions have none, and pay for no new array.
    let out: string[] | null = null;
    for (let i = 0; i < ws.length; ) {
      const span = this.nameSpan(ws, i, text);
      if (span === null) {
        out?.push(ws[i] as string);
        i++;
        continue;
      }
      out ??= ws.slice(0, i);
      out.push(span.name);
      corrections.push([ws.slice(i, i + span.words).join(' '), span.name]);
      i += span.words;
    }
    return out ?? ws;
  }

  /** The name the words from `at` on were heard as, and how many words it took; null when none. */
  private nameSpan(ws: readonly string[], at: number, text: string): { name: string; words: number } | null {
    const first = ws[at] as string;
    // Stop-words are known words too: neither a stop-word nor a fact-base word opens a span.
    if (this.known.has(first)) return null;
    for (let n = Math.min(MAX_SPLIT, ws.length - at); n >= 2; n--) {
      // Nor closes one; a stop-word may sit inside it ("nazar by ev"), a fact-base word may not.
      if (this.known.has(ws[at + n - 1] as string)) continue;
      let joined = first;
      let k = 1;
      for (; k < n; k++) {
        const w = ws[at + k] as string;
        if (this.known.has(w) && !this.stopwords.has(w)) break;
        joined += w;
      }
      if (k < n || !this.phonetic.mayBeName(joined)) continue;
      const name = this.joinedName(joined);
      if (name !== null && !text.toLowerCase().includes(ws.slice(at, at + n).join('-'))) return { name, words: n };
    }
    return null;
  }

  /** The name a joined span is or sounds like; cached, as corrections are, since chat repeats itself. */
  private joinedName(joined: string): string | null {
    const cached = this.joins.get(joined);
    if (cached !== undefined) return cached;
    const name = this.phonetic.has(joined) ? joined : this.phonetic.closest(joined);
    if (this.joins.size > 10_000) this.joins.clear();
    this.joins.set(joined, name);
    return name;
  }

  /** The text's words as written, stretched words cut back and chat spellings respelt. */
  private written(text: string): string[] {
    const out: string[] = [];
    for (const written of words(text, true)) {
      const w = this.spelledOut(written);
      const respelt = this.respellings.get(w);
      if (respelt !== undefined) out.push(...words(respelt));
      else if (w.length > 1 || /\d/.test(w)) out.push(w);
    }
    return out;
  }

  /**
   * A chat spelling as the word it stands for: a letter held down ("hiii", "sooo", "whyyy") or a
   * final "g" dropped ("talkin", "mornin"), read as the first of its readings (chatSpellings) that
   * is a word the lexicon, the fact base or English knows, unless it is such a word as written
   * ("within", "cabin"). Anything else stays as written.
   */
  private spelledOut(word: string): string {
    const readings = chatSpellings(word);
    if (readings.length === 0 || this.isWord(word)) return word;
    return readings.find((r) => this.isWord(r)) ?? word;
  }

  private isWord(word: string): boolean {
    return this.known.has(word) || this.respellings.has(word) || this.smalltalk.has(word) || this.isEnglish(word);
  }

  /** Whether a word occurs in the lexicon or in any indexed text. */
  isKnown(word: string): boolean {
    return this.known.has(word);
  }

  /**
   * A name WordNet knows ("putin", "tehran"), or a word of four letters or more that is neither
   * English nor the fact base's: in lower-case chat, probably a name. Shorter words can't be told.
   */
  private isForeign(word: string): boolean {
    if (this.wordnet.english === null || word.length < 3) return false;
    if (this.wordnet.names?.has(word)) return true;
    return word.length >= 4 && !this.isEnglish(word);
  }

  /** Whether WordNet knows the word or a form it may be an inflection of (false without WordNet). */
  private isEnglish(word: string): boolean {
    const english = this.wordnet.english;
    return english !== null && baseForms(word).some((b) => english.has(b));
  }

  /** A real English word the fact base lacks, read as the vocabulary word WordNet says it means. */
  private synonymOf(word: string): string | null {
    if (this.known.has(word) || this.knownStems.has(stem(word))) return null;
    for (const base of baseForms(word)) {
      const synonym = this.wordnet.synonyms.get(base);
      if (synonym !== undefined) return synonym;
    }
    return null;
  }

  private correct(word: string): string {
    if (this.known.has(word) || word.length > MAX_TYPO_WORD || /\d/.test(word)) return word;
    // A real English word is not a typo: "movie" is not "moving", "patrol" not "patrons". Without
    // WordNet, an inflection of a known word ("replacement" of "replace") is taken as one.
    if (this.wordnet.english !== null ? this.isEnglish(word) : this.knownStems.has(stem(word))) return word;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached ?? word;
    const fixed = this.typos.closest(word) ?? this.phonetic.closest(word);
    if (this.corrections.size > 10_000) this.corrections.clear();
    this.corrections.set(word, fixed);
    return fixed ?? word;
  }

}
