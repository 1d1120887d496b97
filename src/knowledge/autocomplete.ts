/**
 * Slash-command autocomplete: the curated questions that best continue what the user is typing.
 * A question ranks by how its text matches the typed prefix, and by how well its fact matches
 * the typed words, so a half-typed "who ho" still offers the host's questions.
 */
import type { Analyzer } from './analyzer.js';
import type { FactDoc, FactIndex } from './fact-index.js';
import { cleanQuestion, words } from './text.js';

interface CuratedQuestion {
  readonly text: string;
  readonly lower: string;
  readonly words: readonly string[];
  readonly doc: FactDoc;
}

export class QuestionCompleter {
  private readonly questions: CuratedQuestion[] = [];

  constructor(
    private readonly analyzer: Analyzer,
    private readonly index: FactIndex,
  ) {
    for (const doc of index.docs) for (const text of doc.fact.questions) this.questions.push({ text, lower: text.toLowerCase(), words: words(text), doc });
  }

  /** Up to `limit` curated questions, best first; each fact's first question when nothing is typed. */
  suggest(partial: string, limit = 25): string[] {
    const typed = cleanQuestion(partial).toLowerCase();
    if (typed === '') return this.index.docs.slice(0, limit).map((d) => d.fact.questions[0] as string);
    const typedWords = words(typed);
    const last = typedWords[typedWords.length - 1] ?? '';
    const factScore = new Map(this.index.rank(this.analyzer.analyze(typed)).ranked.map((s) => [s.doc, s.score]));
    const scored: Array<{ text: string; score: number }> = [];
    for (const q of this.questions) {
      let score = q.lower.startsWith(typed) ? 3 : q.lower.includes(typed) ? 2 : 0;
      // The last word is usually still being typed, so it counts as a prefix.
      if (last.length >= 2 && q.words.some((w) => w.startsWith(last))) score += 0.5;
      score += factScore.get(q.doc) ?? 0;
      if (score > 0) scored.push({ text: q.text, score });
    }
    scored.sort((a, b) => b.score - a.score);
    const out: string[] = [];
    for (const { text } of scored) {
      if (!out.includes(text)) out.push(text);
      if (out.length >= limit) break;
    }
    return out;
  }
}
