/**
 * Plain-text helpers for untrusted and long text: one clean line, and cutting to a length at a
 * character (grapheme) and preferably word boundary. No Markdown here: see escape.ts.
 */

import { graphemes } from '../../knowledge/text.js';

/**
 * Shortens `text` to at most `max` UTF-16 code units (never more than Discord's count), cutting at
 * a grapheme boundary and preferably at a word boundary, and marking the cut with `ellipsis`.
 */
export function truncate(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return max <= 0 ? '' : ellipsis.slice(0, max);
  const room = max - ellipsis.length;
  let cut = 0;
  // Segmenting a bounded prefix keeps this linear even for 10,000-character input.
  for (const { segment, index } of graphemes().segment(text.slice(0, room + 32))) {
    if (index + segment.length > room) break;
    cut = index + segment.length;
  }
  let head = text.slice(0, cut);
  const lastSpace = head.search(/\s\S*$/);
  if (lastSpace >= room * 0.6) head = head.slice(0, lastSpace);
  return `${head.trimEnd()}${ellipsis}`;
}

// Bidi embeddings/overrides/isolates and marks: user text must not reorder the bot's own text.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// C0/C1 controls (whitespace was already collapsed to spaces).
const CONTROLS = /\p{Cc}/gu;
// More than 3 combining marks on one character is "zalgo": keep the first 3.
const ZALGO = /(\p{M}{3})\p{M}+/gu;

/** One line of untrusted text: no controls, no bidi tricks, no zalgo towers, collapsed whitespace. */
export function plainLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(ZALGO, '$1')
    .trim();
}

/** One clean line of at most `max` characters (for labels, menus and choices, where Markdown isn't rendered). */
export function shortLine(text: string, max: number, fallback = '…'): string {
  const t = truncate(plainLine(text), max);
  return t === '' ? fallback : t;
}
