import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echoUserText, escapeText, unescapeText } from '../../../src/bot/views/escape.js';

/**
 * What Discord would still read as Markdown or a `<…>` form in escaped text: every character that
 * is not itself behind a backslash, checked for the markers that start formatting.
 */
function liveMarkers(escaped: string): string[] {
  const found: string[] = [];
  let lineStart = true;
  let lineSoFar = '';
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped[i] as string;
    if (c === '\\') {
      i += 1; // the next character is literal
      lineStart = false;
      lineSoFar += 'x';
      continue;
    }
    if (c === '\n') {
      lineStart = true;
      lineSoFar = '';
      continue;
    }
    if ('*_~|`<>@#[]'.includes(c)) found.push(c);
    if (lineStart && /[ \t]/.test(c)) {
      lineSoFar += c;
      continue;
    }
    if (lineStart && (c === '-' || c === '+')) found.push(`line-start ${c}`);
    if (/^[ \t]*\d+$/.test(lineSoFar) && c === '.') found.push('numbered list');
    if (c === ':' && escaped.startsWith('//', i + 1)) found.push('://');
    lineStart = false;
    lineSoFar += c;
  }
  return found;
}

// Text rich in the characters that matter: markers, runs of them, `<…>` forms, newlines, digits.
const MARKERS = ['*', '**', '_', '__', '____', '~~', '||', '`', '```', '````', '>', '>>>', '#', '-#', '- ', '+ ', '1. ', '[', '](', ')', '<', '>', '@', '\\', ':', '//', '\n', ' ', 'a', '9'];
const FORMS = ['<@123>', '<@!123>', '<@&123>', '<#123>', '<:e:1>', '<a:e:1>', '<t:1700000000:R>', '</ask:123>', '<id:customize>', '<id:browse>', '<id:guide>', '<https://x.example>', '@everyone', '@here', 'https://x.example', '[a](https://x.example)'];
const hostile = fc.array(fc.oneof(fc.constantFrom(...MARKERS, ...FORMS), fc.string()), { maxLength: 40 }).map((parts) => parts.join(''));

describe('escapeText (one escaping function for all echoed and quoted text)', () => {
  it('GIVEN generated text full of markdown, mentions and <…> forms THEN no marker survives unescaped', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(liveMarkers(escapeText(text))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('GIVEN any text (full Unicode too) THEN unescaping gives back exactly the text', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect(unescapeText(escapeText(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['<id:customize>', '\\<id:customize\\>'],
    ['````a````', '\\`\\`\\`\\`a\\`\\`\\`\\`'],
    ['____x____', '\\_\\_\\_\\_x\\_\\_\\_\\_'],
    ['@everyone', '\\@everyone'],
    ['-# small', '\\-\\# small'],
    ['12. item', '12\\. item'],
    ['see https://x.example', 'see https:\\/\\/x.example'],
    ['back\\slash', 'back\\\\slash'],
  ])('GIVEN %j THEN escapes to %j', (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });

  it('GIVEN the checker THEN it does find live markers (so the property can fail)', () => {
    expect(liveMarkers('**bold** <@1> - item')).toEqual(['*', '*', '*', '*', '<', '@', '>']);
    expect(liveMarkers('- item')).toEqual(['line-start -']);
    expect(liveMarkers('1. x')).toEqual(['numbered list']);
  });

  it('GIVEN user text THEN the echo is one bidi-isolated escaped line that unescapes to the cleaned text', () => {
    const echo = echoUserText('hi\n**there** <id:guide>');
    expect(echo.startsWith('\u2068') && echo.endsWith('\u2069')).toBe(true);
    expect(unescapeText(echo.slice(1, -1))).toBe('hi **there** <id:guide>');
  });
});
