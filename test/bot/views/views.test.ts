import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../../src/bot/custom-ids.js';
import { APOLOGY } from '../../../src/bot/errors.js';
import { renderAnswer, renderRelated } from '../../../src/bot/views/answer.js';
import { renderContext, renderSentence } from '../../../src/bot/views/context.js';
import { NOT_IN_ARTICLE } from '../../../src/bot/views/decline.js';
import { nowCaveat } from '../../../src/bot/views/document.js';
import { echoUserText, escapeText } from '../../../src/bot/views/escape.js';
import { renderHelp } from '../../../src/bot/views/help.js';
import { renderNotice, type Rendered } from '../../../src/bot/views/layout.js';
import { asMessageReply, asReply, asUpdate } from '../../../src/bot/views/reply.js';
import { renderSourcePage, sourcePages } from '../../../src/bot/views/source.js';
import { renderTopic, renderTopicList } from '../../../src/bot/views/topics.js';
import { truncate } from '../../../src/bot/views/text.js';
import { loadKnowledge } from '../../../src/knowledge/index.js';
import type { Answer, Sentence } from '../../../src/knowledge/types.js';
import { abstention, answerFor, BYLINE, facts, HEADLINE, knowledge, makeKnowledge, sentences, suggestionOf } from '../fixtures.js';
import { buttons, customIds, limitProblems, selectOptions, unescapeMarkdown } from '../limits.js';
import { isVerbatim } from '../../helpers/sources.js';

const NOW_CAVEAT = "The article reports events of 2017; it can't tell you what is happening now.";

const ZALGO = `Z${'\u0301\u0302\u0303\u0304\u0305'.repeat(200)}algo`;
const RTL = '\u202Eاين هي المحادثات؟ שלום\u202C';
const HOSTILE = `@everyone @here <@123456789012345678> <@!123456789012345678> <@&456789012345678901> <#345678901234567890> **bold** __u__ *i* ~~s~~ ||spoiler|| \`code\` \`\`\`block\`\`\` [link](https://evil.example) # heading > quote ${RTL} ${ZALGO}`;

function expectValid(r: Rendered) {
  expect(limitProblems(r)).toEqual([]);
  for (const id of customIds(r)) expect(decodeCustomId(id).ok).toBe(true);
}

/** No live mention syntax survives in rendered text. */
function expectNoMentions(content: string) {
  expect(content).not.toMatch(/(?<!\\)@(everyone|here)/);
  expect(content).not.toMatch(/<@[!&]?\d+>/);
  expect(content).not.toMatch(/<#\d+>/);
}

describe('text helpers', () => {
  it('GIVEN long text THEN truncate cuts at a word boundary with an ellipsis, within the limit', () => {
    const t = truncate('The participants agreed to a fresh round of talks', 30);
    expect(t.length).toBeLessThanOrEqual(30);
    expect(t).toBe('The participants agreed to a…');
  });

  it('GIVEN emoji, combining marks and surrogate pairs THEN truncate never splits a character', () => {
    const t = truncate('👍🏽'.repeat(50), 21);
    expect(t.length).toBeLessThanOrEqual(21);
    expect(t.endsWith('…')).toBe(true);
    expect(t.slice(0, -1)).toBe('👍🏽'.repeat(t.slice(0, -1).length / 4));
    expect(() => encodeURIComponent(truncate(ZALGO, 50))).not.toThrow(); // no lone surrogates
  });

  it('GIVEN hostile user text THEN the echo is escaped, mention-free, bidi-isolated and bounded', () => {
    const echo = echoUserText(HOSTILE, 200);
    expect(echo.length).toBeLessThan(200 * 3);
    expectNoMentions(echo);
    expect(echo).not.toMatch(/[\u202A-\u202E]/);
    expect(echo.startsWith('\u2068') && echo.endsWith('\u2069')).toBe(true);
    expect(echo).not.toContain('**bold**');
    expect(echo).not.toContain('\n');
    expect(echo).not.toMatch(/\p{M}{4}/u);
  });

  it('GIVEN markdown THEN escapeText renders as the literal text', () => {
    const raw = 'A *starred* claim with _underscores_, `code`, ||spoilers|| and ~~strikes~~ \\ backslash';
    const escaped = escapeText(raw);
    expect(escaped).not.toBe(raw);
    expect(unescapeMarkdown(escaped)).toBe(raw);
  });
});

describe('renderAnswer (fake knowledge)', () => {
  const guarantors = facts[0]!;

  it('GIVEN an answer THEN shows answer, each quote with its sentence number, attribution and buttons', () => {
    const r = renderAnswer(answerFor(guarantors, 'Who are the guarantors?'), knowledge);
    expectValid(r);
    const lines = r.content.split('\n');
    expect(lines[0]).toBe('Iran, Turkey and the Russian Federation.');
    expect(r.content).toContain(`> “${sentences[1]!.text}” — sentence 2`);
    expect(r.content).toContain(HEADLINE);
    expect(r.content).toContain(BYLINE);
    expect(r.content.indexOf('sentence 2')).toBeLessThan(r.content.indexOf(BYLINE));
    expect(r.allowedMentions).toEqual({ parse: [] });
    expect(customIds(r)).toEqual(['v1:qa:ctx:2', 'v1:qa:rel:guarantors', 'v1:fb:up:guarantors', 'v1:fb:down:guarantors']);
    expect(buttons(r).map((b) => b['label'])).toEqual(['Context', 'Related', '👍', '👎']);
    expect(r.content).not.toContain(NOW_CAVEAT);
  });

  it('GIVEN an answer THEN 👍/👎 feedback buttons carry its fact id on a row of their own; abstentions get none', () => {
    const alt = { id: 'next-round', document: 'astana-2017', answer: 'In October.', question: 'When is the next round of talks?' };
    const r = renderAnswer(answerFor(guarantors, 'q', { alternative: alt }), knowledge);
    expectValid(r);
    expect(r.components).toHaveLength(2);
    const feedback = r.components[1]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(feedback).toEqual(['v1:fb:up:guarantors', 'v1:fb:down:guarantors']);
    const a = renderAnswer(abstention('What is the capital of France?'), knowledge);
    expect(customIds(a).filter((id) => id.startsWith('v1:fb:'))).toEqual([]);
  });

  it('GIVEN a quote full of markdown and mentions THEN it is escaped but verbatim once rendered', () => {
    const r = renderAnswer(answerFor(facts[2]!, 'What is the starred claim?'), knowledge);
    expectValid(r);
    const quote = r.content.split('\n').find((l) => l.startsWith('> '))!;
    expectNoMentions(quote);
    const rendered = unescapeMarkdown(quote).replace(/\u200b/g, '');
    expect(rendered).toBe(`> “${sentences[3]!.text}” — sentence 4`);
  });

  it('GIVEN a question about now THEN adds the 2017 caveat', () => {
    const r = renderAnswer(answerFor(guarantors, 'Who are the guarantors now?'), knowledge);
    expect(r.content).toContain(NOW_CAVEAT);
    const a = renderAnswer(abstention('What is happening today?'), knowledge);
    expect(a.content).toContain(NOW_CAVEAT);
  });

  it('GIVEN a near tie THEN offers the alternative as a "Did you mean" button', () => {
    const alt = { id: 'next-round', document: 'astana-2017', answer: 'In October.', question: 'When is the next round of talks?' };
    const r = renderAnswer(answerFor(guarantors, 'q', { alternative: alt }), knowledge);
    expectValid(r);
    const b = buttons(r).find((x) => x['custom_id'] === 'v1:qa:fact:next-round');
    expect(b?.['label']).toBe('Did you mean: When is the next round of talks?');
  });

  it('GIVEN an abstention THEN says so, echoes the question escaped, and offers at most 3 suggestion buttons', () => {
    const question = 'What about <@&456789012345678901> and **@everyone**?';
    const a = abstention(question, { suggestions: [...facts.map(suggestionOf), suggestionOf(facts[0]!)] });
    const r = renderAnswer(a, knowledge);
    expectValid(r);
    expect(r.content.startsWith(NOT_IN_ARTICLE)).toBe(true);
    expect(r.content).toContain('You asked:');
    expectNoMentions(r.content);
    const b = buttons(r);
    expect(b.length).toBeLessThanOrEqual(3);
    expect(b.map((x) => x['custom_id'])).toEqual(['v1:qa:fact:guarantors', 'v1:qa:fact:zones-duration', 'v1:qa:fact:markdown']);
    expect(b.map((x) => x['label'])).toEqual(facts.slice(0, 3).map((f) => f.questions[0]));
  });

  it('GIVEN two suggestions of the same fact THEN only one button carries that fact id', () => {
    const a = abstention('x', { suggestions: [suggestionOf(facts[0]!), suggestionOf(facts[0]!)] });
    const r = renderAnswer(a, knowledge);
    expectValid(r);
    expect(customIds(r)).toEqual(['v1:qa:fact:guarantors']);
  });

  it('GIVEN a 10,000-character hostile question THEN the abstention stays within limits and echoes a short escaped line', () => {
    const question = HOSTILE.repeat(40).slice(0, 10_000);
    const r = renderAnswer(abstention(question), knowledge);
    expectValid(r);
    expectNoMentions(r.content);
    expect(r.content.length).toBeLessThan(1000);
    expect(r.content).not.toMatch(/[\u202A-\u202E]/);
  });

  it('GIVEN huge adversarial answers and quotes THEN every limit holds and the best quote is kept, shortened only at a word', () => {
    const huge = 'word '.repeat(3000);
    const adversarial: Answer = {
      ...answerFor(guarantors, HOSTILE.repeat(20), { asksAboutNow: true }),
      answer: `**${huge}** ${HOSTILE}`,
      quotes: [
        { sentence: 2, text: `Start ${'verbatim '.repeat(600)}end.` },
        { sentence: 3, text: 'x'.repeat(5000) },
      ],
      related: Array.from({ length: 3 }, (_, i) => ({ id: `r${i}`, document: 'astana-2017', answer: huge, question: `${HOSTILE}${i}` })),
      alternative: { id: 'y'.repeat(200), document: 'astana-2017', answer: huge, question: huge },
    };
    const r = renderAnswer(adversarial, knowledge);
    expectValid(r);
    expectNoMentions(r.content);
    expect(r.content).toContain(NOW_CAVEAT);
    const quote = r.content.split('\n').find((l) => l.startsWith('> '));
    expect(quote).toBeDefined();
    expect(quote).toMatch(/^> “Start verbatim( verbatim)*…” — sentence 2 \(shortened: \/source sentence:2\)$/);
    // The too-long alternative id can't be a custom_id: no button rather than a broken one.
    expect(customIds(r).some((id) => id.includes('yyy'))).toBe(false);
  });

  it('GIVEN two quotes that do not fit THEN the second is dropped before the first is shortened', () => {
    const long = `${'long sentence '.repeat(100)}end.`; // ~1,400 characters each
    const a: Answer = {
      ...answerFor(guarantors, 'q'),
      quotes: [
        { sentence: 2, text: long },
        { sentence: 3, text: long },
      ],
    };
    const r = renderAnswer(a, knowledge);
    expectValid(r);
    expect(r.content).toContain(`${long}” — sentence 2`);
    expect(r.content).not.toContain('sentence 3');
  });
});

describe('other views (fake knowledge)', () => {
  it('GIVEN sentences THEN context shows each with ±2 neighbours, the requested one marked', () => {
    const r = renderContext(knowledge, [4]);
    expectValid(r);
    for (const n of [2, 3, 4, 5, 6]) expect(r.content).toContain(`**${n}.**`);
    expect(r.content).not.toContain('**1.**');
    expect(r.content).toContain('> **4.** __');
    expect(r.content).toContain('Vanessa Coleman');
  });

  it('GIVEN sentences too long for one message THEN far neighbours are dropped first and limits hold', () => {
    const big: Sentence[] = Array.from({ length: 20 }, (_, i) => ({ n: i + 1, text: `S${i + 1} ${'text '.repeat(80)}`, paragraph: 1 }));
    const k = makeKnowledge({
      article: { ...knowledge.article, sentences: big },
      context: (n, radius = 2) => big.filter((s) => Math.abs(s.n - n) <= radius),
    });
    const r = renderContext(k, [5, 15]);
    expectValid(r);
    expect(r.content).toContain('**5.** __S5');
    expect(r.content).toContain('**15.** __S15');
    expect(r.content).not.toContain('**3.**');
  });

  it('GIVEN a sentence number THEN renderSentence shows it, and null when out of range', () => {
    expect(renderSentence(knowledge, 3)?.content).toContain('**Sentence 3** of 7');
    expect(renderSentence(knowledge, 0)).toBeNull();
    expect(renderSentence(knowledge, 8)).toBeNull();
  });

  it('GIVEN the article THEN source pages number every sentence once, within limits, with Prev/Next only when paged', () => {
    const pages = sourcePages(knowledge);
    expect(pages).toHaveLength(1);
    const r = renderSourcePage(knowledge, 1);
    expectValid(r);
    expect(r.components).toHaveLength(0);
    expect(r.content).toContain(HEADLINE);
    expect(r.content).toContain(BYLINE);
    for (const s of sentences) expect(r.content).toContain(`**${s.n}.**`);
  });

  it('GIVEN a long article THEN pages fit, cover every sentence in order, and buttons page correctly', () => {
    const many: Sentence[] = Array.from({ length: 60 }, (_, i) => ({ n: i + 1, text: `Sentence ${i + 1}: ${'lorem ipsum '.repeat(20)}`, paragraph: Math.floor(i / 3) }));
    const k = makeKnowledge({ article: { ...knowledge.article, sentences: many } });
    const pages = sourcePages(k);
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.flat().filter((l) => l !== '').map((l) => Number(/^\*\*(\d+)\.\*\*/.exec(l)?.[1]));
    expect(all).toEqual(many.map((s) => s.n));
    for (let p = 1; p <= pages.length; p++) {
      const r = renderSourcePage(k, p);
      expectValid(r);
      expect(r.content).toContain(`page ${p}/${pages.length}`);
    }
    const first = buttons(renderSourcePage(k, 1));
    expect(first.map((b) => [b['custom_id'], b['disabled'] ?? false])).toEqual([
      ['v1:src:page:1', true],
      ['v1:src:page:2', false],
    ]);
    const last = buttons(renderSourcePage(k, pages.length));
    expect(last[1]?.['disabled']).toBe(true);
    expect(renderSourcePage(k, 999).content).toContain(`page ${pages.length}/${pages.length}`);
  });

  it('GIVEN topics THEN the list has a topic menu, and a topic view lists its facts with a fact menu', () => {
    const list = renderTopicList(knowledge);
    expectValid(list);
    expect(customIds(list)).toEqual(['v1:topics:pick']);
    expect(selectOptions(list).map((o) => o['value'])).toEqual(['process', 'zones']);

    const view = renderTopic(knowledge, 'zones')!;
    expectValid(view);
    expect(view.content).toContain('How long will the zones last?');
    expect(view.content).toContain('Six months.');
    expect(customIds(view)).toEqual(['v1:topics:pick', 'v1:qa:pick']);
    expect(selectOptions(view).filter((o) => o['default'] === true).map((o) => o['value'])).toEqual(['zones']);
    expect(renderTopic(knowledge, 'nope')).toBeNull();
  });

  it('GIVEN more facts than fit THEN the topic view says so and stays within limits', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...facts[0]!,
      id: `f${i}`,
      answer: 'An answer that is fairly long. '.repeat(8),
      questions: [`Question number ${i}? `.repeat(5)],
    }));
    const k = makeKnowledge({ facts: many, factsInTopic: () => many });
    const view = renderTopic(k, 'process')!;
    expectValid(view);
    expect(view.content).toContain('more facts than fit here');
    expect(selectOptions(view).filter((o) => String(o['value']).startsWith('f'))).toHaveLength(25);
  });

  it('GIVEN related facts THEN the related view offers them in a select menu', () => {
    const r = renderRelated(answerFor(facts[0]!, 'q'));
    expectValid(r);
    expect(selectOptions(r).map((o) => o['value'])).toEqual(['zones-duration', 'markdown', 'next-round']);
    expect(renderRelated(answerFor(facts[0]!, 'q', { related: [] })).components).toHaveLength(0);
  });

  it('GIVEN help THEN explains ways to ask and sourcing, mentioning the bot and answer channels without pinging', () => {
    const r = renderHelp(knowledge, { botUserId: '100000000000000001', answerChannelIds: ['300000000000000004'] });
    expectValid(r);
    for (const s of ['/ask', '<@100000000000000001>', 'direct message', 'reply', '<#300000000000000004>', 'word for word', "doesn't say", 'sentence']) {
      expect(r.content).toContain(s);
    }
  });

  it('GIVEN adapters THEN every payload carries allowedMentions parse [] and the right flags', () => {
    const n = renderNotice(APOLOGY);
    expect(asReply(n, { ephemeral: true })).toMatchObject({ allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds });
    expect(asReply(n, { ephemeral: false }).flags).toBe(MessageFlags.SuppressEmbeds);
    expect(asUpdate(n)).toMatchObject({ allowedMentions: { parse: [] } });
    expect(asMessageReply(n)).toMatchObject({ allowedMentions: { parse: [], repliedUser: false } });
    expect(limitProblems(renderNotice('x'.repeat(5000)))).toEqual([]);
  });
});

describe('renderAnswer (the real fact base)', () => {
  const real = loadKnowledge();

  it('GIVEN a question about now THEN the caveat names the article year, 2017', () => {
    expect(nowCaveat(real.article)).toBe(NOW_CAVEAT);
    const answer = real.engine.answer('Who is fighting in Hama right now?');
    expect(answer.asksAboutNow).toBe(true);
    expect(renderAnswer(answer, real).content).toContain(NOW_CAVEAT);
  });

  it('GIVEN the real article THEN attribution names the headline and Vanessa Coleman', () => {
    const r = renderAnswer(real.engine.answer('Who are the guarantor countries?'), real);
    expect(r.content).toContain('Guarantor countries set up coordination center for safety zones in Syria');
    expect(r.content).toContain('Vanessa Coleman');
  });

  it('GIVEN every curated question THEN each answers its own fact, quoting the article file verbatim with correct sentence numbers, within limits', () => {
    let checked = 0;
    for (const fact of real.facts) {
      for (const question of fact.questions) {
        const answer = real.engine.answer(question);
        const r = renderAnswer(answer, real);
        expectValid(r);
        expect(r.allowedMentions).toEqual({ parse: [] });
        expect([question, answer.outcome, answer.factId]).toEqual([question, 'answer', fact.id]);
        const best = answer.quotes[0]!;
        expect(fact.sentences).toContain(best.sentence);
        expect(isVerbatim(answer.document, best.text), best.text).toBe(true);
        // The first quote always appears, verbatim once Markdown escapes are undone.
        expect(unescapeMarkdown(r.content).replace(/\u200b/g, '')).toContain(`> “${best.text}” — sentence ${best.sentence}`);
        checked++;
      }
    }
    expect(checked).toBe(176);
  });

  it('GIVEN a question the article cannot answer THEN abstains with suggestion buttons for real facts', () => {
    const answer = real.engine.answer('What is the capital of France?');
    expect(answer.answered).toBe(false);
    const r = renderAnswer(answer, real);
    expectValid(r);
    expect(r.content).toContain(NOT_IN_ARTICLE);
    const ids = customIds(r);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(3);
    for (const id of ids) {
      const decoded = decodeCustomId(id);
      expect(decoded.ok && decoded.id.kind === 'qa:fact' && real.fact(decoded.id.factId) !== undefined).toBe(true);
    }
  });

  it('GIVEN the real article THEN every page, sentence, topic and context view fits', () => {
    const pages = sourcePages(real);
    for (let p = 1; p <= pages.length; p++) expectValid(renderSourcePage(real, p));
    for (const s of real.article.sentences) {
      const view = renderSentence(real, s.n)!;
      expectValid(view);
      expect(unescapeMarkdown(view.content)).toContain(s.text);
      expect(pages.flat().some((l) => unescapeMarkdown(l) === `**${s.n}.** ${s.text}`)).toBe(true);
    }
    expectValid(renderTopicList(real));
    for (const t of real.topics) expectValid(renderTopic(real, t.id)!);
    expectValid(renderHelp(real));
  });
});
