import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/knowledge/article.js';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { splitSentences } from '../../src/knowledge/sentences.js';

describe('splitSentences', () => {
  it('GIVEN "U.S." inside a sentence THEN it does not end the sentence', () => {
    expect(splitSentences('The U.S. State Department spoke. Then it stopped.')).toEqual(['The U.S. State Department spoke.', 'Then it stopped.']);
  });
  it('GIVEN a sentence ending inside quotation marks THEN the closing mark stays with it', () => {
    expect(splitSentences('He said "we agree." They left.')).toEqual(['He said "we agree."', 'They left.']);
  });
  it('GIVEN a quotation followed by its period THEN the period ends the sentence', () => {
    expect(splitSentences('It called it a "guarantor". Next one.')).toEqual(['It called it a "guarantor".', 'Next one.']);
  });
  it('GIVEN a lower-case word after a period THEN no split (an abbreviation-like stop)', () => {
    expect(splitSentences('Talks in Sept. were held. Done.')).toEqual(['Talks in Sept. were held.', 'Done.']);
  });
  it('GIVEN question and exclamation marks THEN each ends a sentence', () => {
    expect(splitSentences('Who? Iran! And Turkey.')).toEqual(['Who?', 'Iran!', 'And Turkey.']);
  });
});

describe('splitSentences: abbreviations, initials and edges (the split facts cite by number)', () => {
  it.each([
    ['Mr. Smith arrived. He left.', ['Mr. Smith arrived.', 'He left.']],
    ['Talk to DR. Who now.', ['Talk to DR. Who now.']],
    ['He met J. Smith today.', ['He met J. Smith today.']],
    ['Ms. A met Gen. B.', ['Ms. A met Gen. B.']],
    ['Go to St. Louis. Fine.', ['Go to St. Louis.', 'Fine.']],
    ['See no. 5 now.', ['See no. 5 now.']],
    // Known limit: an initialism ending a sentence is read as part of it; four initials are no initialism.
    ['It was in the U.S. Then it ended.', ['It was in the U.S. Then it ended.']],
    ['The N.A.T.O. Council met. It ended.', ['The N.A.T.O.', 'Council met.', 'It ended.']],
    ['Talks ended at 5 p.m. Next day came.', ['Talks ended at 5 p.m.', 'Next day came.']],
    ['A. B. C.', ['A. B. C.']],
    ['The U.S.A. Team won. Then.', ['The U.S.A. Team won.', 'Then.']],
    ['Who? I! Go.', ['Who?', 'I!', 'Go.']],
    ['The end.Next one.', ['The end.Next one.']],
    ['It ends. next one.', ['It ends. next one.']],
    ['They met in 2017. 2018 was next.', ['They met in 2017.', '2018 was next.']],
    ['(Yes.) (No.)', ['(Yes.)', '(No.)']],
    ['Ends with dots... And more.', ['Ends with dots...', 'And more.']],
    ['  Padded.   Text.  ', ['Padded.', 'Text.']],
    ['No terminator at all', ['No terminator at all']],
    ['', []],
  ])('GIVEN %j THEN %j', (paragraph, sentences) => {
    expect(splitSentences(paragraph)).toEqual(sentences);
  });
});

describe('parseArticle: the layout of an article file', () => {
  it('GIVEN CRLF or CR line ends, wrapped lines, indented and extra blank lines THEN blocks are headline, paragraphs, byline', () => {
    const raw = '\r\n  Head line  \r\n\r\nFirst line\r\n  wraps here. Second one.\r\n \t \r\n\r\nNext\rparagraph.\r\rBy Someone\n\n';
    const a = parseArticle('x', raw);
    expect(a.headline).toBe('Head line');
    expect(a.paragraphs).toEqual(['First line wraps here. Second one.', 'Next paragraph.']);
    expect(a.byline).toBe('By Someone');
    expect(a.sentences).toEqual([
      { n: 1, text: 'Head line', paragraph: 0 },
      { n: 2, text: 'First line wraps here.', paragraph: 1 },
      { n: 3, text: 'Second one.', paragraph: 1 },
      { n: 4, text: 'Next paragraph.', paragraph: 2 },
      { n: 5, text: 'By Someone', paragraph: -1 },
    ]);
  });
  it('GIVEN exactly three blocks THEN it parses; two THEN it says what it expected', () => {
    expect(parseArticle('x', 'H\n\nP.\n\nB').sentences).toHaveLength(3);
    expect(() => parseArticle('x', 'H\n\nB')).toThrow('article "x": expected a headline, at least one paragraph and a byline, found 2 block(s)');
  });
});

describe('KnowledgeError', () => {
  it('GIVEN a message alone THEN it is its own single problem, under its own name', () => {
    const err = new KnowledgeError('broken');
    expect(err.name).toBe('KnowledgeError');
    expect(err.problems).toEqual(['broken']);
    expect(String(err)).toBe('KnowledgeError: broken');
  });
});

describe('parseArticle on the bundled article', () => {
  const raw = readFileSync(new URL('../../src/knowledge/article.txt', import.meta.url), 'utf8');
  const article = parseArticle('astana-2017', raw);

  it('GIVEN the article THEN the headline is sentence 1 and the byline the last sentence', () => {
    expect(article.sentences[0]?.text).toBe('Guarantor countries set up coordination center for safety zones in Syria');
    expect(article.byline).toBe('Vanessa Coleman');
    expect(article.sentences.at(-1)).toEqual({ n: article.sentences.length, text: 'Vanessa Coleman', paragraph: -1 });
  });
  it('GIVEN the article THEN it has 19 sentences numbered 1..19 in order', () => {
    expect(article.sentences.map((s) => s.n)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });
  it('GIVEN the paragraph with two sentences THEN both are split apart', () => {
    expect(article.sentences[9]?.text.endsWith('Bashar al-Assad.')).toBe(true);
    expect(article.sentences[10]?.text.startsWith('They expressed gratitude')).toBe(true);
  });
  it('GIVEN the U.S. State Department sentence THEN it is one sentence ending after the quotation', () => {
    const s = article.sentences.find((x) => x.text.startsWith('The U.S. State Department'));
    expect(s?.text.endsWith('of the Astana process".')).toBe(true);
  });
  it('GIVEN any sentence THEN it is verbatim text of the file', () => {
    for (const s of article.sentences) expect(raw).toContain(s.text);
  });
  it('GIVEN Windows line endings THEN the same sentences come out', () => {
    expect(parseArticle('x', raw.replace(/\n/g, '\r\n')).sentences).toEqual(article.sentences);
  });
  it('GIVEN a file without paragraphs THEN it is refused with a clear message', () => {
    expect(() => parseArticle('x', 'Only a headline')).toThrow(/expected a headline, at least one paragraph and a byline/);
  });
});
