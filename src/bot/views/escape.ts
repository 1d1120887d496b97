/**
 * The one escaping function for text Discord renders: user text echoed back, article sentences,
 * answers and labels shown in message content. Escaping is a backslash before every character that
 * could start Markdown or a `<…>` form, so Discord shows the text literally, and `unescapeText`
 * gives back exactly the original.
 *
 * Covered: bold/italics/underline (`*`, `_`), strikethrough (`~`), spoilers (`|`), code and code
 * blocks (`` ` `` in any run), block quotes (`>`), headings and subtext (`#`, `-#`), lists (`-`, `+`,
 * `1.` at a line start), masked links (`[`, `]`), bare links (`://`), and every `<…>` form (`<@user>`,
 * `<@!user>`, `<@&role>`, `<#channel>`, `<:emoji:id>`, `<a:emoji:id>`, `<t:stamp>`, `</command:id>`,
 * `<id:customize>`, `<id:browse>`, `<id:guide>`, `<https://…>`), plus `@everyone`/`@here`.
 * Backslashes themselves are doubled.
 */

import { plainLine, truncate } from './text.js';

// Markers anywhere in a line.
const ANYWHERE = /[\\*_~|`<>@#[\]]/g;
// Markers only at a line start: list items and subtext (`-#`), and the dot of a numbered list.
const LIST_MARK = /^([ \t]*)([-+])/gm;
const NUMBERED = /^([ \t]*\d+)\./gm;

const ESCAPE_CACHE_SIZE = 2_000;
const cache = new Map<string, string>();

export function escapeText(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const out = text
    .replace(ANYWHERE, '\\$&')
    .replace(LIST_MARK, '$1\\$2')
    .replace(NUMBERED, '$1\\.')
    // No clickable bare links: `https://x` becomes `https:\/\/x`.
    .replace(/:\/\//g, ':\\/\\/');
  // Answers, quotes and labels come from a fixed fact base, so nearly every call repeats one
  // already made. Bounded for user text.
  if (cache.size >= ESCAPE_CACHE_SIZE) cache.clear();
  cache.set(text, out);
  return out;
}

/** User text echoed back: one escaped line of at most `max` characters, isolated for bidi. */
export function echoUserText(text: string, max = 200): string {
  return `\u2068${escapeText(truncate(plainLine(text), max))}\u2069`;
}

/** The inverse of `escapeText` (what Discord shows): a backslash makes the next character literal. */
export function unescapeText(text: string): string {
  return text.replace(/\\([\s\S])/g, '$1');
}
