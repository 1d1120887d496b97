/**
 * A TypeScript port of shared/eval/score.py, so the quality thresholds are asserted inside
 * `npm test` on a fresh clone with no Python and no files outside the repo.
 */
import { readFileSync } from 'node:fs';

export interface EvalQuestion {
  q: string;
  kind: 'answerable' | 'offtopic' | 'unanswerable';
  expect: string[];
}

export interface EvalAnswer {
  answered: boolean;
  quotes: ReadonlyArray<{ text: string }>;
  suggestions?: ReadonlyArray<{ quotes: ReadonlyArray<{ text: string }> }>;
}

export interface EvalScore {
  top1: number;
  anyQuote: number;
  offtopicAbstained: number;
  unanswerableAbstained: number;
  nonVerbatim: number;
  /** Of all the answers given, the share whose top quote is right (answering a question to decline is wrong). */
  precision: number;
  /** Of the answerable questions declined, the share whose right sentence is among the suggestions. */
  declinedSuggested: number;
  /** The counts behind declinedSuggested, for pooling over sets. */
  declined: number;
  suggested: number;
  misses: string[];
}

export function readQuestions(url: URL): EvalQuestion[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalQuestion);
}

const norm = (s: string) => s.replace(/[\u201c\u201d]/g, '"').replace(/\u2019/g, "'").replace(/\s+/g, ' ').trim();

export function score(questions: readonly EvalQuestion[], answers: readonly EvalAnswer[], article: string): EvalScore {
  const text = norm(article);
  const n = { answerable: 0, offtopic: 0, unanswerable: 0 };
  const abstained = { offtopic: 0, unanswerable: 0 };
  let top1 = 0;
  let anyQuote = 0;
  let nonVerbatim = 0;
  let given = 0;
  let declined = 0;
  let suggested = 0;
  const misses: string[] = [];
  questions.forEach((q, i) => {
    const a = answers[i] as EvalAnswer;
    n[q.kind]++;
    const quotes = a.quotes.map((x) => x.text);
    nonVerbatim += quotes.filter((t) => !text.includes(norm(t))).length;
    given += Number(a.answered);
    if (q.kind === 'answerable') {
      if (!a.answered) {
        declined++;
        const offered = (a.suggestions ?? []).flatMap((s) => s.quotes.map((x) => x.text));
        suggested += Number(q.expect.some((e) => offered.some((t) => t.includes(e))));
        misses.push(`abstained | ${q.q}`);
        return;
      }
      const hit1 = quotes.length > 0 && q.expect.some((e) => (quotes[0] as string).includes(e));
      top1 += Number(hit1);
      anyQuote += Number(q.expect.some((e) => quotes.some((t) => t.includes(e))));
      if (!hit1) misses.push(`wrong | ${q.q} | ${(quotes[0] ?? '(no quote)').slice(0, 70)}`);
    } else {
      abstained[q.kind] += Number(!a.answered);
      if (a.answered) misses.push(`answered ${q.kind} | ${q.q} | ${(quotes[0] ?? '').slice(0, 70)}`);
    }
  });
  return {
    top1: n.answerable ? top1 / n.answerable : 0,
    anyQuote: n.answerable ? anyQuote / n.answerable : 0,
    offtopicAbstained: n.offtopic ? abstained.offtopic / n.offtopic : 1,
    unanswerableAbstained: n.unanswerable ? abstained.unanswerable / n.unanswerable : 1,
    nonVerbatim,
    precision: given ? top1 / given : 1,
    declinedSuggested: declined ? suggested / declined : 1,
    declined,
    suggested,
    misses,
  };
}
