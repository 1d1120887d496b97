import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../../src/bot/custom-ids.js';
import { renderAnswer } from '../../../src/bot/views/answer.js';
import { renderContext } from '../../../src/bot/views/context.js';
import { NOT_IN_ARTICLE } from '../../../src/bot/views/decline.js';
import { renderHelp } from '../../../src/bot/views/help.js';
import { renderSourcePage } from '../../../src/bot/views/source.js';
import type { Answer, Article, Knowledge, Sentence } from '../../../src/knowledge/types.js';
import { abstention, answerFor, facts, HEADLINE, knowledge, makeKnowledge, suggestionOf } from '../fixtures.js';
import { buttons, customIds, limitProblems, unescapeMarkdown } from '../limits.js';

const [guarantors, zones, , nextRound] = facts as [(typeof facts)[0], (typeof facts)[0], (typeof facts)[0], (typeof facts)[0]];

/** A second document, to prove views keep documents apart. */
const harbourSentences: Sentence[] = [
  { n: 1, text: 'Harbour museum reopens', paragraph: 0 },
  { n: 2, text: 'The keepers cottage reopened on Saturday.', paragraph: 1 },
  { n: 3, text: 'Entry is free for children.', paragraph: 1 },
  { n: 4, text: 'Ieuan Probert', paragraph: -1 },
];
const harbour: Article = { id: 'harbour-2021', year: 2021, headline: 'Harbour museum reopens', byline: 'Ieuan Probert', paragraphs: [], sentences: harbourSentences };
const twoDocs: Knowledge = makeKnowledge({
  documents: new Map([
    [knowledge.article.id, knowledge.article],
    [harbour.id, harbour],
  ]),
  context: (n, radius = 2, documentId) => {
    const doc = documentId === harbour.id ? harbour : knowledge.article;
    return doc.sentences.filter((s) => Math.abs(s.n - n) <= radius && n >= 1 && n <= doc.sentences.length);
  },
});
const harbourAnswer: Answer = {
  ...answerFor(guarantors, 'When did the museum reopen?'),
  factId: 'museum-reopening',
  document: harbour.id,
  answer: 'On Saturday.',
  quotes: [{ sentence: 2, text: harbourSentences[1]!.text }],
  related: [],
  asksAboutNow: true,
};

describe('answer view: outcomes', () => {
  it('GIVEN an answer with two more answered parts and an unanswered one THEN shows every part with its quote and says what went unanswered', () => {
    const answer = answerFor(guarantors, 'who are the guarantors? how long do the zones last? and when is the next round? also wen is lunch', {
      more: [answerFor(zones, 'how long do the zones last?'), answerFor(nextRound, 'when is the next round?')],
      unanswered: ['wen is lunch'],
    });
    const r = renderAnswer(answer, knowledge);
    expect(limitProblems(r)).toEqual([]);
    const text = unescapeMarkdown(r.content);
    for (const f of [guarantors, zones, nextRound]) expect(text).toContain(f.answer);
    for (const n of [2, 3, 5]) expect(text).toMatch(new RegExp(`— sentence ${n}`));
    expect(text).toContain('how long do the zones last?');
    expect(text).toMatch(/The article doesn't say anything about “\u2068wen is lunch\u2069”/);
    // One Context button per answered part, feedback for the first.
    expect(customIds(r).filter((id) => id.startsWith('v1:qa:ctx:'))).toEqual(['v1:qa:ctx:2', 'v1:qa:ctx:3', 'v1:qa:ctx:5']);
    expect(customIds(r)).toContain('v1:fb:up:guarantors');
  });

  it('GIVEN a verdict THEN the answer starts with "Yes — " or "No — "; none without one', () => {
    expect(renderAnswer(answerFor(zones, 'Do the zones last a year?', { verdict: 'no' }), knowledge).content.split('\n')[0]).toBe('No — Six months.');
    expect(renderAnswer(answerFor(zones, 'Do the zones last six months?', { verdict: 'yes' }), knowledge).content.split('\n')[0]).toBe('Yes — Six months.');
    expect(renderAnswer(answerFor(zones, 'How long?'), knowledge).content.split('\n')[0]).toBe('Six months.');
  });

  it('GIVEN echoQuestion THEN the first line is the question, escaped and shortened; without it the answer comes first', () => {
    const long = `**Who** are the <@&1> guarantors ${'really '.repeat(60)}?`;
    const r = renderAnswer(answerFor(guarantors, long), knowledge, { echoQuestion: true });
    const first = r.content.split('\n')[0] ?? '';
    expect(first.startsWith('**Q:** \u2068\\*\\*Who\\*\\* are the \\<\\@&1\\> guarantors')).toBe(true);
    expect(first.length).toBeLessThan(200);
    expect(first).toContain('…');
    expect(renderAnswer(answerFor(guarantors, long), knowledge).content.split('\n')[0]).toBe(guarantors.answer);
  });

  it('GIVEN unsure THEN says so and offers the suggestions as one-click qa:fact buttons, nearest first', () => {
    const answer = abstention('how long do zones stay?', { outcome: 'unsure', suggestions: [suggestionOf(zones), suggestionOf(guarantors)] });
    const r = renderAnswer(answer, knowledge);
    expect(r.content.startsWith(NOT_IN_ARTICLE)).toBe(true);
    expect(r.content).toContain('Did you mean one of these?');
    expect(buttons(r).map((b) => [b['custom_id'], b['label']])).toEqual([
      ['v1:qa:fact:zones-duration', zones.questions[0]],
      ['v1:qa:fact:guarantors', guarantors.questions[0]],
    ]);
  });

  it('GIVEN decline without suggestions THEN a plain decline with a /topics pointer and no buttons', () => {
    const r = renderAnswer(abstention('capital of France?', { outcome: 'decline', suggestions: [] }), knowledge);
    expect(r.content.startsWith(NOT_IN_ARTICLE)).toBe(true);
    expect(r.content).toContain('/topics');
    expect(r.components).toEqual([]);
  });

  it('GIVEN chatter THEN a short friendly reply naming what the bot answers, not a decline', () => {
    const r = renderAnswer(abstention('hi!', { outcome: 'chatter', suggestions: [] }), knowledge);
    expect(r.content).not.toContain(NOT_IN_ARTICLE);
    expect(r.content).toMatch(/^Hi! I answer questions about the article “/);
    expect(unescapeMarkdown(r.content)).toContain(HEADLINE);
    expect(r.content).toContain(guarantors.questions[0]);
    expect(r.components).toEqual([]);
  });
});

describe('views: several documents', () => {
  it('GIVEN an answer from the second document THEN it is attributed to that document, its year in the caveat, and Context names it', () => {
    const r = renderAnswer(harbourAnswer, twoDocs);
    expect(limitProblems(r)).toEqual([]);
    expect(r.content).toContain('-# Source: “Harbour museum reopens”, by Ieuan Probert');
    expect(r.content).not.toContain(HEADLINE);
    expect(r.content).toContain('events of 2021');
    const ctx = customIds(r).find((id) => id.startsWith('v1:qa:ctx:'));
    expect(ctx).toBe('v1:qa:ctx:harbour-2021:2');
    expect(decodeCustomId(ctx)).toMatchObject({ ok: true, id: { kind: 'qa:ctx', sentences: [2], document: 'harbour-2021' } });
  });

  it('GIVEN Context for the second document THEN its sentences are shown, not the first document’s', () => {
    const r = renderContext(twoDocs, [2], { documentId: harbour.id });
    expect(r.content).toContain('__The keepers cottage reopened on Saturday.__');
    expect(r.content).toContain('Entry is free for children.');
    expect(r.content).not.toContain('Iran, Turkey');
    expect(renderContext(twoDocs, [2], { documentId: 'nope' }).content).toMatch(/isn't in my fact base/);
  });

  it('GIVEN /source of the second document THEN it pages that document with ids naming it', () => {
    const r = renderSourcePage(twoDocs, 1, harbour.id);
    expect(r.content.startsWith('**“Harbour museum reopens”** — Ieuan Probert · page 1/1')).toBe(true);
    expect(r.content).toContain('**3.** Entry is free for children.');
  });

  it('GIVEN two documents THEN help names both, with their years, and no hard-coded subject', () => {
    const r = renderHelp(twoDocs);
    expect(r.content).toContain('**2 news articles**');
    expect(r.content).toContain('“Harbour museum reopens” by Ieuan Probert, reported in 2021');
    expect(r.content).not.toContain('Astana peace talks');
    expect(renderHelp(knowledge).content).toContain('**one news article**');
  });
});
