/**
 * The lexicon's aliases as rules over a text's words: "Russian Federation" → "russia", "safe zone" →
 * "deescalation zone". Longest match first; stop-words are dropped from what no rule covers.
 */
import { stem, words } from './text.js';
import { inflects, wordsAt } from './word-forms.js';

interface AliasRule {
  readonly words: readonly string[];
  /** The same words stemmed: "mediated talks" matches a rule written as "mediate talks". */
  readonly stems: readonly string[];
  readonly output: readonly string[];
}

export class AliasRules {
  /** Rules by the stem of their first word. */
  private readonly rules = new Map<string, AliasRule[]>();
  /** Every word a rule is written with: words the lexicon knows. */
  readonly words = new Set<string>();

  /** A group with canonical '' is a phrase that stands for nothing: removed before anything matches its words. */
  constructor(groups: ReadonlyArray<{ canonical: string; variants: readonly string[] }>, private readonly stopwords: ReadonlySet<string>) {
    for (const { canonical, variants } of groups) {
      const output = words(canonical);
      for (const variant of canonical === '' ? variants : [canonical, ...variants]) {
        const ws = words(variant);
        const stems = ws.map(stem);
        const first = stems[0];
        if (first === undefined) continue;
        const list = this.rules.get(first) ?? [];
        list.push({ words: ws, stems, output: output.map(stem) });
        this.rules.set(first, list);
        for (const w of ws) this.words.add(w);
      }
    }
    // Longest first: matching stops at the first rule shorter than one already found.
    for (const list of this.rules.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /**
   * Distinct terms of the words: aliases applied, stop-words out, stemmed, in order. Given `origin`,
   * also collects into `origin.derived` the terms reached only through a word at a `substituted`
   * position or a one-word alias that changes the stem.
   */
  termsOf(ws: readonly string[], origin?: { substituted: ReadonlySet<number>; derived: Set<string> }): string[] {
    const terms: string[] = [];
    const seen = new Set<string>();
    const add = (term: string) => {
      if (!seen.has(term)) {
        seen.add(term);
        terms.push(term);
      }
    };
    const stems = ws.map(stem);
    // Only a question's analysis asks where its terms came from; the index's texts pay for nothing.
    const literal = origin === undefined ? null : new Set<string>();
    const note = (term: string, indirect: boolean) => {
      add(term);
      if (origin !== undefined) (indirect ? origin.derived : (literal as Set<string>)).add(term);
    };
    for (let i = 0; i < ws.length; ) {
      const substituted = origin?.substituted.has(i) ?? false;
      const rule = this.match(ws, stems, i);
      if (rule) {
        const indirect = rule.words.length === 1 && (substituted || !rule.stems.includes(rule.output[0] as string));
        for (const out of rule.output) note(out, indirect);
        i += rule.words.length;
        continue;
      }
      const w = ws[i] as string;
      if (!this.stopwords.has(w)) note(stem(w), substituted);
      i++;
    }
    if (origin !== undefined) for (const s of literal as Set<string>) origin.derived.delete(s);
    return terms;
  }

  /**
   * The longest alias starting here; at equal length an exact match of the words beats a match
   * of their stems, so "agreements" can be a deal while "agreed" stays an agreement.
   */
  private match(ws: readonly string[], stems: readonly string[], at: number): AliasRule | undefined {
    let best: AliasRule | undefined;
    let bestExact = false;
    for (const rule of this.rules.get(stems[at] as string) ?? []) {
      if (best && rule.words.length < best.words.length) break;
      const exact = wordsAt(ws, at, rule.words);
      // A stop-word may not start a stem match: "thanks!" is courtesy, not gratitude.
      if (!exact && (this.stopwords.has(ws[at] as string) || !this.stemsMatch(ws, stems, at, rule))) continue;
      if (!best || (exact && !bestExact)) {
        best = rule;
        bestExact = exact;
      }
    }
    return best;
  }

  /** Whether each word from `at` on stems as the rule's word does and inflects it. */
  private stemsMatch(ws: readonly string[], stems: readonly string[], at: number, rule: AliasRule): boolean {
    for (let k = 0; k < rule.stems.length; k++) {
      if (stems[at + k] !== rule.stems[k] || !inflects(ws[at + k] as string, rule.words[k] as string)) return false;
    }
    return true;
  }
}
