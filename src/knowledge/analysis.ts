/**
 * What the analyzer (analyzer.ts) reads of a text, and the WordNet tables it reads with: the types
 * the index, the decider and the engine share.
 */
import type { Intent } from './intents.js';

export interface Analysis {
  /** Distinct content terms, stemmed and alias-normalised, in question order. */
  readonly terms: readonly string[];
  readonly intents: readonly Intent[];
  /** Words replaced by a close vocabulary word ("contries" → "countries"). */
  readonly corrections: ReadonlyArray<readonly [string, string]>;
  /** Stems of words written like names (capitalised, not opening a sentence): "Hamlet", "Canada". */
  readonly names: ReadonlySet<string>;
  /** Stems of capitalised words that open a sentence: a name or just the first word ("Hamlet was…"). */
  readonly openers: ReadonlySet<string>;
  /** The question has no capital letter at all, so names can't be told from other words. */
  readonly caseless: boolean;
  /** Only courtesy and chatter ("thanks!", "hey bot, good morning"): nothing to look up. */
  readonly smalltalk: boolean;
  /** Terms reached through a WordNet synonym rather than the question's own word. */
  readonly synonymous: ReadonlySet<string>;
  /**
   * Terms the question reaches only through another word: a one-word alias ("title" → headline,
   * "plan" → proposal) or a WordNet synonym, never written as the term itself or inside a phrase.
   */
  readonly derived: ReadonlySet<string>;
  /** Stems of words neither the fact base nor English knows: in lower-case chat, probably names ("putin"). */
  readonly foreign: ReadonlySet<string>;
}

/** General English knowledge distilled from WordNet (scripts/build-wordnet.ts). */
export interface WordNetTables {
  /** Real English words: never typo-corrected into a vocabulary word (null without WordNet). */
  readonly english: { has(word: string): boolean } | null;
  /** Words only ever written as names ("putin", "tehran"): a name even in lower-case chat. */
  readonly names?: { has(word: string): boolean };
  /** A word the fact base lacks → the vocabulary word it is a synonym of. */
  readonly synonyms: ReadonlyMap<string, string>;
}
