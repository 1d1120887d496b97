/**
 * A tiny fake Knowledge for unit tests: same contract as src/knowledge, a handful of facts,
 * some sentences full of Markdown so escaping shows. The real fact base is tested separately.
 */
import type { Answer, AnswerEngine, Article, Fact, FactRef, Knowledge, Sentence, Suggestion, Topic } from '../../src/knowledge/types.js';

export const HEADLINE = 'Guarantor countries set up coordination center for safety zones in Syria';
export const BYLINE = 'Vanessa Coleman';

const texts = [
  HEADLINE,
  'Iran, Turkey and Russian Federation have held five rounds of peace talks in Astana.',
  'The de-escalations zones will all be in force for six months.',
  'A *starred* claim with _underscores_, `code`, ||spoilers|| and ~~strikes~~ @everyone <@&123456789012345678>.',
  'The participants agreed to a fresh round of talks in Astana in October.',
  'Those issues are still mainly being handled by the United Nations at parallel talks in Geneva.',
  BYLINE,
];

export const sentences: Sentence[] = texts.map((text, i) => ({
  n: i + 1,
  text,
  paragraph: i === 0 ? 0 : i === texts.length - 1 ? -1 : i,
}));

export const article: Article = {
  id: 'astana-2017',
  year: 2017,
  headline: HEADLINE,
  byline: BYLINE,
  paragraphs: texts.slice(1, -1),
  sentences,
};

export const topics: Topic[] = [
  { id: 'process', title: 'The Astana process', description: 'Who holds the talks and where.' },
  { id: 'zones', title: 'De-escalation zones', description: 'How long the zones last.' },
];

export const facts: Fact[] = [
  {
    id: 'guarantors',
    source: 'astana-2017',
    topic: 'process',
    answer: 'Iran, Turkey and the Russian Federation.',
    sentences: [2],
    keywords: ['guarantor'],
    questions: ['Who are the guarantor countries?', 'Who holds the talks?'],
  },
  {
    id: 'zones-duration',
    source: 'astana-2017',
    topic: 'zones',
    answer: 'Six months.',
    sentences: [3],
    keywords: ['zones'],
    questions: ['How long will the zones last?'],
  },
  {
    id: 'markdown',
    source: 'astana-2017',
    topic: 'zones',
    answer: 'Something *bold* about the zones.',
    sentences: [4],
    keywords: ['claim'],
    questions: ['What is the starred claim?'],
  },
  {
    id: 'next-round',
    source: 'astana-2017',
    topic: 'process',
    answer: 'In October, in Astana.',
    sentences: [5],
    keywords: ['next', 'october'],
    questions: ['When is the next round of talks?'],
  },
];

const ref = (f: Fact): FactRef => ({ id: f.id, document: f.source, answer: f.answer, question: f.questions[0] ?? f.answer });
export const suggestionOf = (f: Fact): Suggestion => ({ ...ref(f), quotes: f.sentences.map((n) => ({ sentence: n, text: sentences[n - 1]?.text ?? '' })) });

export function answerFor(fact: Fact, question: string, overrides: Partial<Answer> = {}): Answer {
  return {
    outcome: 'answer',
    document: fact.source,
    verdict: null,
    more: [],
    unanswered: [],
    question,
    answered: true,
    answer: fact.answer,
    confidence: 0.9,
    factId: fact.id,
    topic: fact.topic,
    quotes: fact.sentences.map((n) => ({ sentence: n, text: sentences[n - 1]?.text ?? '' })),
    related: facts.filter((f) => f.id !== fact.id).slice(0, 3).map(ref),
    alternative: null,
    suggestions: [],
    asksAboutNow: /\b(now|today|currently)\b/i.test(question),
    ...overrides,
  };
}

export function abstention(question: string, overrides: Partial<Answer> = {}): Answer {
  return {
    outcome: 'unsure',
    document: null,
    verdict: null,
    more: [],
    unanswered: [question],
    question,
    answered: false,
    answer: null,
    confidence: 0.1,
    factId: null,
    topic: null,
    quotes: [],
    related: [],
    alternative: null,
    suggestions: facts.slice(0, 3).map(suggestionOf),
    asksAboutNow: /\b(now|today|currently)\b/i.test(question),
    ...overrides,
  };
}

/** Matches a question to the fact whose keyword it contains; abstains otherwise. */
export const engine: AnswerEngine = {
  answer(question) {
    const q = question.toLowerCase();
    const fact = facts.find((f) => f.keywords.some((k) => q.includes(k)));
    return fact ? answerFor(fact, question) : abstention(question);
  },
  answerFact(id) {
    const fact = facts.find((f) => f.id === id);
    return fact ? answerFor(fact, fact.questions[0] ?? '') : null;
  },
  suggest(partial, limit = 25) {
    const p = partial.toLowerCase();
    return facts
      .flatMap((f) => f.questions)
      .filter((q) => q.toLowerCase().includes(p))
      .slice(0, limit);
  },
};

export function makeKnowledge(overrides: Partial<Knowledge> = {}): Knowledge {
  const base: Knowledge = {
    article,
    documents: new Map([[article.id, article]]),
    facts,
    topics,
    engine,
    fact: (id) => facts.find((f) => f.id === id),
    factsInTopic: (topicId) => facts.filter((f) => f.topic === topicId),
    context: (n, radius = 2) =>
      n >= 1 && n <= sentences.length ? sentences.filter((s) => Math.abs(s.n - n) <= radius) : [],
  };
  return { ...base, ...overrides };
}

export const knowledge = makeKnowledge();
