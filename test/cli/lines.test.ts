import fc from 'fast-check';
import { isWellFormed } from '../helpers/unicode.js';
import { describe, expect, it } from 'vitest';
import { jsonLine, messageOf, readLines } from '../../src/cli/lines.js';

async function collect(chunks: ReadonlyArray<Buffer | string>): Promise<string[]> {
  const out: string[] = [];
  async function* source() {
    for (const c of chunks) yield c;
  }
  for await (const line of readLines(source())) out.push(line);
  return out;
}

/** `bytes` cut at the given offsets (any byte, inside a UTF-8 sequence too). */
function cut(bytes: Buffer, offsets: readonly number[]): Buffer[] {
  const at = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => bytes.subarray(start, at[i] ?? bytes.length));
}

describe('readLines', () => {
  it('GIVEN "\\n", "\\r\\n" and a lone "\\r" THEN only the first two end a line', async () => {
    expect(await collect(['Who are\rthe guarantors?\nsecond\r\nthird'])).toEqual(['Who are\rthe guarantors?', 'second', 'third']);
  });
  it('GIVEN empty lines and a final "\\n" THEN each empty line is a line, and nothing follows the last "\\n"', async () => {
    expect(await collect(['\n\na\n'])).toEqual(['', '', 'a']);
    expect(await collect([])).toEqual([]);
  });
  it('GIVEN "\\r\\r\\n" THEN only the "\\r" before "\\n" is dropped', async () => {
    expect(await collect(['a\r\r\n'])).toEqual(['a\r']);
  });
  it('GIVEN any well-formed lines cut into chunks anywhere THEN the same lines come back, one per "\\n"', async () => {
    const line = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => isWellFormed(s) && !s.includes('\n'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), async (lines, offsets, crlf) => {
        const text = lines.map((l) => `${l}${crlf ? '\r' : ''}\n`).join('');
        const expected = lines.map((l) => (crlf ? l : l.endsWith('\r') ? l.slice(0, -1) : l));
        expect(await collect(cut(Buffer.from(text, 'utf8'), offsets))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('jsonLine', () => {
  it('GIVEN U+2028, U+2029, U+0085, "\\r" and "\\n" in a string THEN the output is one line that parses back to the same value', () => {
    const value = { question: 'a\u2028b\u2029c\u0085d\re\nf' };
    const line = jsonLine(value);
    expect(line).toBe('{"question":"a\\u2028b\\u2029c\\u0085d\\re\\nf"}');
    expect(JSON.parse(line)).toEqual(value);
  });
  it('GIVEN any value of strings THEN no line terminator of any kind is left and it parses back', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string({ unit: 'binary' })), (value) => {
        const line = jsonLine(value);
        expect(line).not.toMatch(/[\n\r\v\f\u0085\u2028\u2029]/);
        expect(JSON.parse(line)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('messageOf', () => {
  it('GIVEN a line that is one JSON string THEN the message it encodes, line breaks included', () => {
    expect(messageOf('"hi all\\nwho hosts the talks?"')).toBe('hi all\nwho hosts the talks?');
    expect(messageOf('""')).toBe('');
  });
  it('GIVEN quoted text that is not one JSON string THEN the line as written', () => {
    for (const line of ['"Astana" or "Geneva"?', '"unclosed', 'ends with a quote"', '"', '"bad \\x escape"', '"raw\ttab"', 'plain question']) {
      expect(messageOf(line)).toBe(line);
    }
  });
  it('GIVEN any string encoded as JSON THEN that very string comes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(messageOf(JSON.stringify(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
