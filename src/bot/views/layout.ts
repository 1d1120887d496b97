/**
 * Fitting a reply into Discord's limits by construction. A view is a list of parts (lines); parts
 * are joined within 2,000 characters by dropping the least important first, then shortening the
 * longest shrinkable one at a word boundary with an explicit ellipsis.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';
import { escapeText } from './escape.js';
import { truncate } from './text.js';

export const LIMITS = {
  content: 2000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  placeholder: 150,
  customId: 100,
  choices: 25,
  choiceText: 100,
} as const;

export type ComponentRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A view: plain `content` plus action rows, never pinging anyone. */
export interface Rendered {
  readonly content: string;
  readonly components: ComponentRow[];
  readonly allowedMentions: { readonly parse: readonly [] };
}

export interface Part {
  text: string;
  /** Parts with a rank are dropped, highest rank first, when the message is too long. */
  readonly dropRank?: number;
  /** Returns a version of the part at most `budget` long. */
  readonly shrink?: (budget: number) => string;
}

const NO_MENTIONS = Object.freeze({ parse: [] as const });

/**
 * The longest rendering of `raw` that fits `budget` once escaped and wrapped, cut at a word
 * boundary with an ellipsis; '' when not even the ellipsis fits.
 */
export function fitEscaped(raw: string, budget: number, wrap: (escaped: string, cut: boolean) => string): string {
  // Escaping only ever adds characters, so text longer than the budget needs cutting anyway.
  if (raw.length <= budget) {
    const whole = wrap(escapeText(raw), false);
    if (whole.length <= budget) return whole;
  }
  let keep = Math.min(raw.length, budget);
  while (keep > 0) {
    const line = wrap(escapeText(truncate(raw, keep)), true);
    if (line.length <= budget) return line;
    keep -= Math.max(1, line.length - budget);
  }
  const minimal = wrap('…', true);
  return minimal.length <= budget ? minimal : '';
}

/** A part that can be shortened; text is never escaped beyond what could fit in a message. */
export function shrinkable(raw: string, wrap: (escaped: string, cut: boolean) => string): Part {
  return { text: fitEscaped(raw, LIMITS.content, wrap), shrink: (budget) => fitEscaped(raw, budget, wrap) };
}

/** Joins parts with newlines within `limit`: drops the droppable, then shrinks the longest. */
export function assemble(parts: readonly Part[], limit: number = LIMITS.content): string {
  return assembleCounting(parts, limit).content;
}

export function assembleCounting(parts: readonly Part[], limit: number): { content: string; dropped: number } {
  let dropped = 0;
  const live = parts.filter((p) => p.text !== '').map((p) => ({ ...p }));
  const length = () => live.reduce((n, p) => n + p.text.length, 0) + Math.max(0, live.length - 1);
  while (length() > limit) {
    const droppable = live.filter((p) => p.dropRank !== undefined);
    if (droppable.length > 0) {
      const worst = droppable.reduce((a, b) => ((b.dropRank ?? 0) > (a.dropRank ?? 0) ? b : a));
      live.splice(live.indexOf(worst), 1);
      dropped += 1;
      continue;
    }
    const longest = live.filter((p) => p.shrink).sort((a, b) => b.text.length - a.text.length)[0];
    if (!longest?.shrink) break;
    const target = Math.max(0, longest.text.length - (length() - limit));
    const shorter = longest.shrink(target);
    if (shorter.length >= longest.text.length) break;
    longest.text = shorter;
    if (shorter === '') live.splice(live.indexOf(longest), 1);
  }
  // Unreachable with the parts above, but the limit must hold whatever happens.
  return { content: truncate(live.map((p) => p.text).join('\n'), limit), dropped };
}

/** The finished view: content within the limit, at most 5 rows, no mentions. */
export function rendered(content: string, components: readonly (ComponentRow | null)[] = []): Rendered {
  return {
    content: truncate(content, LIMITS.content),
    components: components.filter((r): r is ComponentRow => r !== null).slice(0, LIMITS.actionRows),
    allowedMentions: NO_MENTIONS,
  };
}

/** A short message: friendly notices for a user's mistakes, and the apology for ours. */
export function renderNotice(text: string): Rendered {
  return rendered(text);
}
