import fc from 'fast-check';
import { isWellFormed } from '../helpers/unicode.js';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, MAX_RAW_QUESTION_CHARS, capCodePoints, capGraphemes, cleanQuestion, words } from '../../src/knowledge/text.js';

describe('cleanQuestion: the cap', () => {
  it('GIVEN an emoji across the 500th character THEN it is dropped whole, never half a surrogate pair', () => {
    const q = `${'a'.repeat(MAX_QUESTION_CHARS - 1)}🕊️ and more`;
    const out = cleanQuestion(q);
    expect(out).toBe('a'.repeat(MAX_QUESTION_CHARS - 1));
    expect(isWellFormed(out)).toBe(true);
  });
  it('GIVEN a flag (two code points, one grapheme) across the cap THEN the whole flag goes, not half of it', () => {
    const out = cleanQuestion(`${'a'.repeat(MAX_QUESTION_CHARS - 3)} 🇫🇷`);
    expect(out).toBe('a'.repeat(MAX_QUESTION_CHARS - 3));
  });
  it('GIVEN one grapheme longer than the cap (zalgo) THEN it is cut on a code point boundary instead', () => {
    const out = cleanQuestion(`a${'\u0301'.repeat(2 * MAX_QUESTION_CHARS)}`);
    expect(out.length).toBe(MAX_QUESTION_CHARS);
    expect(isWellFormed(out)).toBe(true);
  });
  it('GIVEN input that NFKC expands (ﷺ is 18 characters) THEN only the first raw characters are normalised', () => {
    const q = '\ufdfa'.repeat(1_000_000);
    const started = performance.now();
    const out = cleanQuestion(q);
    expect(performance.now() - started).toBeLessThan(500);
    expect(out.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(out.startsWith('\ufdfa'.normalize('NFKC'))).toBe(true);
  });
  it('GIVEN leading white space before a long question THEN the cap counts from the first visible character', () => {
    expect(cleanQuestion(`   ${'a'.repeat(2 * MAX_QUESTION_CHARS)}`)).toHaveLength(MAX_QUESTION_CHARS);
  });
  it('GIVEN a question after more raw characters than the raw cap THEN it is not seen (the cap is on raw input)', () => {
    expect(cleanQuestion(`${'\u0000'.repeat(MAX_RAW_QUESTION_CHARS)}Who wrote it?`)).toBe('');
    expect(cleanQuestion(`${'\u0000'.repeat(MAX_RAW_QUESTION_CHARS - 20)}Who wrote it?`)).toBe('Who wrote it?');
  });
  it('GIVEN any string THEN the result is well formed, at most the cap, free of controls and a prefix of the cleaned whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3 * MAX_QUESTION_CHARS }), (raw) => {
        const out = cleanQuestion(raw);
        expect(out.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
        expect(isWellFormed(out)).toBe(true);
        expect(out).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(out).toBe(out.trim());
      }),
      { numRuns: 300 },
    );
  });
});

describe('cleanQuestion: what it removes', () => {
  it.each([
    ['\uff37\uff48\uff4f', 'Who'],
    ['a\u001b[31mb', 'a b'],
    ['\u001b[1 qWho', 'Who'],
    ['a\u0000\u0001b', 'a b'],
    ['a\u200bb', 'a b'],
    ['  a \t\n  b  ', 'a b'],
  ])('GIVEN %j THEN %j', (raw, clean) => {
    expect(cleanQuestion(raw)).toBe(clean);
  });
});

describe('capCodePoints and capGraphemes', () => {
  it('GIVEN the first and last high surrogates (U+10000, U+10FFFF) across the limit THEN the pair is kept whole or dropped', () => {
    expect(capCodePoints('ab\ud800\udc00', 3)).toBe('ab');
    expect(capCodePoints('ab\udbff\udfff', 3)).toBe('ab');
    expect(capCodePoints('ab\udc00x', 3)).toBe('ab\udc00');
  });
  it('GIVEN a surrogate pair across the limit THEN the cut falls before it', () => {
    expect(capCodePoints('ab😀', 3)).toBe('ab');
    expect(capCodePoints('ab😀', 4)).toBe('ab😀');
    expect(capCodePoints('abc', 2)).toBe('ab');
  });
  it('GIVEN a letter with its accent across the limit THEN the grapheme stays whole or goes', () => {
    expect(capGraphemes('abe\u0301', 3)).toBe('ab');
    expect(capGraphemes('abe\u0301', 4)).toBe('abe\u0301');
    expect(capGraphemes('abcd', 2)).toBe('ab');
    expect(capGraphemes('ab🇫🇷', 4)).toBe('ab');
    expect(capGraphemes('ab🇫🇷c', 6)).toBe('ab🇫🇷');
  });
  it('GIVEN any string and limit THEN the result is a well-formed prefix within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(70), (s, max) => {
        for (const cap of [capCodePoints, capGraphemes]) {
          const out = cap(s, max);
          expect(s.startsWith(out)).toBe(true);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(isWellFormed(out)).toBe(true);
        }
        expect(capGraphemes(s, max).length).toBeGreaterThanOrEqual(Math.min(s.length, max) - 40);
      }),
    );
  });
});

describe('words', () => {
  it('GIVEN initialisms, possessives, diacritics and lone letters THEN the words a fact and a question share', () => {
    expect(words("The U.N. and al-Assad's envoy: a café in Idlib, 6 zones, quick q")).toEqual(['the', 'un', 'and', 'al', 'assad', 'envoy', 'cafe', 'in', 'idlib', '6', 'zones', 'quick']);
    expect(words('r u sure, 2 rounds?', true)).toEqual(['r', 'u', 'sure', '2', 'rounds']);
    expect(words('r u sure, 2 rounds?')).toEqual(['sure', '2', 'rounds']);
  });

  it('GIVEN plain lower-case words THEN the same words as the full split gives the same text with punctuation', () => {
    // Plain text takes a shortcut past the normalising steps; a trailing "," forces the full path.
    const plain = fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
    let run = 0;
    fc.assert(
      fc.property(plain, fc.boolean(), (t, letters) => {
        const salted = `${t} run${(run += 1)}`; // a fresh cache key each run
        expect(words(salted, letters)).toEqual(words(`${salted},`, letters));
      }),
    );
  });

  it('GIVEN any text, asked for in either form first THEN the plain form is the letters form without lone letters', () => {
    // Both forms come from one cached split: the order of the calls must not matter.
    const text = fc.stringMatching(/^[a-zA-Z0-9 .,'?-]{0,40}$/);
    let run = 0;
    fc.assert(
      fc.property(text, fc.boolean(), (t, lettersFirst) => {
        const salted = `${t} run${(run += 1)}`; // a fresh cache key each run
        let all: readonly string[];
        let plain: readonly string[];
        if (lettersFirst) {
          all = words(salted, true);
          plain = words(salted);
        } else {
          plain = words(salted);
          all = words(salted, true);
        }
        expect(plain).toEqual(all.filter((w) => w.length > 1 || /\d/.test(w)));
      }),
    );
  });
});
